package ctlint.rules.kms_cloudtrail_context_missing_test

import data.ctlint.rules.kms_cloudtrail_context_missing as rule
import data.ctlint.testkit.policy as kit

encrypt(line, actions, condition) := {
	"line": line, "Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"},
	"Action": actions, "Resource": "*", "Condition": condition,
}

root_admin := {
	"line": 3, "Sid": "Enable IAM User Permissions", "Effect": "Allow",
	"Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*",
}

context_like := {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}

# Seed 000's key policy: no condition at all.
test_seed_000 if {
	findings := rule.report with input as kit.key_doc([root_admin, encrypt(12, ["kms:GenerateDataKey", "kms:DecryptDataKey"], {})])
	kit.lines(findings) == {12}
	some f in findings
	startswith(f.message, "statement \"Allow CloudTrail to encrypt logs\" lets cloudtrail.amazonaws.com generate data keys for a trail in any account")
	f.resource == "aws_kms_key.trail"
}

test_documented_statement if {
	s := encrypt(12, "kms:GenerateDataKey*", {"StringLike": context_like, "StringEquals": {"aws:SourceArn": kit.own_trail}})
	count(rule.report) == 0 with input as kit.key_doc([root_admin, s])
	count(rule.undecided) == 0 with input as kit.key_doc([root_admin, s])
}

test_either_condition_suffices if {
	a := encrypt(12, "kms:GenerateDataKey*", {"StringLike": context_like})
	b := encrypt(25, "kms:GenerateDataKey*", {"StringEquals": {"aws:SourceAccount": "«AWS::AccountId»"}})
	count(rule.report) == 0 with input as kit.key_doc([a, b])
}

test_wildcard_account_in_context if {
	s := encrypt(12, "kms:GenerateDataKey*", {"StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:*:trail/*"}})
	kit.lines(rule.report) == {12} with input as kit.key_doc([s])
}

test_kms_star_grant if {
	kit.lines(rule.report) == {12} with input as kit.key_doc([encrypt(12, "kms:*", {})])
}

test_describe_key_only_is_not_checked if {
	count(rule.report) == 0 with input as kit.key_doc([encrypt(12, "kms:DescribeKey", {})])
}

test_unknown_account_is_undecided if {
	s := encrypt(12, "kms:GenerateDataKey*", {"StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:«var.account_id»:trail/*"}})
	count(rule.report) == 0 with input as kit.key_doc([s])
	kit.lines(rule.undecided) == {12} with input as kit.key_doc([s])
}

test_bucket_policies_are_not_key_policies if {
	count(rule.report) == 0 with input as kit.bucket_doc([encrypt(12, "kms:*", {})])
}
