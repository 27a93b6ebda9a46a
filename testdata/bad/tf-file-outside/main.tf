resource "aws_s3_bucket_policy" "logs" {
  bucket = "logs"
  policy = file("../../outside")
}

resource "aws_s3_bucket_policy" "template" {
  bucket = "logs"
  policy = templatefile("../../outside", {})
}
