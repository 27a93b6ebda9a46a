package ctlint.rules.trail_no_cloudwatch_test

import data.ctlint.rules.trail_no_cloudwatch as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 40}

trail(extra) := object.union({"id": "aws_cloudtrail.main", "range": rng(1)}, extra)

test_no_log_group if {
	fs := rule.report with input as {"trails": [trail({})]}
	count(fs) == 1
	some f in fs
	f.range.line == 1
	contains(f.message, "trail aws_cloudtrail.main sends no events to CloudWatch Logs")
}

test_empty_log_group if {
	fs := rule.report with input as {"trails": [trail({"cloud_watch_logs_group_arn": {"value": "", "known": true, "range": rng(8)}})]}
	count(fs) == 1
	some f in fs
	f.range.line == 8
}

test_log_group if {
	arn := "arn:aws:logs:us-east-1:111122223333:log-group:cloudtrail:*"
	count(rule.report) == 0 with input as {"trails": [trail({"cloud_watch_logs_group_arn": {"value": arn, "known": true, "range": rng(8)}})]}
}
