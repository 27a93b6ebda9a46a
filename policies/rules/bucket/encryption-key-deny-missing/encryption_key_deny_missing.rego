# METADATA
# title: Log bucket policy does not deny uploads with another KMS key
# description: |
#   Denying uploads without SSE-KMS (CT106) still lets a writer encrypt log
#   files with a KMS key of its own choosing, possibly one in another
#   account that the log readers cannot use, or that its owner can revoke.
#   The policy of every log bucket (a trail in scope writes to it, or the
#   policy grants cloudtrail.amazonaws.com) is asked whether it denies a
#   PutObject of a log file sent with SSE-KMS and a key of another account
#   (s3:x-amz-server-side-encryption-aws-kms-key-id); if not, it is
#   reported. A Deny with StringNotEquals on that key naming the trail's
#   key covers it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/list_amazons3.html#amazons3-policy-keys
# custom:
#   id: CT107
#   name: encryption-key-deny-missing
#   severity: low
#   frameworks: []
#   remediation: |
#     Deny every upload that is not encrypted with the trail's key:
#       {"Sid": "DenyWrongKmsKey", "Effect": "Deny", "Principal": "*",
#        "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-cloudtrail-logs/*",
#        "Condition": {"StringNotEquals": {
#          "s3:x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:us-east-1:111122223333:key/<key-id>"}}}
package ctlint.rules.encryption_key_deny_missing

import data.ctlint.lib

other_key := "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000"

report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.log_bucket_policies
	some req in _requests(p.policy)
	lib.denied(p.policy, req) == "false"
	msg := sprintf("the log bucket policy does not deny a PutObject on %s encrypted with another account's KMS key (%s): add a Deny with StringNotEquals s3:x-amz-server-side-encryption-aws-kms-key-id naming the trail's key", [lib.display(req.resource), other_key])
}

undecided contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.log_bucket_policies
	lib.all_denied(p.policy, _requests(p.policy)) == "unknown"
	msg := "whether the log bucket policy denies uploads encrypted with another KMS key depends on values not known offline"
}

_requests(policy) := {req |
	some bucket in lib.probe_buckets(policy)
	req := {
		"principal": lib.foreign_principal,
		"action": "s3:PutObject",
		"resource": lib.log_object(policy, bucket),
		"context": {
			"aws:SecureTransport": "true",
			"s3:x-amz-acl": "bucket-owner-full-control",
			"s3:x-amz-server-side-encryption": "aws:kms",
			"s3:x-amz-server-side-encryption-aws-kms-key-id": other_key,
		},
	}
}
