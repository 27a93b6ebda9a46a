package ctlint.rules.public_principal_test

import data.ctlint.rules.public_principal as rule
import data.ctlint.testkit.policy as kit

objects := "arn:aws:s3:::my-cloudtrail-logs/*"

public_read(line, condition) := {
	"line": line, "Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
	"Action": "s3:GetObject", "Resource": objects, "Condition": condition,
}

test_star_principal if {
	findings := rule.report with input as kit.bucket_doc([kit.acl_check(4, {}), public_read(15, {})])
	kit.lines(findings) == {15}
	some f in findings
	f.message == "statement \"PublicRead\" lets anyone, without credentials, use s3:GetObject on arn:aws:s3:::my-cloudtrail-logs/*"
}

test_aws_star_principal if {
	s := kit.set(public_read(15, {}), {"Principal": {"AWS": "*"}})
	kit.lines(rule.report) == {15} with input as kit.bucket_doc([s])
}

test_not_principal_allow if {
	s := object.union(object.remove(public_read(15, {}), ["Principal"]), {"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}})
	kit.lines(rule.report) == {15} with input as kit.bucket_doc([s])
}

test_restricting_conditions if {
	stmts := [
		public_read(4, {"StringEquals": {"aws:SourceAccount": "111122223333"}}),
		public_read(15, {"StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}}),
		public_read(26, {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}),
		public_read(37, {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}),
	]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

# A negated condition holds when the key is absent: it restricts nothing for anonymous callers.
test_negated_condition_does_not_restrict if {
	s := public_read(15, {"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}})
	kit.lines(rule.report) == {15} with input as kit.bucket_doc([s])
}

# TLS only is still everyone.
test_secure_transport_only_is_still_public if {
	s := public_read(15, {"Bool": {"aws:SecureTransport": "true"}})
	kit.lines(rule.report) == {15} with input as kit.bucket_doc([s])
}

test_deny_everyone_is_fine if {
	d := kit.deny(15, "s3:*", objects, {"Bool": {"aws:SecureTransport": "false"}})
	count(rule.report) == 0 with input as kit.bucket_doc([d])
}

test_cloudtrail_statements_are_not_public if {
	count(rule.report) == 0 with input as kit.bucket_doc([kit.acl_check(4, {}), kit.trail_write(15, {})])
}

test_named_unknown_principal_is_not_anonymous if {
	s := kit.set(public_read(15, {}), {"Principal": {"AWS": "«var.reader_arn»"}})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
}

test_unknown_condition_value_is_undecided if {
	s := public_read(15, {"Bool": {"aws:SecureTransport": "«var.require_tls»"}})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
	kit.lines(rule.undecided) == {15} with input as kit.bucket_doc([s])
}

test_absent_key_condition_with_unknown_value_restricts if {
	s := public_read(15, {"StringEquals": {"aws:SourceVpce": "«var.vpce_id»"}})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
	count(rule.undecided) == 0 with input as kit.bucket_doc([s])
}
