package ctlint.rules.insecure_transport_allowed_test

import data.ctlint.rules.insecure_transport_allowed as rule
import data.ctlint.testkit.policy as kit

bucket := "arn:aws:s3:::my-cloudtrail-logs"

tls_deny(line, condition) := kit.deny(line, "s3:*", [bucket, sprintf("%s/*", [bucket])], condition)

test_no_transport_deny if {
	findings := rule.report with input as kit.bucket_doc([kit.acl_check(4, {}), kit.trail_write(15, {})])
	kit.lines(findings) == {1}
	some f in findings
	f.resource == "aws_s3_bucket_policy.logs"
	f.message == "the bucket policy does not deny requests over plain HTTP: s3:GetObject and s3:PutObject requests with aws:SecureTransport \"false\" are not denied; add a Deny on s3:* for aws:SecureTransport \"false\""
}

test_documented_deny if {
	stmts := [kit.trail_write(4, {}), tls_deny(15, {"Bool": {"aws:SecureTransport": "false"}})]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

# Seed 000 denies unencrypted and wrong-key PUTs, which stops HTTP PUTs but not HTTP GETs.
test_put_only_denies_leave_get_open if {
	stmts := [
		kit.deny(20, "s3:PutObject", sprintf("%s/*", [bucket]), {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}),
		kit.deny(31, "s3:PutObject", sprintf("%s/*", [bucket]), {"StringNotEquals": {"s3:x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:us-east-1:111122223333:key/k"}}),
	]
	findings := rule.report with input as kit.bucket_doc(stmts)
	count(findings) == 1
	some f in findings
	contains(f.message, ": s3:GetObject requests with aws:SecureTransport")
}

# Inverted polarity: denies HTTPS instead of HTTP.
test_inverted_deny_does_not_count if {
	stmts := [tls_deny(15, {"Bool": {"aws:SecureTransport": "true"}})]
	count(rule.report) == 1 with input as kit.bucket_doc(stmts)
}

test_numeric_tls_version_deny_does_not_deny_http if {
	stmts := [tls_deny(15, {"NumericLessThan": {"s3:TlsVersion": "1.2"}})]
	count(rule.report) == 1 with input as kit.bucket_doc(stmts)
}

test_deny_on_bucket_arn_only_does_not_cover_objects if {
	stmts := [kit.deny(15, "s3:*", bucket, {"Bool": {"aws:SecureTransport": "false"}})]
	count(rule.report) == 1 with input as kit.bucket_doc(stmts)
}

test_unknown_resource_is_undecided if {
	stmts := [kit.deny(15, "s3:*", "«var.log_objects_arn»", {"Bool": {"aws:SecureTransport": "false"}}), kit.trail_write(4, {})]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	kit.lines(rule.undecided) == {1} with input as kit.bucket_doc(stmts)
}

test_key_policies_are_not_checked if {
	count(rule.report) == 0 with input as kit.key_doc([kit.acl_check(4, {})])
}
