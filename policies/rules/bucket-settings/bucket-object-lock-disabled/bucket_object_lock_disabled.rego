# METADATA
# title: Object Lock is not enabled on the log bucket
# description: |
#   Object Lock (write-once-read-many) keeps log object versions from being
#   deleted or overwritten for a retention period, even by an administrator
#   in COMPLIANCE mode. It can be turned on when the bucket is created (and,
#   since 2023, later through the API). The rule fires for a log bucket
#   without Object Lock enabled.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html
# custom:
#   id: CT507
#   name: bucket-object-lock-disabled
#   severity: low
#   frameworks: ["AWS Security Hub S3.15"]
#   remediation: |
#     Enable Object Lock with a COMPLIANCE default retention:
#       resource "aws_s3_bucket" "logs" {
#         bucket              = "example-cloudtrail-logs"
#         object_lock_enabled = true
#       }
#       resource "aws_s3_bucket_object_lock_configuration" "logs" {
#         bucket = aws_s3_bucket.logs.id
#         rule {
#           default_retention {
#             mode = "COMPLIANCE"
#             days = 365
#           }
#         }
#       }
package ctlint.rules.bucket_object_lock_disabled

import data.ctlint.lib

report contains lib.finding(msg, b.range, b) if {
	some b in lib.full_log_buckets
	not b.object_lock
	msg := sprintf("%s does not enable Object Lock: log versions can be deleted or overwritten by anyone allowed to", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.object_lock.range, b) if {
	some b in lib.full_log_buckets
	b.object_lock
	not b.object_lock.enabled
	msg := sprintf("%s has an Object Lock configuration but does not enable Object Lock", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.object_lock.enabled.range, b) if {
	some b in lib.log_buckets
	lib.falsy(b.object_lock.enabled)
	msg := sprintf("%s has Object Lock disabled: log versions can be deleted or overwritten by anyone allowed to", [lib.bucket_label(b)])
}

undecided contains lib.finding(msg, b.object_lock.enabled.range, b) if {
	some b in lib.log_buckets
	lib.unknown_attr(b.object_lock.enabled)
	msg := sprintf("whether %s has Object Lock depends on %s", [lib.bucket_label(b), lib.display(b.object_lock.enabled.value)])
}
