# METADATA
# title: MFA Delete is off on the log bucket
# description: |
#   With MFA Delete, permanently deleting an object version or changing the
#   versioning state needs the root user's MFA code, so stolen credentials
#   alone cannot erase logs. The rule fires for a log bucket whose versioning
#   has MFA Delete off or not configured. It does not fire on a bucket with a
#   lifecycle configuration: AWS does not allow MFA Delete together with one
#   (see mfa-delete-with-lifecycle, CT307), and Object Lock in COMPLIANCE mode
#   is the protection to use there.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html
# custom:
#   id: CT503
#   name: bucket-mfa-delete-disabled
#   severity: low
#   frameworks: ["CIS AWS Foundations 2.1.2", "AWS Security Hub S3.20"]
#   remediation: |
#     MFA Delete can only be enabled by the root user, with the CLI or API:
#       aws s3api put-bucket-versioning --bucket example-cloudtrail-logs \
#         --versioning-configuration Status=Enabled,MFADelete=Enabled \
#         --mfa "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"
#     If the bucket needs a lifecycle configuration, use Object Lock in
#     COMPLIANCE mode instead.
package ctlint.rules.bucket_mfa_delete_disabled

import data.ctlint.lib

judged contains b if {
	some b in lib.log_buckets
	not lib.has_lifecycle(b)
}

report contains lib.finding(msg, b.range, b) if {
	some b in judged
	not b.partial
	not b.versioning
	msg := sprintf("%s has no versioning and so no MFA Delete: log versions can be deleted without the root user's MFA", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.versioning.range, b) if {
	some b in judged
	not b.partial
	b.versioning
	not b.versioning.mfa_delete
	msg := sprintf("%s does not enable MFA Delete: log versions can be deleted without the root user's MFA", [lib.bucket_label(b)])
}

report contains lib.finding(msg, b.versioning.mfa_delete.range, b) if {
	some b in judged
	lib.falsy(b.versioning.mfa_delete)
	msg := sprintf("%s has MFA Delete disabled: log versions can be deleted without the root user's MFA", [lib.bucket_label(b)])
}

undecided contains lib.finding(msg, b.versioning.mfa_delete.range, b) if {
	some b in judged
	lib.unknown_attr(b.versioning.mfa_delete)
	msg := sprintf("whether %s has MFA Delete depends on %s", [lib.bucket_label(b), lib.display(b.versioning.mfa_delete.value)])
}
