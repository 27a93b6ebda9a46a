# METADATA
# title: MFA Delete and a lifecycle configuration on the same bucket
# description: |
#   AWS does not allow MFA Delete on a bucket that has a lifecycle
#   configuration: the lifecycle configuration is rejected while MFA Delete is
#   enabled (and MFA Delete cannot be enabled while one exists), so one of the
#   two protections the configuration promises does not exist. The rule fires
#   for a log bucket whose versioning enables MFA Delete and that has a
#   lifecycle configuration. Object Lock in COMPLIANCE mode protects log
#   versions and works with lifecycle rules.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-and-other-bucket-config.html
# custom:
#   id: CT307
#   name: mfa-delete-with-lifecycle
#   severity: high
#   frameworks: []
#   no_bad_example:
#     cloudformation: CloudFormation cannot enable MFA Delete; only the root user can, through the S3 API
#   remediation: |
#     Keep the lifecycle configuration and protect log versions with Object
#     Lock instead of MFA Delete:
#       versioning_configuration {
#         status     = "Enabled"
#         mfa_delete = "Disabled"
#       }
#       # plus aws_s3_bucket_object_lock_configuration in COMPLIANCE mode
package ctlint.rules.mfa_delete_with_lifecycle

import data.ctlint.lib

report contains lib.finding(msg, b.versioning.mfa_delete.range, b) if {
	some b in lib.log_buckets
	lib.truthy(b.versioning.mfa_delete)
	lib.has_lifecycle(b)
	msg := sprintf("%s enables MFA Delete and has a lifecycle configuration: AWS does not allow both, so the lifecycle (and the retention it enforces) is rejected", [lib.bucket_label(b)])
}

undecided contains lib.finding(msg, b.versioning.mfa_delete.range, b) if {
	some b in lib.log_buckets
	lib.unknown_attr(b.versioning.mfa_delete)
	lib.has_lifecycle(b)
	msg := sprintf("%s has a lifecycle configuration; if MFA Delete (%s) is enabled AWS rejects it", [lib.bucket_label(b), lib.display(b.versioning.mfa_delete.value)])
}
