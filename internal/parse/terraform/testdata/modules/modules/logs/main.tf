variable "bucket_name" {
  type = string
}

variable "trail_arn" {}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.this.arn}/AWSLogs/*"
      Condition = { StringEquals = { "aws:SourceArn" = var.trail_arn } }
    }]
  })
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
