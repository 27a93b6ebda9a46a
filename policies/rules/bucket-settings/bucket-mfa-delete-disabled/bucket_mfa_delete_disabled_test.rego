package ctlint.rules.bucket_mfa_delete_disabled_test

import data.ctlint.rules.bucket_mfa_delete_disabled as rule

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 30}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

bucket(extra) := object.union({"id": "aws_s3_bucket.logs", "range": rng(1), "is_log_bucket": true, "partial": false, "lifecycle": ""}, extra)

versioning(mfa) := {"versioning": {"status": a("Enabled", 21), "mfa_delete": mfa, "range": rng(20)}}

doc(b, lifecycles) := {"settings": {}, "buckets": [b], "lifecycles": lifecycles}

report(b) := fs if {
	fs := rule.report with input as doc(b, [])
}

test_enabled if {
	count(report(bucket(versioning(a("Enabled", 22))))) == 0
	count(report(bucket(versioning(a(true, 22))))) == 0
}

test_disabled if {
	fs := report(bucket(versioning(a("Disabled", 22))))
	count(fs) == 1
	some f in fs
	f.range.line == 22
	contains(f.message, "MFA Delete disabled")
}

test_not_configured if {
	fs := report(bucket({"versioning": {"status": a("Enabled", 21), "range": rng(20)}}))
	count(fs) == 1
	some f in fs
	f.range.line == 20
}

test_no_versioning if {
	fs := report(bucket({}))
	count(fs) == 1
	some f in fs
	f.range.line == 1
}

test_lifecycle_present_is_left_to_object_lock if {
	lc := {"id": "lc", "bucket": "aws_s3_bucket.logs", "range": rng(40), "rules": []}
	count(rule.report) == 0 with input as doc(bucket({}), [lc])
}

test_unknown_is_undecided if {
	d := doc(bucket(versioning({"value": "«var.mfa»", "known": false, "range": rng(22)})), [])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
