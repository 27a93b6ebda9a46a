package ctlint.rules.retention_too_short_test

import data.ctlint.rules.retention_too_short

rng(line) := {"file": "main.tf", "line": line, "column": 5, "end_line": line, "end_column": 20}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

marker(expr, line) := {"value": sprintf("«%s»", [expr]), "known": false, "range": rng(line)}

rule(status, extra) := object.union({"index": 0, "id": a("expire-logs", 2), "status": a(status, 3), "range": rng(2), "transitions": [], "noncurrent_version_transitions": []}, extra)

expire(days) := {"expiration": {"days": days, "range": rng(4)}}

purge(days) := {"noncurrent_version_expiration": {"noncurrent_days": days, "range": rng(7)}}

# raw lifecycle JSON: always judged, bucket unknown
raw(rules, retention) := {
	"scope": {"kind": "policyjson"},
	"settings": {"retention_days": retention, "log_bucket_scope": "cloudtrail"},
	"buckets": [], "trails": [],
	"lifecycles": [{"id": "lifecycle.json", "bucket": "", "range": rng(1), "rules": rules}],
}

# a Terraform log bucket with versioning status
tf(rules, versioning) := {
	"scope": {"kind": "terraform"},
	"settings": {"retention_days": 365, "log_bucket_scope": "cloudtrail"},
	"buckets": [object.union({"id": "aws_s3_bucket.logs", "range": rng(1), "is_log_bucket": true, "partial": false, "lifecycle": "lc"}, versioning)],
	"trails": [],
	"lifecycles": [{"id": "lc", "bucket": "aws_s3_bucket.logs", "range": rng(10), "rules": rules}],
}

versioned := {"versioning": {"status": a("Enabled", 30), "range": rng(30)}}

test_expiration_before_default_retention if {
	findings := retention_too_short.report with input as raw([rule("Enabled", expire(a(30, 4)))], 365)
	count(findings) == 1
	some f in findings
	f.range.line == 4
	f.resource == "lifecycle.json"
	contains(f.message, "\"expire-logs\"")
	contains(f.message, "after 30 days")
	contains(f.message, "retention of 365 days")
	contains(f.message, "--retention-days")
}

test_expiration_after_lower_retention if {
	count(retention_too_short.report) == 0 with input as raw([rule("Enabled", expire(a(30, 4)))], 20)
}

test_expiration_exactly_at_retention if {
	count(retention_too_short.report) == 0 with input as raw([rule("Enabled", expire(a(365, 4)))], 365)
}

test_disabled_rule_never_counts if {
	doc := raw([rule("Disabled", object.union(expire(a(1, 4)), purge(a(1, 7))))], 365)
	count(retention_too_short.report) == 0 with input as doc
	count(retention_too_short.undecided) == 0 with input as doc
}

test_marker_days_are_undecided if {
	doc := raw([rule("Enabled", expire(marker("var.log_days", 4)))], 365)
	count(retention_too_short.report) == 0 with input as doc
	findings := retention_too_short.undecided with input as doc
	count(findings) == 1
	some f in findings
	f.range.line == 4
	contains(f.message, "${var.log_days}")
}

test_marker_status_is_undecided if {
	r := object.union(rule("Enabled", expire(a(30, 4))), {"status": marker("var.status", 3)})
	doc := raw([r], 365)
	count(retention_too_short.report) == 0 with input as doc
	count(retention_too_short.undecided) == 1 with input as doc
}

test_fixed_date_deletes_everything if {
	r := rule("Enabled", {"expiration": {"date": a("2030-01-01T00:00:00Z", 5), "range": rng(4)}})
	findings := retention_too_short.report with input as raw([r], 365)
	count(findings) == 1
	some f in findings
	f.range.line == 5
	contains(f.message, "fixed date 2030-01-01T00:00:00Z")
}

test_noncurrent_purge_before_retention if {
	findings := retention_too_short.report with input as raw([rule("Enabled", purge(a(90, 7)))], 365)
	count(findings) == 1
	some f in findings
	f.range.line == 7
	contains(f.message, "noncurrent log versions after 90 days")
}

test_versioned_expiration_adds_up_with_noncurrent if {
	r := rule("Enabled", object.union(expire(a(300, 4)), purge(a(30, 7))))
	findings := retention_too_short.report with input as tf([r], versioned)

	# 300 + 30 < 365 at the expiration; 30 < 365 at the noncurrent days
	{f.range.line | some f in findings} == {4, 7}
	some f in findings
	f.range.line == 4
	contains(f.message, "330 days in all")
}

test_versioned_expiration_long_enough_in_sum if {
	r := rule("Enabled", object.union(expire(a(300, 4)), purge(a(365, 7))))
	count(retention_too_short.report) == 0 with input as tf([r], versioned)
}

test_versioned_without_noncurrent_expiration_deletes_nothing if {
	doc := tf([rule("Enabled", expire(a(30, 4)))], versioned)
	count(retention_too_short.report) == 0 with input as doc
	count(retention_too_short.undecided) == 0 with input as doc
}

test_object_lock_means_versioned if {
	lock := {"object_lock": {"enabled": a(true, 40), "range": rng(40)}}
	count(retention_too_short.report) == 0 with input as tf([rule("Enabled", expire(a(30, 4)))], lock)
}

test_unversioned_bucket_expiration_deletes if {
	count(retention_too_short.report) == 1 with input as tf([rule("Enabled", expire(a(30, 4)))], {})
}

test_marker_versioning_counts_as_deleting if {
	v := {"versioning": {"status": marker("var.versioning", 30), "range": rng(30)}}
	count(retention_too_short.report) == 1 with input as tf([rule("Enabled", expire(a(30, 4)))], v)
}

test_not_a_log_bucket_is_not_judged if {
	doc := tf([rule("Enabled", expire(a(30, 4)))], {"is_log_bucket": false})
	count(retention_too_short.report) == 0 with input as doc
}

test_rule_for_other_prefix_is_not_judged if {
	doc := tf([rule("Enabled", object.union(expire(a(30, 4)), {"filter": {"prefix": a("tmp/", 8), "tags": [], "range": rng(8)}}))], {})
	trail := {"id": "aws_cloudtrail.main", "bucket": "aws_s3_bucket.logs", "range": rng(50), "s3_key_prefix": a("cloudtrail", 51)}
	count(retention_too_short.report) == 0 with input as object.union(doc, {"trails": [trail]})

	# the same rule covering the trail's path fires
	count(retention_too_short.report) == 1 with input as doc
}

test_string_days_are_numbers if {
	count(retention_too_short.report) == 1 with input as raw([rule("Enabled", expire(a("30", 4)))], 365)
}

test_newer_noncurrent_versions_keep_the_deleted_log if {
	nve := {"noncurrent_version_expiration": {"noncurrent_days": a(30, 7), "newer_noncurrent_versions": a(1, 8), "range": rng(7)}}
	doc := raw([rule("Enabled", nve)], 365)
	count(retention_too_short.report) == 0 with input as doc
	count(retention_too_short.undecided) == 0 with input as doc
}

test_unknown_newer_noncurrent_versions_is_undecided if {
	nve := {"noncurrent_version_expiration": {"noncurrent_days": a(30, 7), "newer_noncurrent_versions": marker("var.keep", 8), "range": rng(7)}}
	doc := raw([rule("Enabled", nve)], 365)
	count(retention_too_short.report) == 0 with input as doc
	count(retention_too_short.undecided) == 1 with input as doc
}
