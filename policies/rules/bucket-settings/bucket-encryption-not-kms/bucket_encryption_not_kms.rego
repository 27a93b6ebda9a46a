# METADATA
# title: The log bucket's default encryption is not SSE-KMS
# description: |
#   With SSE-S3 (AES256), which S3 applies to every bucket without a default
#   encryption setting, anyone allowed to read the bucket can read the logs.
#   SSE-KMS adds a second, separately audited permission: kms:Decrypt on the
#   key. The rule fires for a log bucket with no default encryption or with
#   AES256. Buckets that receive server access logs are exempt: S3 log
#   delivery cannot write to a bucket whose default encryption is SSE-KMS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html
# custom:
#   id: CT504
#   name: bucket-encryption-not-kms
#   severity: medium
#   frameworks: ["AWS Security Hub S3.17", "CIS AWS Foundations 3.5"]
#   remediation: |
#     Encrypt the bucket by default with a customer managed KMS key:
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.logs.arn
#         }
#         bucket_key_enabled = true
#       }
package ctlint.rules.bucket_encryption_not_kms

import data.ctlint.lib

judged contains b if {
	some b in lib.log_buckets
	not b.is_access_log_target
}

report contains lib.finding(msg, b.range, b) if {
	some b in judged
	not b.partial
	not b.encryption
	msg := sprintf("%s sets no default encryption: S3 applies SSE-S3 (AES256), so anyone who can read the bucket can read the logs", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.encryption.algorithm.range, b) if {
	some b in judged
	b.encryption.algorithm.known
	upper(b.encryption.algorithm.value) == "AES256"
	msg := sprintf("%s is encrypted with SSE-S3 (AES256), not SSE-KMS: reading the logs needs no key permission", [lib.bucket_label(b)])
}

undecided contains lib.finding(msg, b.encryption.algorithm.range, b) if {
	some b in judged
	lib.unknown_attr(b.encryption.algorithm)
	msg := sprintf("whether %s is encrypted with SSE-KMS depends on %s", [lib.bucket_label(b), lib.display(b.encryption.algorithm.value)])
}
