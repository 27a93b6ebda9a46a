package ctlint.rules.object_lock_retention_short_test

import data.ctlint.rules.object_lock_retention_short as rule

rng(line) := {"file": "main.tf", "line": line, "column": 7, "end_line": line, "end_column": 30}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

doc(lock, retention) := {
	"settings": {"retention_days": retention},
	"buckets": [{"id": "aws_s3_bucket.logs", "range": rng(1), "is_log_bucket": true, "partial": false, "object_lock": object.union({"enabled": a(true, 2), "range": rng(20)}, lock)}],
}

report(lock, retention) := fs if {
	fs := rule.report with input as doc(lock, retention)
}

test_compliance_long_enough if {
	count(report({"mode": a("COMPLIANCE", 22), "days": a(365, 23)}, 365)) == 0
	count(report({"mode": a("COMPLIANCE", 22), "years": a(7, 23)}, 2555)) == 0
}

test_days_too_short if {
	fs := report({"mode": a("COMPLIANCE", 22), "days": a(90, 23)}, 365)
	count(fs) == 1
	some f in fs
	f.range.line == 23
	contains(f.message, "for 90 days by default, less than the retention of 365 days")
}

test_years_too_short if {
	fs := report({"mode": a("COMPLIANCE", 22), "years": a(1, 24)}, 2190)
	count(fs) == 1
	some f in fs
	f.range.line == 24
	contains(f.message, "365 days")
}

test_governance if {
	fs := report({"mode": a("GOVERNANCE", 22), "days": a(400, 23)}, 365)
	count(fs) == 1
	some f in fs
	f.range.line == 22
	contains(f.message, "s3:BypassGovernanceRetention")
}

test_no_default_retention if {
	count(report({}, 365)) == 0
}

test_unknown_days_is_undecided if {
	d := doc({"mode": a("COMPLIANCE", 22), "days": {"value": "«var.lock_days»", "known": false, "range": rng(23)}}, 365)
	count(rule.report) == 0 with input as d
	fs := rule.undecided with input as d
	count(fs) == 1
	some f in fs
	contains(f.message, "${var.lock_days}")
}

test_days_not_a_number if {
	fs := report({"mode": a("COMPLIANCE", 22), "days": a("abc", 23)}, 365)
	count(fs) == 1
	some f in fs
	f.range.line == 23
	contains(f.message, `retention days to "abc", which is not a number`)
}

test_numeric_string_days_is_a_number if {
	count(report({"mode": a("COMPLIANCE", 22), "days": a("400", 23)}, 365)) == 0
}
