package ctlint.rules.kms_public_principal_test

import data.ctlint.rules.kms_public_principal as rule
import data.ctlint.testkit.policy as kit

decrypt(line, principal, condition) := {
	"line": line, "Sid": "Allow decrypt", "Effect": "Allow", "Principal": principal,
	"Action": ["kms:Decrypt", "kms:ReEncryptFrom"], "Resource": "*", "Condition": condition,
}

context_like := {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}

test_everyone_can_decrypt if {
	findings := rule.report with input as kit.key_doc([decrypt(12, {"AWS": "*"}, {})])
	kit.lines(findings) == {12}
	some f in findings
	f.message == "statement \"Allow decrypt\" lets principals of any AWS account use kms:Decrypt, kms:ReEncryptFrom on this key: restrict it with kms:CallerAccount or name the principals"
}

# The encryption-context condition alone does not restrict who calls.
test_context_condition_alone_is_still_public if {
	kit.lines(rule.report) == {12} with input as kit.key_doc([decrypt(12, "*", {"StringLike": context_like})])
}

# The console's default key policy.
test_console_default_with_caller_account if {
	s := decrypt(12, {"AWS": "*"}, {"StringEquals": {"kms:CallerAccount": "111122223333"}, "StringLike": context_like})
	count(rule.report) == 0 with input as kit.key_doc([s])
	count(rule.undecided) == 0 with input as kit.key_doc([s])
}

test_caller_account_is_own_account_marker if {
	s := decrypt(12, {"AWS": "*"}, {"StringEquals": {"kms:CallerAccount": "«AWS::AccountId»"}})
	count(rule.report) == 0 with input as kit.key_doc([s])
	count(rule.undecided) == 0 with input as kit.key_doc([s])
}

# Seed 000's key policy: the account root and CloudTrail.
test_seed_000_root_and_cloudtrail if {
	root := {"line": 3, "Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}
	ct := {"line": 12, "Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": ["kms:GenerateDataKey", "kms:DecryptDataKey"], "Resource": "*"}
	count(rule.report) == 0 with input as kit.key_doc([root, ct])
	count(rule.undecided) == 0 with input as kit.key_doc([root, ct])
}

test_own_account_root_marker if {
	root := decrypt(3, {"AWS": "arn:aws:iam::«AWS::AccountId»:root"}, {})
	count(rule.report) == 0 with input as kit.key_doc([root])
	count(rule.undecided) == 0 with input as kit.key_doc([root])
}

test_unknown_account_is_undecided if {
	s := decrypt(3, {"AWS": "arn:aws:iam::«var.reader_account»:root"}, {})
	count(rule.report) == 0 with input as kit.key_doc([s])
	kit.lines(rule.undecided) == {3} with input as kit.key_doc([s])
}

test_own_action_is_probed_too if {
	s := kit.set(decrypt(12, {"AWS": "*"}, {}), {"Action": "kms:Encrypt"})
	kit.lines(rule.report) == {12} with input as kit.key_doc([s])
}

test_deny_everyone_is_fine if {
	s := kit.set(decrypt(12, "*", {}), {"Effect": "Deny"})
	count(rule.report) == 0 with input as kit.key_doc([s])
}
