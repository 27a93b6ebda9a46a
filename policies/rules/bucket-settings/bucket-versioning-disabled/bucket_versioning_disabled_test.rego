package ctlint.rules.bucket_versioning_disabled_test

import data.ctlint.rules.bucket_versioning_disabled as rule

rng(line) := {"file": "template.yaml", "line": line, "column": 7, "end_line": line, "end_column": 30}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

bucket(extra) := object.union({"id": "LogBucket", "range": rng(3), "is_log_bucket": true, "partial": false}, extra)

versioning(status) := {"versioning": {"status": status, "range": rng(8)}}

report(b) := fs if {
	fs := rule.report with input as {"settings": {}, "buckets": [b]}
}

test_enabled if {
	count(report(bucket(versioning(a("Enabled", 9))))) == 0
}

test_absent if {
	fs := report(bucket({}))
	count(fs) == 1
	some f in fs
	f.range.line == 3
	contains(f.message, "log bucket LogBucket has no versioning")
}

test_suspended if {
	fs := report(bucket(versioning(a("Suspended", 9))))
	count(fs) == 1
	some f in fs
	f.range.line == 9
	contains(f.message, "versioning Suspended")
}

test_object_lock_forces_versioning if {
	count(report(bucket({"object_lock": {"enabled": a(true, 5), "range": rng(5)}}))) == 0
}

test_partial_bucket_without_versioning_is_not_judged if {
	count(report(bucket({"partial": true}))) == 0
}

test_partial_bucket_suspended_is_judged if {
	count(report(bucket(object.union({"partial": true}, versioning(a("Suspended", 9)))))) == 1
}

test_unknown_status_is_undecided if {
	d := {"settings": {}, "buckets": [bucket(versioning({"value": "«VersioningStatus»", "known": false, "range": rng(9)}))]}
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
