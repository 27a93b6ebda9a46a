package ctlint.rules.trail_single_region_test

import data.ctlint.rules.trail_single_region as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 40}

trail(extra) := object.union({"id": "aws_cloudtrail.main", "name": {"value": "main", "known": true, "range": rng(2)}, "range": rng(1)}, extra)

doc(t) := {"trails": [t]}

test_absent_defaults_to_single_region if {
	fs := rule.report with input as doc(trail({}))
	count(fs) == 1
	some f in fs
	f.range.line == 1
	f.resource == "aws_cloudtrail.main"
	contains(f.message, "trail main records only its home region")
	contains(f.message, "defaults to false")
}

test_false if {
	fs := rule.report with input as doc(trail({"is_multi_region": {"value": false, "known": true, "range": rng(5)}}))
	count(fs) == 1
	some f in fs
	f.range.line == 5
}

test_cloudformation_string_false if {
	count(rule.report) == 1 with input as doc(trail({"is_multi_region": {"value": "false", "known": true, "range": rng(5)}}))
}

test_true if {
	count(rule.report) == 0 with input as doc(trail({"is_multi_region": {"value": true, "known": true, "range": rng(5)}}))
}

test_unknown_is_undecided if {
	d := doc(trail({"is_multi_region": {"value": "«var.multi_region»", "known": false, "range": rng(5)}}))
	count(rule.report) == 0 with input as d
	fs := rule.undecided with input as d
	count(fs) == 1
	some f in fs
	f.range.line == 5
	contains(f.message, "${var.multi_region}")
}
