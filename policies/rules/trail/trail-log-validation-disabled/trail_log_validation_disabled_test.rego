package ctlint.rules.trail_log_validation_disabled_test

import data.ctlint.rules.trail_log_validation_disabled as rule

rng(line) := {"file": "template.yaml", "line": line, "column": 7, "end_line": line, "end_column": 40}

trail(extra) := object.union({"id": "Trail", "name": {"value": "main", "known": true, "range": rng(4)}, "range": rng(2)}, extra)

doc(t) := {"trails": [t]}

test_absent_defaults_to_off if {
	fs := rule.report with input as doc(trail({}))
	count(fs) == 1
	some f in fs
	f.range.line == 2
	contains(f.message, "trail main does not validate its log files")
}

test_false if {
	fs := rule.report with input as doc(trail({"log_file_validation": {"value": false, "known": true, "range": rng(9)}}))
	count(fs) == 1
	some f in fs
	f.range.line == 9
	contains(f.message, "is false")
}

test_true if {
	count(rule.report) == 0 with input as doc(trail({"log_file_validation": {"value": true, "known": true, "range": rng(9)}}))
}

test_unknown_is_undecided if {
	d := doc(trail({"log_file_validation": {"value": "«Validate»", "known": false, "range": rng(9)}}))
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
