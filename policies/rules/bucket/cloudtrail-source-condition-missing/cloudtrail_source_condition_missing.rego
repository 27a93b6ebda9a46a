# METADATA
# title: CloudTrail may write here on behalf of any trail
# description: |
#   A bucket policy statement that lets the cloudtrail.amazonaws.com service
#   principal use the bucket without an aws:SourceArn (or aws:SourceAccount)
#   condition lets CloudTrail act for a trail in any account: another
#   account can point its trail at this bucket, fill it and read its ACL
#   (the confused-deputy problem). The statement is probed with a request
#   from a trail in another account that otherwise satisfies it (ACL header,
#   SSE-KMS, TLS); if it still matches, it is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
# custom:
#   id: CT101
#   name: cloudtrail-source-condition-missing
#   severity: high
#   frameworks: []
#   remediation: |
#     Scope every CloudTrail statement to your trail with aws:SourceArn (an
#     array for several trails), or at least to your account with
#     aws:SourceAccount:
#       "Condition": {"StringEquals": {
#         "s3:x-amz-acl": "bucket-owner-full-control",
#         "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}
package ctlint.rules.cloudtrail_source_condition_missing

import data.ctlint.lib

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	_probe(stmt) == "true"
	msg := sprintf("%s lets cloudtrail.amazonaws.com %s for a trail in any account: add an aws:SourceArn condition naming your trail (or aws:SourceAccount)", [lib.statement_label(stmt), _actions(stmt)])
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	_probe(stmt) == "unknown"
	msg := sprintf("%s grants cloudtrail.amazonaws.com access; whether a trail in another account can use it depends on values not known offline", [lib.statement_label(stmt)])
}

_probe(stmt) := lib.any_match(stmt, _requests(stmt)) if lib.grants_cloudtrail(stmt)

_requests(stmt) := {req |
	some action in lib.probe_actions(stmt, {"s3:PutObject", "s3:GetBucketAcl"})
	req := {
		"principal": lib.cloudtrail_principal,
		"action": action,
		"resource": lib.first_resource(stmt),
		"context": {
			"aws:SourceArn": lib.foreign_trail_arn,
			"aws:SourceAccount": lib.foreign_account,
			"s3:x-amz-acl": "bucket-owner-full-control",
			"s3:x-amz-server-side-encryption": "aws:kms",
			"aws:SecureTransport": "true",
		},
	}
}

_actions(stmt) := sprintf("use %s", [lib.join_values(stmt.action.values)]) if {
	not stmt.action.negated
} else := sprintf("use every action except %s", [lib.join_values(stmt.action.values)])
