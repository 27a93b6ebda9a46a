package ctlint.rules.kms_decrypt_unscoped_test

import data.ctlint.rules.kms_decrypt_unscoped as rule
import data.ctlint.testkit.policy as kit

reader := "arn:aws:iam::111122223333:role/LogReader"

decrypt(line, principal, condition) := {
	"line": line, "Sid": "Enable CloudTrail log decrypt permissions", "Effect": "Allow",
	"Principal": principal, "Action": "kms:Decrypt", "Resource": "*", "Condition": condition,
}

test_unscoped_decrypt if {
	findings := rule.report with input as kit.key_doc([decrypt(20, {"AWS": reader}, {})])
	kit.lines(findings) == {20}
	some f in findings
	startswith(f.message, "statement \"Enable CloudTrail log decrypt permissions\" grants kms:Decrypt without requiring kms:EncryptionContext:aws:cloudtrail:arn")
}

test_documented_null_condition if {
	s := decrypt(20, {"AWS": reader}, {"Null": {"kms:EncryptionContext:aws:cloudtrail:arn": "false"}})
	count(rule.report) == 0 with input as kit.key_doc([s])
	count(rule.undecided) == 0 with input as kit.key_doc([s])
}

test_string_like_context if {
	s := decrypt(20, {"AWS": "*"}, {"StringEquals": {"kms:CallerAccount": "111122223333"}, "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}})
	count(rule.report) == 0 with input as kit.key_doc([s])
}

# Other conditions are satisfied by the probe: only the context key decides.
test_caller_account_alone_does_not_scope if {
	s := decrypt(20, {"AWS": "*"}, {"StringEquals": {"kms:CallerAccount": "111122223333"}})
	kit.lines(rule.report) == {20} with input as kit.key_doc([s])
}

test_null_true_is_inverted if {
	s := decrypt(20, {"AWS": reader}, {"Null": {"kms:EncryptionContext:aws:cloudtrail:arn": "true"}})
	kit.lines(rule.report) == {20} with input as kit.key_doc([s])
}

test_account_root_is_skipped if {
	stmts := [
		decrypt(3, {"AWS": "arn:aws:iam::111122223333:root"}, {}),
		decrypt(14, {"AWS": ["111122223333", "arn:aws:iam::«AWS::AccountId»:root"]}, {}),
		kit.set(decrypt(25, {"AWS": "arn:aws:iam::111122223333:root"}, {}), {"Action": "kms:*"}),
	]
	count(rule.report) == 0 with input as kit.key_doc(stmts)
}

test_kms_star_for_a_role if {
	s := kit.set(decrypt(3, {"AWS": reader}, {}), {"Action": "kms:*"})
	kit.lines(rule.report) == {3} with input as kit.key_doc([s])
}

test_no_decrypt_granted if {
	s := kit.set(decrypt(3, {"Service": "cloudtrail.amazonaws.com"}, {}), {"Action": "kms:GenerateDataKey*"})
	count(rule.report) == 0 with input as kit.key_doc([s])
}

test_unknown_context_condition_value if {
	s := decrypt(20, {"AWS": reader}, {"Null": {"kms:EncryptionContext:aws:cloudtrail:arn": "«var.require_context»"}})
	count(rule.report) == 0 with input as kit.key_doc([s])
	kit.lines(rule.undecided) == {20} with input as kit.key_doc([s])
}
