# log-tampering-allowed: triggers the rule (AllowLogCleanup lets any caller
# delete log objects, as long as it uses TLS)

provider "aws" {
  region = "us-east-1"
}

data "aws_caller_identity" "current" {}

locals {
  trail_arn = "arn:aws:cloudtrail:us-east-1:${data.aws_caller_identity.current.account_id}:trail/main"
}

resource "aws_s3_bucket" "logs" {
  bucket = "my-cloudtrail-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    "Version" : "2012-10-17",
    "Statement" : [
      {
        "Sid" : "AWSCloudTrailAclCheck",
        "Effect" : "Allow",
        "Principal" : { "Service" : "cloudtrail.amazonaws.com" },
        "Action" : "s3:GetBucketAcl",
        "Resource" : aws_s3_bucket.logs.arn,
        "Condition" : { "StringEquals" : { "aws:SourceArn" : local.trail_arn } }
      },
      {
        "Sid" : "AWSCloudTrailWrite",
        "Effect" : "Allow",
        "Principal" : { "Service" : "cloudtrail.amazonaws.com" },
        "Action" : "s3:PutObject",
        "Resource" : "${aws_s3_bucket.logs.arn}/AWSLogs/${data.aws_caller_identity.current.account_id}/*",
        "Condition" : {
          "StringEquals" : {
            "s3:x-amz-acl" : "bucket-owner-full-control",
            "aws:SourceArn" : local.trail_arn
          }
        }
      },
      {
        "Sid" : "AllowLogCleanup",
        "Effect" : "Allow",
        "Principal" : { "AWS" : "*" },
        "Action" : ["s3:DeleteObject", "s3:DeleteObjectVersion"],
        "Resource" : "${aws_s3_bucket.logs.arn}/*",
        "Condition" : { "Bool" : { "aws:SecureTransport" : "true" } }
      },
      {
        "Sid" : "DenyNonKmsUploads",
        "Effect" : "Deny",
        "Principal" : "*",
        "Action" : "s3:PutObject",
        "Resource" : "${aws_s3_bucket.logs.arn}/*",
        "Condition" : { "StringNotEquals" : { "s3:x-amz-server-side-encryption" : "aws:kms" } }
      }
    ]
  })
}

resource "aws_kms_key" "trail" {
  description         = "CloudTrail log encryption"
  enable_key_rotation = true
  policy = jsonencode({
    "Version" : "2012-10-17",
    "Statement" : [
      {
        "Sid" : "Enable IAM User Permissions",
        "Effect" : "Allow",
        "Principal" : { "AWS" : "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" },
        "Action" : "kms:*",
        "Resource" : "*"
      },
      {
        "Sid" : "Allow CloudTrail to encrypt logs",
        "Effect" : "Allow",
        "Principal" : { "Service" : "cloudtrail.amazonaws.com" },
        "Action" : "kms:GenerateDataKey*",
        "Resource" : "*",
        "Condition" : {
          "StringLike" : { "kms:EncryptionContext:aws:cloudtrail:arn" : "arn:aws:cloudtrail:*:${data.aws_caller_identity.current.account_id}:trail/*" },
          "StringEquals" : { "aws:SourceArn" : local.trail_arn }
        }
      },
      {
        "Sid" : "Allow CloudTrail access",
        "Effect" : "Allow",
        "Principal" : { "Service" : "cloudtrail.amazonaws.com" },
        "Action" : "kms:DescribeKey",
        "Resource" : "*",
        "Condition" : { "StringEquals" : { "aws:SourceArn" : local.trail_arn } }
      }
    ]
  })
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.logs.id
  kms_key_id                 = aws_kms_key.trail.arn
  is_multi_region_trail      = true
  enable_log_file_validation = true
  depends_on                 = [aws_s3_bucket_policy.logs]
}
