package corpus

import (
	"bytes"
	"fmt"
)

// names are what module i calls its bucket and trail.
func bucketName(i int) string { return fmt.Sprintf("org-audit-%05d-cloudtrail-logs", i) }
func trailName(i int) string  { return fmt.Sprintf("audit-trail-%05d", i) }
func regionOf(i int) string   { return [...]string{"us-east-1", "eu-west-1", "ap-southeast-2"}[i%3] }

// account is how module i spells its account id in Terraform: the caller
// identity data source (unknown offline, the scope's own account) or a
// variable.
func account(v variant) string {
	if v.unknownAccount {
		return "${var.account_id}"
	}
	return "${data.aws_caller_identity.current.account_id}"
}

func terraformMain(i int, v variant) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Audit trail for service %05d.\n\n", i)
	b.WriteString("data \"aws_caller_identity\" \"current\" {}\n\n")
	if v.unknownAccount {
		b.WriteString("variable \"account_id\" {\n  type        = string\n  description = \"Account the trail belongs to\"\n}\n\n")
	}
	fmt.Fprintf(&b, "variable \"retention_days\" {\n  type    = number\n  default = %d\n}\n\n", retentionDays(v))
	fmt.Fprintf(&b, "locals {\n  trail_name = %q\n  trail_arn  = \"arn:aws:cloudtrail:%s:%s:trail/${local.trail_name}\"\n}\n\n", trailName(i), regionOf(i), account(v))
	fmt.Fprintf(&b, `resource "aws_cloudtrail" "main" {
  name                          = local.trail_name
  s3_bucket_name                = aws_s3_bucket.logs.id
  include_global_service_events = true
  is_multi_region_trail         = %s
  enable_log_file_validation    = %s
  kms_key_id                    = aws_kms_key.logs.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail_logs.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }

  depends_on = [aws_s3_bucket_policy.logs]
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/${local.trail_name}"
  retention_in_days = 365
}

resource "aws_iam_role" "trail_logs" {
  name = "${local.trail_name}-logs"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
`, yesNo(!v.singleRegion), yesNo(!v.noValidation))
	return b.Bytes()
}

func retentionDays(v variant) int {
	if v.shortRetention {
		return 30
	}
	return 400
}

func terraformBucket(i int, v variant) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `resource "aws_s3_bucket" "logs" {
  bucket        = %q
  force_destroy = false
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = %q
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = %s
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.logs.id
  target_bucket = "org-access-logs-%02d"
  target_prefix = "cloudtrail/%05d/"
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "retention"
    status = "Enabled"

    filter {
      prefix = "AWSLogs/"
    }

    transition {
      days          = 90
      storage_class = "GLACIER"
    }

    expiration {
      days = var.retention_days
    }
`, bucketName(i), versioningStatus(v), yesNo(!v.publicAccessOpen), i/100, i)
	if !v.noVersioning {
		b.WriteString(`
    noncurrent_version_expiration {
      noncurrent_days = var.retention_days
    }
`)
	}
	b.WriteString("  }\n}\n")
	return b.Bytes()
}

func versioningStatus(v variant) string {
	if v.noVersioning {
		return "Suspended"
	}
	return "Enabled"
}

func terraformPolicy(i int, v variant) []byte {
	var b bytes.Buffer
	sourceArn := ""
	if !v.noSourceArn {
		sourceArn = "\n            \"aws:SourceArn\" = local.trail_arn"
	}
	acl := ""
	if !v.noACLCondition {
		acl = "\n            \"s3:x-amz-acl\" = \"bucket-owner-full-control\""
	}
	fmt.Fprintf(&b, `resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AWSCloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = aws_s3_bucket.logs.arn
        Condition = {
          StringEquals = {
            "aws:SourceArn" = local.trail_arn
          }
        }
      },
      {
        Sid       = "AWSCloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.logs.arn}/AWSLogs/%s/*"
        Condition = {
          StringEquals = {%s%s
          }
        }
      },
      {
        Sid       = "DenyUnencryptedPuts"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.logs.arn}/*"
        Condition = {
          StringNotEquals = {
            "s3:x-amz-server-side-encryption" = "aws:kms"
          }
        }
      },`, account(v), sourceArn, acl)
	if !v.noTLSDeny {
		b.WriteString(`
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },`)
	}
	b.WriteString("\n    ]\n  })\n}\n")
	return b.Bytes()
}

func terraformKey(i int, v variant) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `resource "aws_kms_key" "logs" {
  description         = "CloudTrail logs for service %05d"
  enable_key_rotation = %s
  policy              = data.aws_iam_policy_document.key.json
}

resource "aws_kms_alias" "logs" {
  name          = "alias/cloudtrail-%05d"
  target_key_id = aws_kms_key.logs.key_id
}

data "aws_iam_policy_document" "key" {
  statement {
    sid       = "EnableAccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::%s:root"]
    }
  }

  statement {
    sid       = "AllowCloudTrailEncrypt"
    actions   = ["kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
`, i, yesNo(!v.rotationOff), i, account(v))
	if !v.noKMSContext {
		b.WriteString(`    condition {
      test     = "StringLike"
      variable = "kms:EncryptionContext:aws:cloudtrail:arn"
      values   = ["arn:aws:cloudtrail:*:${data.aws_caller_identity.current.account_id}:trail/*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
`)
	}
	b.WriteString(`  }

  statement {
    sid       = "AllowCloudTrailDescribeKey"
    actions   = ["kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}
`)
	return b.Bytes()
}
