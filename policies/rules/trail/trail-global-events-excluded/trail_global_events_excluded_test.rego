package ctlint.rules.trail_global_events_excluded_test

import data.ctlint.rules.trail_global_events_excluded as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 40}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

trail(extra) := object.union({"id": "aws_cloudtrail.main", "name": a("main", 2), "range": rng(1), "is_multi_region": a(true, 3)}, extra)

test_excluded if {
	fs := rule.report with input as {"trails": [trail({"include_global_service_events": a(false, 6)})]}
	count(fs) == 1
	some f in fs
	f.range.line == 6
	contains(f.message, "trail main excludes global-service events")
	not contains(f.message, "single-region")
}

test_excluded_and_single_region if {
	fs := rule.report with input as {"trails": [trail({"include_global_service_events": a(false, 6), "is_multi_region": a(false, 3)})]}
	some f in fs
	contains(f.message, "also single-region")
}

test_default_includes if {
	count(rule.report) == 0 with input as {"trails": [trail({})]}
}

test_included if {
	count(rule.report) == 0 with input as {"trails": [trail({"include_global_service_events": a(true, 6)})]}
}

test_unknown_is_undecided if {
	d := {"trails": [trail({"include_global_service_events": {"value": "«var.global»", "known": false, "range": rng(6)}})]}
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
