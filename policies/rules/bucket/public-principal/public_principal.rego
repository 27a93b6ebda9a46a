# METADATA
# title: Bucket policy grants access to everyone
# description: |
#   An Allow statement whose Principal is "*" or {"AWS": "*"} (or a
#   NotPrincipal) and whose conditions do not restrict the caller lets anyone
#   on the internet, without credentials, use the bucket: read, overwrite or
#   delete audit logs. Each Allow statement is probed with an anonymous
#   request for its own action and resource over TLS; conditions such as
#   aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce or aws:SourceIp
#   make the probe fail and the statement is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-6
# custom:
#   id: CT110
#   name: public-principal
#   severity: critical
#   frameworks: ["AWS Security Hub CloudTrail.6"]
#   remediation: |
#     Name the principals that need access instead of "*", or restrict the
#     statement to your organization or account:
#       "Principal": {"AWS": "arn:aws:iam::111122223333:role/LogReader"}
#     or
#       "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}}
#     and turn on S3 Block Public Access for the bucket.
package ctlint.rules.public_principal

import data.ctlint.lib

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	_probe(stmt) == "true"
	msg := sprintf("%s lets anyone, without credentials, %s on %s", [lib.statement_label(stmt), _actions(stmt), _resources(stmt)])
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	_probe(stmt) == "unknown"
	msg := sprintf("whether %s lets anyone use the bucket depends on values not known offline", [lib.statement_label(stmt)])
}

_probe(stmt) := lib.any_match(stmt, _requests(stmt)) if lib.is_allow(stmt)

_requests(stmt) := {req |
	some action in lib.probe_actions(stmt, {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"})
	req := {
		"principal": lib.anonymous_principal,
		"action": action,
		"resource": lib.first_resource(stmt),
		"context": {"aws:SecureTransport": "true"},
	}
}

_actions(stmt) := sprintf("use %s", [lib.join_values(stmt.action.values)]) if {
	not stmt.action.negated
} else := sprintf("use every action except %s", [lib.join_values(stmt.action.values)])

_resources(stmt) := lib.join_values(stmt.resource.values) if {
	not stmt.resource.negated
} else := sprintf("every resource except %s", [lib.join_values(stmt.resource.values)])
