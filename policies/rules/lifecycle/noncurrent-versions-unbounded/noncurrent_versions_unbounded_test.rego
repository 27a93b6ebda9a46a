package ctlint.rules.noncurrent_versions_unbounded_test

import data.ctlint.rules.noncurrent_versions_unbounded as rule

rng(line) := {"file": "main.tf", "line": line, "column": 1, "end_line": line, "end_column": 30}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

bucket(extra) := object.union({"id": "aws_s3_bucket.logs", "name": a("example-logs", 2), "range": rng(1), "is_log_bucket": true, "partial": false, "lifecycle": "", "versioning": {"status": a("Enabled", 6), "range": rng(5)}}, extra)

lc(rules) := {"id": "lc", "bucket": "aws_s3_bucket.logs", "range": rng(10), "rules": rules}

expire_only(status) := {"index": 0, "status": status, "range": rng(11), "expiration": {"days": a(400, 14), "range": rng(13)}, "transitions": [], "noncurrent_version_transitions": []}

with_purge(status) := object.union(expire_only(status), {"noncurrent_version_expiration": {"noncurrent_days": a(400, 16), "range": rng(15)}})

doc(b, rules) := {"scope": {"kind": "terraform"}, "settings": {"retention_days": 365}, "buckets": [b], "lifecycles": [lc(rules)], "trails": []}

test_versioned_without_noncurrent_expiration if {
	findings := rule.report with input as doc(bucket({}), [expire_only(a("Enabled", 12))])
	count(findings) == 1
	some f in findings
	f.range.line == 10
	f.resource == "lc"
	contains(f.message, "example-logs is versioned")
	contains(f.message, "delete marker")
}

test_noncurrent_expiration_present if {
	count(rule.report) == 0 with input as doc(bucket({}), [expire_only(a("Enabled", 12)), with_purge(a("Enabled", 20))])
}

test_disabled_purge_does_not_count if {
	count(rule.report) == 1 with input as doc(bucket({}), [with_purge(a("Disabled", 12))])
}

test_object_lock_forces_versioning if {
	b := object.union(bucket({"object_lock": {"enabled": a(true, 7), "range": rng(7)}}), {"versioning": {"status": a("Suspended", 6), "range": rng(5)}})
	count(rule.report) == 1 with input as doc(b, [expire_only(a("Enabled", 12))])
}

test_unversioned_bucket if {
	b := object.union(bucket({}), {"versioning": {"status": a("Suspended", 6), "range": rng(5)}})
	count(rule.report) == 0 with input as doc(b, [expire_only(a("Enabled", 12))])
}

test_unknown_versioning_is_undecided if {
	b := object.union(bucket({}), {"versioning": {"status": {"value": "«var.versioning»", "known": false, "range": rng(6)}, "range": rng(5)}})
	d := doc(b, [expire_only(a("Enabled", 12))])
	count(rule.report) == 0 with input as d
	findings := rule.undecided with input as d
	count(findings) == 1
	some f in findings
	f.range.line == 6
	contains(f.message, "${var.versioning}")
}

test_unknown_status_is_undecided if {
	d := doc(bucket({}), [with_purge({"value": "«var.s»", "known": false, "range": rng(12)})])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}

test_no_lifecycle_is_left_to_ct302 if {
	d := object.union(doc(bucket({}), []), {"lifecycles": []})
	count(rule.report) == 0 with input as d
}
