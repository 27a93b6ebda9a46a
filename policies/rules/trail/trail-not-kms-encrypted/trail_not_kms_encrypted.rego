# METADATA
# title: Trail logs are not encrypted with a KMS key
# description: |
#   Without a KMS key, log files are encrypted with S3-managed keys (SSE-S3):
#   anyone who can read the bucket can read the logs. With SSE-KMS, reading
#   also needs kms:Decrypt on the key, a second, separately audited control.
#   The rule fires when kms_key_id / KMSKeyId is not written or empty.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html
# custom:
#   id: CT403
#   name: trail-not-kms-encrypted
#   severity: medium
#   frameworks: ["CIS AWS Foundations 3.5", "AWS Security Hub CloudTrail.2"]
#   remediation: |
#     Encrypt the logs with a customer managed KMS key whose policy lets
#     CloudTrail use it:
#       Terraform:      kms_key_id = aws_kms_key.cloudtrail.arn
#       CloudFormation: KMSKeyId: !GetAtt CloudTrailKey.Arn
package ctlint.rules.trail_not_kms_encrypted

import data.ctlint.lib

report contains lib.finding(msg, t.range, t) if {
	some t in input.trails
	not t.kms_key_id
	msg := sprintf("%s sets no KMS key: its logs are encrypted only with S3-managed keys, readable by anyone who can read the bucket", [lib.trail_label(t)])
}

report contains lib.finding(msg, t.kms_key_id.range, t) if {
	some t in input.trails
	t.kms_key_id.known
	t.kms_key_id.value == ""
	msg := sprintf("%s sets an empty KMS key: its logs are encrypted only with S3-managed keys", [lib.trail_label(t)])
}
