resource "aws_s3_bucket_policy" "logs" {
  bucket = "logs"
  policy = file("/etc/passwd")
}
