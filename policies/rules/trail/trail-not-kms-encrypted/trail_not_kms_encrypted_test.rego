package ctlint.rules.trail_not_kms_encrypted_test

import data.ctlint.rules.trail_not_kms_encrypted as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 40}

trail(extra) := object.union({"id": "aws_cloudtrail.main", "name": {"value": "main", "known": true, "range": rng(2)}, "range": rng(1)}, extra)

test_no_key if {
	fs := rule.report with input as {"trails": [trail({})]}
	count(fs) == 1
	some f in fs
	f.range.line == 1
	contains(f.message, "trail main sets no KMS key")
}

test_empty_key if {
	fs := rule.report with input as {"trails": [trail({"kms_key_id": {"value": "", "known": true, "range": rng(7)}})]}
	count(fs) == 1
	some f in fs
	f.range.line == 7
}

test_key if {
	count(rule.report) == 0 with input as {"trails": [trail({"kms_key_id": {"value": "arn:aws:kms:us-east-1:111122223333:key/abc", "known": true, "range": rng(7)}})]}
}

test_unknown_key_is_a_key if {
	count(rule.report) == 0 with input as {"trails": [trail({"kms_key_id": {"value": "«aws_kms_key.logs.arn»", "known": false, "range": rng(7)}})]}
}
