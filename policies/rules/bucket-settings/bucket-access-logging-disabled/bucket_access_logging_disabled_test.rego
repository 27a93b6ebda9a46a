package ctlint.rules.bucket_access_logging_disabled_test

import data.ctlint.rules.bucket_access_logging_disabled as rule

rng(line) := {"file": "template.yaml", "line": line, "column": 7, "end_line": line, "end_column": 30}

bucket(extra) := object.union({"id": "LogBucket", "range": rng(3), "is_log_bucket": true, "partial": false}, extra)

logging(target) := {"logging": {"target_bucket": {"value": target, "known": true, "range": rng(12)}, "target": "", "range": rng(11)}}

report(b) := fs if {
	fs := rule.report with input as {"settings": {}, "buckets": [b]}
}

test_logging if {
	count(report(bucket(logging("example-access-logs")))) == 0
}

test_no_logging if {
	fs := report(bucket({}))
	count(fs) == 1
	some f in fs
	f.range.line == 3
	contains(f.message, "log bucket LogBucket has no server access logging")
}

test_empty_target if {
	fs := report(bucket(logging("")))
	count(fs) == 1
	some f in fs
	f.range.line == 12
}

test_partial_is_not_judged_for_missing if {
	count(report(bucket({"partial": true}))) == 0
}

test_all_scope if {
	d := {"settings": {"log_bucket_scope": "all"}, "buckets": [bucket({"is_log_bucket": false})]}
	count(rule.report) == 1 with input as d
}
