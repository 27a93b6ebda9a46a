# The bucket policy comes from a variable without a value: ctlint cannot see
# its statements offline and says so (CT007) instead of passing it.
variable "bucket_policy_json" {
  type = string
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-audit-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = var.bucket_policy_json
}
