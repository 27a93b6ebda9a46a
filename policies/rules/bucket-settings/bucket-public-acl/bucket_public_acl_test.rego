package ctlint.rules.bucket_public_acl_test

import data.ctlint.rules.bucket_public_acl as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 30}

bucket(extra) := object.union({"id": "aws_s3_bucket.logs", "range": rng(1), "is_log_bucket": true, "partial": false, "grants": []}, extra)

acl(v) := {"acl": {"value": v, "known": true, "range": rng(5)}}

report(b) := fs if {
	fs := rule.report with input as {"settings": {}, "buckets": [b]}
}

test_private if {
	count(report(bucket(acl("private")))) == 0
	count(report(bucket(acl("log-delivery-write")))) == 0
	count(report(bucket({}))) == 0
}

test_public_read if {
	fs := report(bucket(acl("public-read")))
	count(fs) == 1
	some f in fs
	f.range.line == 5
	contains(f.message, "canned ACL public-read: it grants everyone")
}

test_cloudformation_spelling if {
	count(report(bucket(acl("PublicReadWrite")))) == 1
	count(report(bucket(acl("AuthenticatedRead")))) == 1
}

test_group_grant if {
	g := {"grantee_type": "Group", "grantee": "http://acs.amazonaws.com/groups/global/AllUsers", "permission": "READ", "range": rng(9)}
	fs := report(bucket({"grants": [g]}))
	count(fs) == 1
	some f in fs
	f.range.line == 9
	contains(f.message, "grants READ to everyone")
}

test_log_delivery_group_grant if {
	g := {"grantee_type": "Group", "grantee": "http://acs.amazonaws.com/groups/s3/LogDelivery", "permission": "WRITE", "range": rng(9)}
	count(report(bucket({"grants": [g]}))) == 0
}

test_unknown_is_undecided if {
	d := {"settings": {}, "buckets": [bucket({"acl": {"value": "«var.acl»", "known": false, "range": rng(5)}})]}
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
