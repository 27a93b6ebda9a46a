resource "aws_s3_bucket" "logs" {
  count  = 1000000000
  bucket = "logs-${count.index}"
}
