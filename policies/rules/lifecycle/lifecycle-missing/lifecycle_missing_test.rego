package ctlint.rules.lifecycle_missing_test

import data.ctlint.rules.lifecycle_missing

rng(line) := {"file": "main.tf", "line": line, "column": 1, "end_line": line, "end_column": 30}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

bucket(extra) := object.union({"id": "aws_s3_bucket.logs", "name": a("example-logs", 2), "range": rng(1), "is_log_bucket": true, "partial": false, "lifecycle": ""}, extra)

lc(rules) := {"id": "aws_s3_bucket_lifecycle_configuration.logs", "bucket": "aws_s3_bucket.logs", "range": rng(10), "rules": rules}

r(status) := {"index": 0, "id": a("retain", 12), "status": status, "range": rng(11), "expiration": {"days": a(400, 14), "range": rng(13)}, "transitions": [], "noncurrent_version_transitions": []}

doc(buckets, lifecycles) := {"scope": {"kind": "terraform"}, "settings": {"retention_days": 365, "log_bucket_scope": "cloudtrail"}, "buckets": buckets, "lifecycles": lifecycles, "trails": []}

test_no_lifecycle if {
	findings := lifecycle_missing.report with input as doc([bucket({})], [])
	count(findings) == 1
	some f in findings
	f.range.line == 1
	f.resource == "aws_s3_bucket.logs"
	contains(f.message, "example-logs has no lifecycle configuration")
}

test_only_disabled_rules if {
	findings := lifecycle_missing.report with input as doc([bucket({})], [lc([r(a("Disabled", 12))])])
	count(findings) == 1
	some f in findings
	f.range.line == 1
	contains(f.message, "no enabled rule")
}

test_enabled_rule if {
	count(lifecycle_missing.report) == 0 with input as doc([bucket({})], [lc([r(a("Disabled", 12)), r(a("Enabled", 20))])])
}

test_linked_from_bucket_side if {
	l := object.union(lc([r(a("Enabled", 12))]), {"bucket": ""})
	count(lifecycle_missing.report) == 0 with input as doc([bucket({"lifecycle": l.id})], [l])
}

test_partial_bucket_is_not_judged_for_missing if {
	count(lifecycle_missing.report) == 0 with input as doc([bucket({"partial": true})], [])
}

test_not_a_log_bucket if {
	count(lifecycle_missing.report) == 0 with input as doc([bucket({"is_log_bucket": false})], [])
}

test_scope_all_judges_every_bucket if {
	d := object.union(doc([bucket({"is_log_bucket": false})], []), {"settings": {"log_bucket_scope": "all"}})
	count(lifecycle_missing.report) == 1 with input as d
}

test_marker_status_is_undecided if {
	d := doc([bucket({})], [lc([r({"value": "«var.status»", "known": false, "range": rng(12)})])])
	count(lifecycle_missing.report) == 0 with input as d
	findings := lifecycle_missing.undecided with input as d
	count(findings) == 1
	some f in findings
	f.range.line == 12
	contains(f.message, "${var.status}")
}

test_raw_lifecycle_all_disabled if {
	d := {"scope": {"kind": "policyjson"}, "settings": {}, "buckets": [], "trails": [], "lifecycles": [object.union(lc([r(a("Disabled", 4))]), {"id": "lifecycle.json", "bucket": "", "range": rng(1)})]}
	findings := lifecycle_missing.report with input as d
	count(findings) == 1
	some f in findings
	f.range.line == 1
	f.resource == "lifecycle.json"
}
