# METADATA
# title: Bucket policy does not deny requests over plain HTTP
# description: |
#   Without a Deny on aws:SecureTransport = "false", principals who hold S3
#   permissions can read and write log objects over unencrypted HTTP. The
#   policy is asked whether it explicitly denies a GetObject and a PutObject
#   on a log object, made by a principal of another account over plain HTTP;
#   if either is not denied, the bucket policy is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5
# custom:
#   id: CT109
#   name: insecure-transport-allowed
#   severity: medium
#   frameworks: ["CIS AWS Foundations 2.1.1", "AWS Security Hub S3.5"]
#   remediation: |
#     Add a statement that denies every request made without TLS:
#       {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
#        "Action": "s3:*",
#        "Resource": ["arn:aws:s3:::my-cloudtrail-logs", "arn:aws:s3:::my-cloudtrail-logs/*"],
#        "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
package ctlint.rules.insecure_transport_allowed

import data.ctlint.lib

# One finding per policy, naming every request that plain HTTP still lets
# through.
report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.bucket_policies
	allowed := sort({req.action | some req in _requests(p.policy); lib.denied(p.policy, req) == "false"})
	count(allowed) > 0
	msg := sprintf("the bucket policy does not deny requests over plain HTTP: %s requests with aws:SecureTransport \"false\" are not denied; add a Deny on s3:* for aws:SecureTransport \"false\"", [concat(" and ", allowed)])
}

undecided contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.bucket_policies
	lib.all_denied(p.policy, _requests(p.policy)) == "unknown"
	msg := "whether the bucket policy denies requests over plain HTTP depends on values not known offline"
}

_requests(policy) := {req |
	some bucket in lib.probe_buckets(policy)
	some action in {"s3:GetObject", "s3:PutObject"}
	req := {
		"principal": lib.foreign_principal,
		"action": action,
		"resource": lib.log_object(policy, bucket),
		"context": {
			"aws:SecureTransport": "false",
			"s3:x-amz-acl": "bucket-owner-full-control",
			"s3:x-amz-server-side-encryption": "aws:kms",
		},
	}
}
