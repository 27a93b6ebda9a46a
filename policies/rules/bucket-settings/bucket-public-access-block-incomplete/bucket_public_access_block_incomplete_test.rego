package ctlint.rules.bucket_public_access_block_incomplete_test

import data.ctlint.rules.bucket_public_access_block_incomplete as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 40}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

bucket(extra) := object.union({"id": "aws_s3_bucket.logs", "name": a("example-logs", 2), "range": rng(1), "is_log_bucket": true, "partial": false, "public_access_block": ""}, extra)

pab(extra) := object.union(
	{
		"id": "aws_s3_bucket_public_access_block.logs", "bucket": "aws_s3_bucket.logs", "range": rng(10),
		"block_public_acls": a(true, 12), "ignore_public_acls": a(true, 13),
		"block_public_policy": a(true, 14), "restrict_public_buckets": a(true, 15),
	},
	extra,
)

doc(b, pabs) := {"settings": {"log_bucket_scope": "cloudtrail"}, "buckets": [b], "public_access_blocks": pabs}

test_complete if {
	count(rule.report) == 0 with input as doc(bucket({}), [pab({})])
}

test_missing if {
	fs := rule.report with input as doc(bucket({}), [])
	count(fs) == 1
	some f in fs
	f.range.line == 1
	contains(f.message, "example-logs has no public access block")
}

test_flag_false if {
	fs := rule.report with input as doc(bucket({}), [pab({"block_public_policy": a(false, 14)})])
	count(fs) == 1
	some f in fs
	f.range.line == 14
	f.resource == "aws_s3_bucket_public_access_block.logs"
	contains(f.message, "BlockPublicPolicy is false")
}

test_flag_absent if {
	fs := rule.report with input as doc(bucket({}), [object.remove(pab({}), ["restrict_public_buckets"])])
	count(fs) == 1
	some f in fs
	f.range.line == 10
	contains(f.message, "RestrictPublicBuckets is not set")
}

test_linked_from_bucket_side if {
	count(rule.report) == 0 with input as doc(bucket({"public_access_block": "pab"}), [pab({"id": "pab", "bucket": ""})])
}

test_partial_bucket_missing_block_is_not_judged if {
	count(rule.report) == 0 with input as doc(bucket({"partial": true}), [])
}

test_not_a_log_bucket if {
	count(rule.report) == 0 with input as doc(bucket({"is_log_bucket": false}), [])
}

test_unknown_flag_is_undecided if {
	d := doc(bucket({}), [pab({"ignore_public_acls": {"value": "«var.ignore»", "known": false, "range": rng(13)}})])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
