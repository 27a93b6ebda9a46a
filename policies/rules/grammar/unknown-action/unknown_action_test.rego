package ctlint.rules.unknown_action_test

import data.ctlint.rules.unknown_action
import data.ctlint.testkit.policy as kit

kms_statement(actions) := {
	"line": 10, "Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": actions, "Resource": "*",
}

test_invented_kms_action_with_suggestion if {
	findings := unknown_action.report with input as kit.key_doc([kms_statement(["kms:GenerateDataKey", "kms:DecryptDataKey"])])
	count(findings) == 1
	some f in findings
	f.range.line == 14
	f.message == "statement \"Allow CloudTrail to encrypt logs\": kms:DecryptDataKey is not an IAM action, so it matches nothing; did you mean kms:Decrypt?"
}

test_real_actions_wildcards_and_case if {
	count(unknown_action.report) == 0 with input as kit.key_doc([kms_statement(["kms:GenerateDataKey*", "KMS:describekey", "kms:*", "*"])])
}

test_not_action_entry if {
	s := object.union(object.remove(kms_statement([]), ["Action"]), {"NotAction": "s3:GetBucketVersioningX"})
	findings := unknown_action.report with input as kit.key_doc([s])
	some f in findings
	contains(f.message, "s3:GetBucketVersioningX is not an IAM action, so this NotAction entry excludes nothing")
}

test_unknown_value_is_not_checked if {
	s := kms_statement(["«var.extra_action»"])
	count(unknown_action.report) == 0 with input as kit.key_doc([s])
}

test_bucket_policy_action if {
	s := kit.trail_write(3, {})
	findings := unknown_action.report with input as kit.bucket_doc([object.union(s, {"Action": ["s3:PutObject", "s3:PutObjects"]})])
	kit.lines(findings) == {7}
}
