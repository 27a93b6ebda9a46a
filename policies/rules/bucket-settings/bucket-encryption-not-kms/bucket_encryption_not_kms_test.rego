package ctlint.rules.bucket_encryption_not_kms_test

import data.ctlint.rules.bucket_encryption_not_kms as rule

rng(line) := {"file": "main.tf", "line": line, "column": 7, "end_line": line, "end_column": 30}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

bucket(extra) := object.union({"id": "aws_s3_bucket.logs", "name": a("example-logs", 2), "range": rng(1), "is_log_bucket": true, "is_access_log_target": false, "partial": false}, extra)

enc(alg) := {"encryption": {"algorithm": alg, "key": "", "range": rng(30)}}

report(b) := fs if {
	fs := rule.report with input as {"settings": {}, "buckets": [b]}
}

test_kms if {
	count(report(bucket(enc(a("aws:kms", 31))))) == 0
	count(report(bucket(enc(a("aws:kms:dsse", 31))))) == 0
}

test_aes256 if {
	fs := report(bucket(enc(a("AES256", 31))))
	count(fs) == 1
	some f in fs
	f.range.line == 31
	contains(f.message, "example-logs is encrypted with SSE-S3 (AES256)")
}

test_absent if {
	fs := report(bucket({}))
	count(fs) == 1
	some f in fs
	f.range.line == 1
}

test_access_log_target_is_exempt if {
	count(report(bucket(object.union({"is_access_log_target": true}, enc(a("AES256", 31)))))) == 0
	count(report(bucket({"is_access_log_target": true}))) == 0
}

test_partial_without_encryption_is_not_judged if {
	count(report(bucket({"partial": true}))) == 0
}

test_unknown_is_undecided if {
	d := {"settings": {}, "buckets": [bucket(enc({"value": "«var.sse»", "known": false, "range": rng(31)}))]}
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
