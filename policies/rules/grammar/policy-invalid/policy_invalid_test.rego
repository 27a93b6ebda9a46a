package ctlint.rules.policy_invalid_test

import data.ctlint.rules.policy_invalid
import data.ctlint.testkit.policy as kit

allow_acl := kit.acl_check(3, {})

test_parser_problems_are_reported_at_their_range if {
	pol := object.union(kit.policy("bucket", [allow_acl]), {"problems": [
		{"message": "unknown statement element \"Resources\": did you mean Resource?", "range": kit.rng(9)},
		{"message": "duplicate key \"Sid\" (first at 4:5): IAM rejects a policy that repeats a key", "range": kit.rng(11)},
	]})
	findings := policy_invalid.report with input as kit.bucket_doc_with(pol)
	kit.lines(findings) == {9, 11}
	some f in findings
	f.range.line == 9
	contains(f.message, "did you mean Resource?")
	f.resource == "aws_s3_bucket_policy.logs"
}

test_missing_effect_not_recorded_by_parser if {
	s := object.remove(allow_acl, ["Effect"])
	findings := policy_invalid.report with input as kit.bucket_doc([s])
	count(findings) == 1
	some f in findings
	f.range.line == 3
	f.message == "statement \"AWSCloudTrailAclCheck\" has no Effect: AWS rejects the policy"
}

test_wrong_case_effect_at_effect_line if {
	s := object.union(allow_acl, {"Effect": "allow"})
	findings := policy_invalid.report with input as kit.bucket_doc([s])
	count(findings) == 1
	some f in findings
	f.range.line == 5
	contains(f.message, "not \"allow\"")
}

test_effect_problem_recorded_by_parser_is_not_repeated if {
	s := object.union(allow_acl, {"Effect": "Permit"})
	pol := object.union(kit.policy("bucket", [s]), {"problems": [{"message": "Effect must be \"Allow\" or \"Deny\", not \"Permit\"", "range": kit.rng(5)}]})
	findings := policy_invalid.report with input as kit.bucket_doc_with(pol)
	count(findings) == 1
}

test_unknown_effect_is_undecided if {
	s := object.union(allow_acl, {"Effect": "«var.effect»"})
	count(policy_invalid.report) == 0 with input as kit.bucket_doc([s])
	findings := policy_invalid.undecided with input as kit.bucket_doc([s])
	some f in findings
	f.range.line == 5
	contains(f.message, "${var.effect}")
}

test_valid_policy if {
	count(policy_invalid.report) == 0 with input as kit.bucket_doc([allow_acl, kit.trail_write(12, {})])
	count(policy_invalid.undecided) == 0 with input as kit.bucket_doc([allow_acl])
}

test_key_policy_problems if {
	pol := object.union(kit.policy("key", []), {"problems": [{"message": "the policy has no Statement", "range": kit.rng(1)}]})
	findings := policy_invalid.report with input as kit.key_doc_with(pol)
	some f in findings
	f.resource == "aws_kms_key.trail"
	f.message == "the policy has no Statement"
}
