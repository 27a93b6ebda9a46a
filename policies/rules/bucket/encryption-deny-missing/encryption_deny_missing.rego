# METADATA
# title: Log bucket policy does not deny non-KMS uploads
# description: |
#   A log bucket's policy should explicitly deny PutObject requests that are
#   not encrypted with SSE-KMS, so that nothing can place log files that
#   bypass the key's access control. The policy of every log bucket (a trail
#   in scope writes to it, or the policy grants cloudtrail.amazonaws.com) is
#   asked whether it denies a PutObject of a log file from another account
#   sent with no x-amz-server-side-encryption header, and one sent with
#   AES256; if either is not denied, the policy is reported. A Deny with
#   StringNotEquals s3:x-amz-server-side-encryption aws:kms covers both,
#   because negated operators also match when the header is absent.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
# custom:
#   id: CT106
#   name: encryption-deny-missing
#   severity: medium
#   frameworks: []
#   remediation: |
#     Deny every upload that is not SSE-KMS encrypted:
#       {"Sid": "DenyNonKmsUploads", "Effect": "Deny", "Principal": "*",
#        "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-cloudtrail-logs/*",
#        "Condition": {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}}
package ctlint.rules.encryption_deny_missing

import data.ctlint.lib

# One finding per policy, naming every kind of upload that is not denied.
report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.log_bucket_policies
	kinds := sort({probe.kind | some probe in _probes(p.policy); lib.denied(p.policy, probe.request) == "false"})
	count(kinds) > 0
	msg := sprintf("the log bucket policy does not deny uploads without SSE-KMS: %s PutObject requests are not denied; add a Deny on s3:PutObject with StringNotEquals s3:x-amz-server-side-encryption \"aws:kms\"", [concat(" and ", kinds)])
}

undecided contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.log_bucket_policies
	lib.all_denied(p.policy, {probe.request | some probe in _probes(p.policy)}) == "unknown"
	msg := "whether the log bucket policy denies uploads without SSE-KMS depends on values not known offline"
}

_probes(policy) := {probe |
	some bucket in lib.probe_buckets(policy)
	some kind, sse in {"unencrypted (no x-amz-server-side-encryption header)": {}, "SSE-S3 (AES256)": {"s3:x-amz-server-side-encryption": "AES256"}}
	probe := {"kind": kind, "request": {
		"principal": lib.foreign_principal,
		"action": "s3:PutObject",
		"resource": lib.log_object(policy, bucket),
		"context": object.union({"aws:SecureTransport": "true", "s3:x-amz-acl": "bucket-owner-full-control"}, sse),
	}}
}
