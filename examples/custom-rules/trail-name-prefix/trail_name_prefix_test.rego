package ctlint.rules.trail_name_prefix_test

import data.ctlint.rules.trail_name_prefix as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 20}

trail(name, known) := {"id": "aws_cloudtrail.main", "range": rng(1), "name": {"value": name, "known": known, "range": rng(2)}}

test_bad_name if {
	fs := rule.report with input as {"trails": [trail("main", true)]}
	count(fs) == 1
	some f in fs
	f.range.line == 2
	f.message == `trail "main" does not start with "org-"`
}

test_good_name if {
	count(rule.report) == 0 with input as {"trails": [trail("org-main", true)]}
}

test_unknown_name if {
	count(rule.report) == 0 with input as {"trails": [trail("«var.name»", false)]}
	count(rule.undecided) == 1 with input as {"trails": [trail("«var.name»", false)]}
}
