locals {
  a = local.b
  b = local.a
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = "logs"
  policy = local.a
}
