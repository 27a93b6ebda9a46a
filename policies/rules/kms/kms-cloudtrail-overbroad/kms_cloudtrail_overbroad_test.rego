package ctlint.rules.kms_cloudtrail_overbroad_test

import data.ctlint.rules.kms_cloudtrail_overbroad as rule
import data.ctlint.testkit.policy as kit

ct(line, actions) := {
	"line": line, "Sid": "Allow CloudTrail", "Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": actions, "Resource": "*",
}

test_kms_star if {
	findings := rule.report with input as kit.key_doc([ct(10, "kms:*")])
	kit.lines(findings) == {14}
	some f in findings
	f.message == "statement \"Allow CloudTrail\" grants cloudtrail.amazonaws.com kms:*, but CloudTrail needs only kms:GenerateDataKey* and kms:DescribeKey"
}

test_decrypt_among_needed if {
	findings := rule.report with input as kit.key_doc([ct(10, ["kms:GenerateDataKey*", "kms:Decrypt", "kms:DescribeKey"])])
	count(findings) == 1
	some f in findings
	contains(f.message, "kms:Decrypt,")
}

test_needed_actions_in_any_case if {
	stmts := [ct(10, ["kms:GenerateDataKey*", "kms:DescribeKey"]), ct(21, ["KMS:generatedatakey", "kms:GenerateDataKeyWithoutPlaintext"])]
	count(rule.report) == 0 with input as kit.key_doc(stmts)
}

test_broader_wildcard if {
	count(rule.report) == 1 with input as kit.key_doc([ct(10, "kms:Generate*")])
}

test_not_action if {
	s := object.union(object.remove(ct(10, []), ["Action"]), {"NotAction": "kms:ScheduleKeyDeletion"})
	findings := rule.report with input as kit.key_doc([s])
	some f in findings
	contains(f.message, "every action except kms:ScheduleKeyDeletion")
}

# Seed 000: kms:DecryptDataKey is CT003's, not an over-broad grant.
test_invented_and_unknown_actions_are_skipped if {
	count(rule.report) == 0 with input as kit.key_doc([ct(10, ["kms:GenerateDataKey", "kms:DecryptDataKey", "«var.extra»"])])
}

test_other_principals if {
	s := kit.set(ct(10, "kms:*"), {"Principal": {"AWS": "arn:aws:iam::111122223333:root"}})
	count(rule.report) == 0 with input as kit.key_doc([s])
}
