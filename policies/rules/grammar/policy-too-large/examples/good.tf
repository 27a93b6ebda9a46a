# policy-too-large: passes the rule

data "aws_caller_identity" "current" {}

resource "aws_s3_bucket" "logs" {
  bucket = "my-cloudtrail-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    "Version" : "2012-10-17",
    "Statement" : [
      {
        "Sid" : "AWSCloudTrailWrite",
        "Effect" : "Allow",
        "Principal" : {
          "Service" : "cloudtrail.amazonaws.com"
        },
        "Action" : "s3:PutObject",
        "Resource" : [
          "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122220000/*",
          "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122220001/*",
          "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122220002/*"
        ],
        "Condition" : {
          "StringEquals" : {
            "s3:x-amz-acl" : "bucket-owner-full-control",
            "aws:SourceArn" : [
              "arn:aws:cloudtrail:us-east-1:111122220000:trail/main",
              "arn:aws:cloudtrail:us-east-1:111122220001:trail/main",
              "arn:aws:cloudtrail:us-east-1:111122220002:trail/main"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.logs.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
  depends_on                 = [aws_s3_bucket_policy.logs]
}
