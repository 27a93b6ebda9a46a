package ctlint.rules.deny_ineffective_test

import data.ctlint.rules.deny_ineffective as rule
import data.ctlint.testkit.policy as kit

bucket := "arn:aws:s3:::my-cloudtrail-logs"

objects := "arn:aws:s3:::my-cloudtrail-logs/*"

sse := "s3:x-amz-server-side-encryption"

test_object_action_on_bucket_arn if {
	d := kit.deny(20, "s3:PutObject", bucket, {"StringNotEquals": {sse: "aws:kms"}})
	findings := rule.report with input as kit.bucket_doc([d])
	count(findings) == 1
	some f in findings
	f.range.line == 20
	f.message == "statement \"Deny20\" denies object actions (s3:PutObject) but names only bucket ARNs (arn:aws:s3:::my-cloudtrail-logs): object ARNs are <bucket ARN>/<key>, so it never applies to an object; add arn:aws:s3:::my-cloudtrail-logs/*"
}

test_object_wildcard_action_and_marker_bucket if {
	d := kit.deny(20, ["s3:DeleteObject*"], "arn:aws:s3:::«var.bucket_name»", {})
	kit.lines(rule.report) == {20} with input as kit.bucket_doc([d])
}

test_bucket_and_object_arns_are_fine if {
	d := kit.deny(20, "s3:*", [bucket, objects], {"Bool": {"aws:SecureTransport": "false"}})
	count(rule.report) == 0 with input as kit.bucket_doc([d])
	count(rule.undecided) == 0 with input as kit.bucket_doc([d])
}

test_bucket_actions_on_bucket_arn_are_fine if {
	d := kit.deny(20, "s3:PutBucketPolicy", bucket, {})
	count(rule.report) == 0 with input as kit.bucket_doc([d])
}

# Seed 000's two encryption denies work as intended.
test_seed_000_denies if {
	stmts := [
		kit.deny(20, "s3:PutObject", objects, {"StringNotEquals": {sse: "aws:kms"}}),
		kit.deny(31, "s3:PutObject", objects, {"StringNotEquals": {"s3:x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:us-east-1:123456789012:key/k"}}),
	]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

test_inverted_encryption_condition if {
	d := kit.deny(20, "s3:PutObject", objects, {"StringEquals": {sse: "aws:kms"}})
	findings := rule.report with input as kit.bucket_doc([d])
	some f in findings
	contains(f.message, "denies uploads encrypted with SSE-KMS")
	contains(f.message, "the condition is inverted")
}

test_null_false_is_inverted if {
	d := kit.deny(20, "s3:PutObject", objects, {"Null": {sse: "false"}})
	findings := rule.report with input as kit.bucket_doc([d])
	count(findings) == 1
	some f in findings
	contains(f.message, "inverted")
}

test_null_true_alone_is_partial_but_effective if {
	d := kit.deny(20, "s3:PutObject", objects, {"Null": {sse: "true"}})
	count(rule.report) == 0 with input as kit.bucket_doc([d])
}

test_encryption_condition_matching_nothing_weak if {
	d := kit.deny(20, "s3:PutObject", objects, {"StringEquals": {sse: "aws:kms:dsse"}})
	findings := rule.report with input as kit.bucket_doc([d])
	some f in findings
	contains(f.message, "matches neither an unencrypted PutObject nor an SSE-S3 (AES256) one")
}

test_inverted_transport_condition if {
	d := kit.deny(20, "s3:*", [bucket, objects], {"Bool": {"aws:SecureTransport": "true"}})
	findings := rule.report with input as kit.bucket_doc([d])
	kit.lines(findings) == {20}
	some f in findings
	contains(f.message, "denies requests made over TLS")
}

test_transport_condition_with_string_operator_on_wrong_value if {
	d := kit.deny(20, "s3:*", [bucket, objects], {"StringEquals": {"aws:SecureTransport": "no"}})
	findings := rule.report with input as kit.bucket_doc([d])
	some f in findings
	contains(f.message, "does not match requests over plain HTTP")
}

test_allow_statements_are_not_judged if {
	s := kit.set(kit.deny(20, "s3:PutObject", bucket, {"StringEquals": {sse: "aws:kms"}}), {"Effect": "Allow"})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
}

test_unknown_value_is_undecided if {
	d := kit.deny(20, "s3:PutObject", objects, {"StringNotEquals": {sse: "«var.sse_algorithm»"}})
	count(rule.report) == 0 with input as kit.bucket_doc([d])
	kit.lines(rule.undecided) == {20} with input as kit.bucket_doc([d])
}
