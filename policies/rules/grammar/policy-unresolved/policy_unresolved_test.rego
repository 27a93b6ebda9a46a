package ctlint.rules.policy_unresolved_test

import data.ctlint.rules.policy_unresolved

rng(line) := {"file": "main.tf", "line": line, "column": 3, "end_line": line, "end_column": 9}

test_unresolved_policy if {
	doc := {
		"bucket_policies": [{"id": "aws_s3_bucket_policy.p", "range": rng(1), "policy": {"id": "aws_s3_bucket_policy.p", "kind": "bucket", "range": rng(3), "unresolved": "«data.aws_iam_policy_document.remote.json»", "statements": []}}],
		"keys": [], "other_policies": [], "unresolved": [],
	}
	findings := policy_unresolved.report with input as doc
	count(findings) == 1
	some f in findings
	f.range.line == 3
	f.resource == "aws_s3_bucket_policy.p"
	contains(f.message, "${data.aws_iam_policy_document.remote.json}")
}

test_unresolved_module if {
	doc := {"bucket_policies": [], "keys": [], "other_policies": [], "unresolved": [{"expr": "module.logs", "reason": "remote module not fetched", "resource": "module.logs", "range": rng(7)}]}
	findings := policy_unresolved.report with input as doc
	count(findings) == 1
	some f in findings
	f.range.line == 7
	f.message == "module.logs: remote module not fetched"
}

test_nothing_unresolved if {
	count(policy_unresolved.report) == 0 with input as {"bucket_policies": [], "keys": [], "other_policies": [], "unresolved": []}
}
