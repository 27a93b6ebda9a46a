package ctlint.rules.mfa_delete_with_lifecycle_test

import data.ctlint.rules.mfa_delete_with_lifecycle as rule

rng(line) := {"file": "main.tf", "line": line, "column": 5, "end_line": line, "end_column": 30}

bucket(mfa) := {"id": "aws_s3_bucket.logs", "name": {"value": "example-logs", "known": true, "range": rng(2)}, "range": rng(1), "is_log_bucket": true, "partial": false, "lifecycle": "", "versioning": {"status": {"value": "Enabled", "known": true, "range": rng(11)}, "mfa_delete": mfa, "range": rng(10)}}

lifecycle := {"id": "lc", "bucket": "aws_s3_bucket.logs", "range": rng(20), "rules": []}

doc(mfa, lifecycles) := {"settings": {}, "buckets": [bucket(mfa)], "lifecycles": lifecycles}

test_both if {
	fs := rule.report with input as doc({"value": "Enabled", "known": true, "range": rng(12)}, [lifecycle])
	count(fs) == 1
	some f in fs
	f.range.line == 12
	contains(f.message, "example-logs enables MFA Delete and has a lifecycle configuration")
}

test_boolean_true if {
	count(rule.report) == 1 with input as doc({"value": true, "known": true, "range": rng(12)}, [lifecycle])
}

test_mfa_without_lifecycle if {
	count(rule.report) == 0 with input as doc({"value": "Enabled", "known": true, "range": rng(12)}, [])
}

test_lifecycle_without_mfa if {
	count(rule.report) == 0 with input as doc({"value": "Disabled", "known": true, "range": rng(12)}, [lifecycle])
}

test_unknown_is_undecided if {
	d := doc({"value": "«var.mfa_delete»", "known": false, "range": rng(12)}, [lifecycle])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
