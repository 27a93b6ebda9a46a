# Test-only helpers shared by the policy rules' tests (grammar, bucket, kms):
# they build the normalized input from statements written the way AWS
# writes them, with predictable lines, so tests stay short and can assert
# exact positions. A statement given with "line": n has its Sid at n+1,
# Effect at n+2, Principal at n+3, Action at n+4, Resource at n+5 and its
# conditions from n+6 on.
package ctlint.testkit.policy

rng(line) := {"file": "p.json", "line": line, "column": 5, "end_line": line, "end_column": 60}

# span is a statement's range: ten lines from its first.
span(line) := object.union(rng(line), {"end_line": line + 10, "end_column": 6})

attr(v, line) := {"value": v, "known": known(v), "range": rng(line)}

known(v) := false if {
	is_string(v)
	contains(v, "«")
} else := true

as_list(v) := v if is_array(v)

as_list(v) := [v] if not is_array(v)

values(v, line) := [{"value": x, "range": rng(line)} | some x in as_list(v)]

# stmt converts an AWS-style statement (Sid, Effect, Principal, Action,
# NotAction, Resource, NotResource, Condition) plus "line" to the model form.
stmt(s, index) := object.union_n([
	{"index": index, "range": span(s.line), "conditions": conditions(object.get(s, "Condition", {}), s.line + 6)},
	_opt_attr(s, "Sid", "sid", s.line + 1),
	_opt_attr(s, "Effect", "effect", s.line + 2),
	_principal(s),
	_element(s, "Action", "NotAction", "action", s.line + 4),
	_element(s, "Resource", "NotResource", "resource", s.line + 5),
])

_opt_attr(s, key, name, line) := {name: attr(s[key], line)}

_opt_attr(s, key, _, _) := {} if not key in object.keys(s)

_principal(s) := {"principal": {"negated": false, "entries": entries(s.Principal, s.line + 3), "range": rng(s.line + 3)}} if "Principal" in object.keys(s)

_principal(s) := {"principal": {"negated": true, "entries": entries(s.NotPrincipal, s.line + 3), "range": rng(s.line + 3)}} if "NotPrincipal" in object.keys(s)

_principal(s) := {} if {
	not "Principal" in object.keys(s)
	not "NotPrincipal" in object.keys(s)
}

entries("*", line) := [{"type": "*", "value": "*", "range": rng(line)}]

entries(p, line) := [{"type": t, "value": v, "range": rng(line)} |
	some t, vs in p
	some v in as_list(vs)
] if is_object(p)

_element(s, pos, _, name, line) := {name: {"negated": false, "values": values(s[pos], line), "range": rng(line)}} if pos in object.keys(s)

_element(s, _, neg, name, line) := {name: {"negated": true, "values": values(s[neg], line), "range": rng(line)}} if neg in object.keys(s)

_element(s, pos, neg, _, _) := {} if {
	not pos in object.keys(s)
	not neg in object.keys(s)
}

# conditions lists {operator: {key: values}} in sorted order, one line each.
conditions(cond, line) := [c |
	some i, pair in _pairs(cond)
	c := {
		"operator": pair[0], "operator_lc": lower(pair[0]),
		"key": pair[1], "key_lc": lower(pair[1]),
		"values": values(pair[2], line + i),
		"range": rng(line + i), "operator_range": rng(line + i),
	}
]

_pairs(cond) := sort([[op, key, v] | some op, keys in cond; some key, v in keys])

statements(stmts) := [stmt(s, i) | some i, s in stmts]

policy(kind, stmts) := {"id": sprintf("%s-policy", [kind]), "kind": kind, "range": rng(1), "size": 0, "statements": statements(stmts), "problems": []}

# bucket_doc is the input for one bucket policy on bucket "my-cloudtrail-logs".
bucket_doc(stmts) := bucket_doc_with(policy("bucket", stmts))

bucket_doc_with(pol) := {
	"buckets": [{"id": "aws_s3_bucket.logs", "arn": "arn:aws:s3:::my-cloudtrail-logs", "range": rng(1), "is_log_bucket": false, "policy": "aws_s3_bucket_policy.logs"}],
	"bucket_policies": [{"id": "aws_s3_bucket_policy.logs", "bucket": "aws_s3_bucket.logs", "range": rng(1), "policy": pol}],
	"keys": [], "other_policies": [], "trails": [],
}

# key_doc is the input for one key policy.
key_doc(stmts) := key_doc_with(policy("key", stmts))

key_doc_with(pol) := {
	"buckets": [], "bucket_policies": [], "other_policies": [], "trails": [],
	"keys": [{"id": "aws_kms_key.trail", "arn": "", "range": rng(1), "policy": pol, "aliases": []}],
}

# lines returns the lines of a rule's findings.
lines(findings) := {f.range.line | some f in findings}

# Statements AWS documents (AWS-FACTS section 1 and 2), at fixed lines.
acl_check(line, condition) := {
	"line": line, "Sid": "AWSCloudTrailAclCheck", "Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"},
	"Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-cloudtrail-logs",
	"Condition": condition,
}

trail_write(line, condition) := {
	"line": line, "Sid": "AWSCloudTrailWrite", "Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"},
	"Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122223333/*",
	"Condition": condition,
}

own_trail := "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"

deny(line, action, resource, condition) := {
	"line": line, "Sid": sprintf("Deny%d", [line]), "Effect": "Deny", "Principal": "*",
	"Action": action, "Resource": resource, "Condition": condition,
}

# set replaces members of a statement (object.union would merge nested
# objects such as Principal and Condition).
set(s, patch) := object.union(object.remove(s, object.keys(patch)), patch)
