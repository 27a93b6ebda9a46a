# METADATA
# title: Server access logging is off on the log bucket
# description: |
#   CloudTrail records management calls on the log bucket but not, by
#   default, who read or deleted which log object. S3 server access logging
#   records every request to the bucket, so tampering with the logs leaves a
#   trace elsewhere. The rule fires for a log bucket without access logging.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html
# custom:
#   id: CT505
#   name: bucket-access-logging-disabled
#   severity: low
#   frameworks: ["CIS AWS Foundations 3.4", "AWS Security Hub CloudTrail.7"]
#   remediation: |
#     Log requests to a separate bucket (encrypted with SSE-S3, which log
#     delivery requires):
#       resource "aws_s3_bucket_logging" "logs" {
#         bucket        = aws_s3_bucket.logs.id
#         target_bucket = aws_s3_bucket.access_logs.id
#         target_prefix = "cloudtrail-bucket/"
#       }
package ctlint.rules.bucket_access_logging_disabled

import data.ctlint.lib

report contains lib.finding(msg, b.range, b) if {
	some b in lib.full_log_buckets
	not b.logging
	msg := sprintf("%s has no server access logging: reads and deletions of log objects leave no record", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.logging.target_bucket.range, b) if {
	some b in lib.log_buckets
	b.logging.target_bucket.known
	b.logging.target_bucket.value == ""
	msg := sprintf("%s has server access logging with an empty target bucket: no access log is delivered", [lib.bucket_label(b)])
}
