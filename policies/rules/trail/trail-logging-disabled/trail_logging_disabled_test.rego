package ctlint.rules.trail_logging_disabled_test

import data.ctlint.rules.trail_logging_disabled as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 40}

trail(extra) := object.union({"id": "aws_cloudtrail.main", "name": {"value": "main", "known": true, "range": rng(2)}, "range": rng(1)}, extra)

test_logging_off if {
	fs := rule.report with input as {"trails": [trail({"is_logging": {"value": false, "known": true, "range": rng(9)}})]}
	count(fs) == 1
	some f in fs
	f.range.line == 9
	contains(f.message, "trail main has logging turned off")
}

test_cloudformation_string if {
	count(rule.report) == 1 with input as {"trails": [trail({"is_logging": {"value": "false", "known": true, "range": rng(9)}})]}
}

test_absent_defaults_to_on if {
	count(rule.report) == 0 with input as {"trails": [trail({})]}
}

test_unknown_is_undecided if {
	d := {"trails": [trail({"is_logging": {"value": "«EnableLogging»", "known": false, "range": rng(9)}})]}
	count(rule.report) == 0 with input as d
	fs := rule.undecided with input as d
	some f in fs
	contains(f.message, "${EnableLogging}")
}
