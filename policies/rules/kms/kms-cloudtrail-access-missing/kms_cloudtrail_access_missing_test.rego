package ctlint.rules.kms_cloudtrail_access_missing_test

import data.ctlint.rules.kms_cloudtrail_access_missing as rule
import data.ctlint.testkit.crossref as x
import data.ctlint.testkit.policy as kit

root := {"line": 4, "Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}

encrypt(condition) := {
	"line": 15, "Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"},
	"Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": condition,
}

describe := {
	"line": 26, "Sid": "Allow CloudTrail access", "Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"},
	"Action": "kms:DescribeKey", "Resource": "*",
	"Condition": {"StringEquals": {"aws:SourceArn": x.source_arn}},
}

documented_encrypt := encrypt({
	"StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"},
	"StringEquals": {"aws:SourceArn": x.source_arn},
})

scope(key_stmts) := x.with_key(x.doc(x.documented, [x.trail(x.with_kms)]), key_stmts)

test_documented_key_policy if {
	d := scope([root, documented_encrypt, describe])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

# Acceptance: no CloudTrail statement: finding at the key policy naming the trail.
test_no_cloudtrail_statement if {
	findings := rule.report with input as scope([root])
	kit.lines(findings) == {61}
	some f in findings
	f.resource == "aws_kms_key.trail"
	f.message == "the key policy does not let cloudtrail.amazonaws.com call kms:DescribeKey and kms:GenerateDataKey for trail main (aws:SourceArn arn:aws:cloudtrail:us-east-1:111122223333:trail/main): CloudTrail cannot encrypt or deliver its logs"
}

# Seed 001: the key has no key policy; AWS's default does not grant CloudTrail.
test_default_key_policy if {
	findings := rule.report with input as scope(null)
	kit.lines(findings) == {60}
	some f in findings
	contains(f.message, "trail main encrypts its logs with key aws_kms_key.trail, which has no key policy")
}

test_describe_key_missing if {
	findings := rule.report with input as scope([root, documented_encrypt])
	some f in findings
	contains(f.message, "call kms:DescribeKey for trail main")
}

# The encryption context must name this account's trails.
test_context_of_another_account if {
	stmt := encrypt({"StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:444455556666:trail/*"}})
	findings := rule.report with input as scope([root, stmt, describe])
	some f in findings
	contains(f.message, "call kms:GenerateDataKey for trail main")
}

test_deny_blocks_cloudtrail if {
	deny := {"line": 37, "Sid": "DenyAllButAdmins", "Effect": "Deny", "Principal": "*", "Action": "kms:*", "Resource": "*", "Condition": {"StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}}}
	count(rule.report) == 1 with input as scope([root, documented_encrypt, describe, deny])
}

test_unknown_region_is_undecided if {
	t := x.trail(object.union(x.with_kms, {"arn": "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:111122223333:trail/main"}))
	d := x.with_key(x.doc(x.documented, [t]), [root, documented_encrypt, describe])
	count(rule.report) == 0 with input as d
	kit.lines(rule.undecided) == {61} with input as d
}

test_key_not_used_by_a_trail if {
	count(rule.report) == 0 with input as x.with_key(x.doc(x.documented, [x.trail({})]), [root])
}
