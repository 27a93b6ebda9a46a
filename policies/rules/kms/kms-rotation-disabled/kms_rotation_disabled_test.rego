package ctlint.rules.kms_rotation_disabled_test

import data.ctlint.rules.kms_rotation_disabled as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 30}

attr(v, line) := {"value": v, "known": true, "range": rng(line)}

doc(key) := {"scope": {"kind": "terraform"}, "keys": [object.union({"id": "aws_kms_key.logs", "range": rng(10), "policy": null}, key)]}

test_rotation_not_written if {
	findings := rule.report with input as doc({})
	count(findings) == 1
	some f in findings
	f.range.line == 10
	f.message == "key aws_kms_key.logs does not enable automatic rotation (it is off unless enabled): its key material never changes"
}

test_rotation_false_points_at_the_attribute if {
	findings := rule.report with input as doc({"rotation_enabled": attr(false, 12)})
	count(findings) == 1
	some f in findings
	f.range.line == 12
}

test_rotation_enabled if {
	count(rule.report) == 0 with input as doc({"rotation_enabled": attr(true, 12)})
}

test_asymmetric_key_is_not_judged if {
	count(rule.report) == 0 with input as doc({"key_spec": attr("RSA_2048", 11)})
}

test_signing_key_is_not_judged if {
	count(rule.report) == 0 with input as doc({"key_usage": attr("SIGN_VERIFY", 11)})
}

test_raw_key_policy_is_not_judged if {
	count(rule.report) == 0 with input as {"scope": {"kind": "policyjson"}, "keys": [{"id": "key.json", "range": rng(1), "policy": null}]}
}

test_unknown_rotation_is_undecided if {
	d := doc({"rotation_enabled": {"value": "«var.rotate»", "known": false, "range": rng(12)}})
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
