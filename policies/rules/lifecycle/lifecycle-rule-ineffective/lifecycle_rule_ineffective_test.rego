package ctlint.rules.lifecycle_rule_ineffective_test

import data.ctlint.rules.lifecycle_rule_ineffective as rule

rng(line) := {"file": "main.tf", "line": line, "column": 5, "end_line": line, "end_column": 30}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

marker(e, line) := {"value": sprintf("«%s»", [e]), "known": false, "range": rng(line)}

lcrule(status, filter) := object.union(
	{"index": 0, "id": a("retain", 11), "status": status, "range": rng(10), "expiration": {"days": a(400, 16), "range": rng(15)}, "transitions": [], "noncurrent_version_transitions": []},
	filter,
)

prefix(p) := {"filter": {"prefix": p, "tags": [], "range": rng(13)}}

trail(extra) := object.union({"id": "aws_cloudtrail.main", "name": a("main", 31), "bucket": "aws_s3_bucket.logs", "range": rng(30)}, extra)

doc(rules, t) := {
	"scope": {"kind": "terraform"},
	"settings": {"retention_days": 365, "log_bucket_scope": "cloudtrail"},
	"buckets": [{"id": "aws_s3_bucket.logs", "range": rng(1), "is_log_bucket": true, "partial": false, "lifecycle": "lc"}],
	"lifecycles": [{"id": "lc", "bucket": "aws_s3_bucket.logs", "range": rng(9), "rules": rules}],
	"trails": [t],
}

with_prefix := trail({"s3_key_prefix": a("cloudtrail", 32)})

report(d) := fs if {
	fs := rule.report with input as d
}

test_prefix_misses_trail_path if {
	fs := report(doc([lcrule(a("Enabled", 12), prefix(a("logs/", 14)))], with_prefix))
	count(fs) == 1
	some f in fs
	f.range.line == 14
	contains(f.message, "prefix \"logs/\"")
	contains(f.message, "trail main writes to cloudtrail/AWSLogs/")
}

test_prefix_covers_trail_path if {
	count(report(doc([lcrule(a("Enabled", 12), prefix(a("cloudtrail/", 14)))], with_prefix))) == 0
	count(report(doc([lcrule(a("Enabled", 12), prefix(a("cloudtrail/AWSLogs/111122223333/", 14)))], with_prefix))) == 0
	count(report(doc([lcrule(a("Enabled", 12), {})], with_prefix))) == 0
}

test_no_trail_prefix_means_awslogs if {
	count(report(doc([lcrule(a("Enabled", 12), prefix(a("AWSLogs/", 14)))], trail({})))) == 0
	count(report(doc([lcrule(a("Enabled", 12), prefix(a("cloudtrail/", 14)))], trail({})))) == 1
}

test_disabled_rule if {
	fs := report(doc([lcrule(a("Disabled", 12), {})], with_prefix))
	count(fs) == 1
	some f in fs
	f.range.line == 12
	contains(f.message, "rule \"retain\" is Disabled")
}

test_disabled_rule_with_an_enabled_one if {
	r2 := object.union(lcrule(a("Enabled", 22), {}), {"index": 1})
	count(report(doc([lcrule(a("Disabled", 12), {}), r2], with_prefix))) == 0
}

test_tag_filter if {
	tags := {"filter": {"tags": [{"key": "class", "value": "log", "range": rng(14)}], "range": rng(13)}}
	fs := report(doc([lcrule(a("Enabled", 12), tags)], with_prefix))
	count(fs) == 1
	some f in fs
	f.range.line == 13
	contains(f.message, "object tags")
}

test_no_trail_in_scope if {
	d := object.union(doc([lcrule(a("Disabled", 12), {})], with_prefix), {"trails": []})
	count(report(d)) == 0
}

test_unknown_trail_prefix_is_undecided if {
	d := doc([lcrule(a("Enabled", 12), prefix(a("logs/", 14)))], trail({"s3_key_prefix": marker("var.prefix", 32)}))
	count(report(d)) == 0
	fs := rule.undecided with input as d
	count(fs) == 1
	some f in fs
	contains(f.message, "${var.prefix}/AWSLogs/")
}

test_unknown_status_is_undecided if {
	d := doc([lcrule(marker("var.status", 12), {})], with_prefix)
	count(report(d)) == 0
	count(rule.undecided) == 1 with input as d
}
