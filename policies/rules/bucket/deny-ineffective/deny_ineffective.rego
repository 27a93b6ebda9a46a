# METADATA
# title: Deny statement cannot do what it is written for
# description: |
#   A Deny that never matches the requests it targets gives a false sense of
#   protection. Three mistakes are detected by probing the statement with
#   concrete requests: object actions (s3:PutObject, s3:GetObject,
#   s3:DeleteObject*) denied on bucket ARNs only, which never name an object;
#   a condition on s3:x-amz-server-side-encryption with inverted polarity
#   (it matches a correctly SSE-KMS encrypted upload) or that matches neither
#   an unencrypted nor an SSE-S3 upload; and a condition on
#   aws:SecureTransport that matches requests over TLS or not those over
#   plain HTTP.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
# custom:
#   id: CT108
#   name: deny-ineffective
#   severity: high
#   frameworks: []
#   remediation: |
#     Deny object actions on object ARNs, and deny the bad case, not the good one:
#       {"Sid": "DenyNonKmsUploads", "Effect": "Deny", "Principal": "*",
#        "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-cloudtrail-logs/*",
#        "Condition": {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}}
#       {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
#        "Action": "s3:*",
#        "Resource": ["arn:aws:s3:::my-cloudtrail-logs", "arn:aws:s3:::my-cloudtrail-logs/*"],
#        "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
package ctlint.rules.deny_ineffective

import data.ctlint.lib

sse_key := "s3:x-amz-server-side-encryption"

tls_key := "aws:securetransport"

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	lib.is_deny(stmt)
	some msg in _problems(stmt)
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	lib.is_deny(stmt)
	count(_problems(stmt)) == 0
	some check in _unknown_checks(stmt)
	msg := sprintf("whether %s matches %s depends on values not known offline", [lib.statement_label(stmt), check])
}

_problems(stmt) := {msg | some msg in _resource_problem(stmt)} if {
	count(_resource_problem(stmt)) > 0
} else := _sse_problems(stmt) | _tls_problems(stmt)

# (a) Object actions denied on bucket ARNs only.
_resource_problem(stmt) := {msg |
	object_actions := [v | some v in stmt.action.values; _object_action(v.value)]
	not stmt.action.negated
	count(object_actions) > 0
	not stmt.resource.negated
	count(stmt.resource.values) > 0
	every v in stmt.resource.values {
		_bucket_arn(v.value)
	}
	msg := sprintf("%s denies object actions (%s) but names only bucket ARNs (%s): object ARNs are <bucket ARN>/<key>, so it never applies to an object; add %s/*", [
		lib.statement_label(stmt), lib.join_values(object_actions),
		lib.join_values(stmt.resource.values), lib.display(stmt.resource.values[0].value),
	])
}

_object_action(a) if {
	startswith(lower(a), "s3:")
	contains(lower(a), "object")
}

# A bucket name cannot hold "/", so a marker in the bucket-name position
# still names a bucket.
_bucket_arn(v) if {
	regex.match(`^arn:([a-z-]+|«[^»]*»):s3:::[^/*?]+$`, v)
}

# (b) Server-side encryption conditions.
_sse_request(stmt, sse) := {
	"principal": lib.probe_principal(stmt),
	"action": "s3:PutObject",
	"resource": lib.object_resource(stmt),
	"context": object.union(lib.satisfying_context(stmt, {sse_key}), sse),
}

_sse_kms(stmt) := lib.matches(stmt, _sse_request(stmt, {sse_key: "aws:kms"}))

_sse_weak(stmt) := lib.any_match(stmt, {_sse_request(stmt, {}), _sse_request(stmt, {sse_key: "AES256"})})

_sse_problems(stmt) := {msg |
	lib.mentions_key(stmt, sse_key)
	_sse_kms(stmt) == "true"
	msg := sprintf("%s denies uploads encrypted with SSE-KMS (%s = aws:kms): the condition is inverted; deny when the header is not aws:kms (StringNotEquals %s \"aws:kms\")", [lib.statement_label(stmt), sse_key, sse_key])
} | {msg |
	lib.mentions_key(stmt, sse_key)
	_sse_weak(stmt) == "false"
	msg := sprintf("%s matches neither an unencrypted PutObject nor an SSE-S3 (AES256) one, so it enforces no encryption: use StringNotEquals %s \"aws:kms\"", [lib.statement_label(stmt), sse_key])
}

# (c) Transport conditions.
_tls_request(stmt, secure) := {
	"principal": lib.probe_principal(stmt),
	"action": min(lib.probe_actions(stmt, {"s3:GetObject"})),
	"resource": lib.first_resource(stmt),
	"context": object.union(lib.satisfying_context(stmt, {tls_key}), {"aws:SecureTransport": secure}),
}

_tls_problems(stmt) := {msg |
	lib.mentions_key(stmt, tls_key)
	lib.matches(stmt, _tls_request(stmt, "true")) == "true"
	msg := sprintf("%s denies requests made over TLS (aws:SecureTransport = \"true\"): the condition is inverted; use \"Bool\": {\"aws:SecureTransport\": \"false\"}", [lib.statement_label(stmt)])
} | {msg |
	lib.mentions_key(stmt, tls_key)
	lib.matches(stmt, _tls_request(stmt, "false")) == "false"
	msg := sprintf("%s does not match requests over plain HTTP (aws:SecureTransport = \"false\"), so it denies nothing insecure: use \"Bool\": {\"aws:SecureTransport\": \"false\"}", [lib.statement_label(stmt)])
}

_unknown_checks(stmt) := {"an upload's encryption" |
	lib.mentions_key(stmt, sse_key)
	"unknown" in {_sse_kms(stmt), _sse_weak(stmt)}
} | {"a request's transport" |
	lib.mentions_key(stmt, tls_key)
	some secure in ["true", "false"]
	lib.matches(stmt, _tls_request(stmt, secure)) == "unknown"
}
