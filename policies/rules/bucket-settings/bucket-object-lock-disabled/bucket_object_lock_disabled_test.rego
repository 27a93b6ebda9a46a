package ctlint.rules.bucket_object_lock_disabled_test

import data.ctlint.rules.bucket_object_lock_disabled as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 30}

bucket(extra) := object.union({"id": "aws_s3_bucket.logs", "range": rng(1), "is_log_bucket": true, "partial": false}, extra)

lock(v) := {"object_lock": {"enabled": {"value": v, "known": true, "range": rng(3)}, "range": rng(3)}}

report(b) := fs if {
	fs := rule.report with input as {"settings": {}, "buckets": [b]}
}

test_enabled if {
	count(report(bucket(lock(true)))) == 0
	count(report(bucket(lock("Enabled")))) == 0
}

test_absent if {
	fs := report(bucket({}))
	count(fs) == 1
	some f in fs
	f.range.line == 1
	contains(f.message, "does not enable Object Lock")
}

test_false if {
	fs := report(bucket(lock(false)))
	count(fs) == 1
	some f in fs
	f.range.line == 3
}

test_partial_is_not_judged_for_missing if {
	count(report(bucket({"partial": true}))) == 0
}

test_unknown_is_undecided if {
	d := {"settings": {}, "buckets": [bucket({"object_lock": {"enabled": {"value": "«var.lock»", "known": false, "range": rng(3)}, "range": rng(3)}})]}
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
