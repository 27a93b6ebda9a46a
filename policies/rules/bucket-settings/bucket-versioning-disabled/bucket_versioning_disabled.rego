# METADATA
# title: The log bucket is not versioned
# description: |
#   Without versioning, deleting or overwriting a log object destroys it at
#   once; with versioning the previous version survives and can be restored.
#   The rule fires for a log bucket whose versioning is not configured,
#   Suspended or Disabled, unless Object Lock is enabled (which forces
#   versioning on).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html
# custom:
#   id: CT502
#   name: bucket-versioning-disabled
#   severity: medium
#   frameworks: ["AWS Security Hub S3.14"]
#   remediation: |
#     Enable versioning (and expire noncurrent versions with a lifecycle rule):
#       resource "aws_s3_bucket_versioning" "logs" {
#         bucket = aws_s3_bucket.logs.id
#         versioning_configuration { status = "Enabled" }
#       }
package ctlint.rules.bucket_versioning_disabled

import data.ctlint.lib

locked(b) if lib.truthy(b.object_lock.enabled)

report contains lib.finding(msg, b.range, b) if {
	some b in lib.full_log_buckets
	not b.versioning
	not locked(b)
	msg := sprintf("%s has no versioning: a deleted or overwritten log is gone for good", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.versioning.range, b) if {
	some b in lib.log_buckets
	b.versioning
	not b.versioning.status
	not locked(b)
	msg := sprintf("%s has a versioning configuration without a status: versioning was never enabled", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.versioning.status.range, b) if {
	some b in lib.log_buckets
	b.versioning.status.known
	b.versioning.status.value in {"Suspended", "Disabled"}
	not locked(b)
	msg := sprintf("%s has versioning %s: a deleted or overwritten log is gone for good", [lib.bucket_label(b), b.versioning.status.value])
}

undecided contains lib.finding(msg, b.versioning.status.range, b) if {
	some b in lib.log_buckets
	lib.unknown_attr(b.versioning.status)
	not locked(b)
	msg := sprintf("whether %s is versioned depends on %s", [lib.bucket_label(b), lib.display(b.versioning.status.value)])
}
