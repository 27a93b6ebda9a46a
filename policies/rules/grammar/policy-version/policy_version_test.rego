package ctlint.rules.policy_version_test

import data.ctlint.rules.policy_version

rng(line) := {"file": "p.json", "line": line, "column": 1, "end_line": line, "end_column": 2}

doc(policy) := {"bucket_policies": [{"id": "p.json", "range": rng(1), "policy": policy}], "keys": [], "other_policies": []}

test_missing_version if {
	findings := policy_version.report with input as doc({"id": "p", "range": rng(1), "statements": []})
	count(findings) == 1
	some f in findings
	f.range.line == 1
	contains(f.message, "no Version")
}

test_old_version if {
	v := {"value": "2008-10-17", "known": true, "range": rng(2)}
	findings := policy_version.report with input as doc({"id": "p", "range": rng(1), "version": v, "statements": []})
	count(findings) == 1
	some f in findings
	f.range.line == 2
	contains(f.message, "2008-10-17")
}

test_current_version if {
	v := {"value": "2012-10-17", "known": true, "range": rng(2)}
	count(policy_version.report) == 0 with input as doc({"id": "p", "range": rng(1), "version": v, "statements": []})
}

test_unresolved_policy_is_not_judged if {
	count(policy_version.report) == 0 with input as doc({"id": "p", "range": rng(1), "unresolved": "«data.x.json»", "statements": []})
}
