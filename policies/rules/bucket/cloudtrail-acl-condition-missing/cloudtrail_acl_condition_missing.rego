# METADATA
# title: CloudTrail may write without bucket-owner-full-control
# description: |
#   AWS's CloudTrail bucket policy allows s3:PutObject only when the request
#   sets the canned ACL bucket-owner-full-control. Without that condition,
#   objects can be written that the bucket owner does not fully control
#   (unless Object Ownership is BucketOwnerEnforced), and the grant is
#   broader than CloudTrail needs. Each Allow statement that lets CloudTrail
#   PUT objects is probed with a request that satisfies its own source
#   conditions but sends no x-amz-acl header; if it matches, it is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
# custom:
#   id: CT103
#   name: cloudtrail-acl-condition-missing
#   severity: medium
#   frameworks: []
#   remediation: |
#     Require the canned ACL on CloudTrail's PutObject grant:
#       "Condition": {"StringEquals": {
#         "s3:x-amz-acl": "bucket-owner-full-control",
#         "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}
package ctlint.rules.cloudtrail_acl_condition_missing

import data.ctlint.lib

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	_probe(stmt) == "true"
	msg := sprintf("%s lets cloudtrail.amazonaws.com write objects without the bucket-owner-full-control ACL: add \"StringEquals\": {\"s3:x-amz-acl\": \"bucket-owner-full-control\"}", [lib.statement_label(stmt)])
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.bucket_policies
	some stmt in p.policy.statements
	_probe(stmt) == "unknown"
	msg := sprintf("whether %s requires the bucket-owner-full-control ACL depends on values not known offline", [lib.statement_label(stmt)])
}

# Only statements that grant CloudTrail's PUT at all are judged; then the
# same request without the ACL header decides.
_probe(stmt) := lib.matches(stmt, _request(stmt, {})) if {
	lib.grants_cloudtrail(stmt)
	lib.matches(stmt, _request(stmt, {"s3:x-amz-acl": "bucket-owner-full-control"})) != "false"
}

_request(stmt, acl) := {
	"principal": lib.cloudtrail_principal,
	"action": "s3:PutObject",
	"resource": lib.object_resource(stmt),
	"context": object.union_n([
		{"aws:SecureTransport": "true", "s3:x-amz-server-side-encryption": "aws:kms"},
		lib.satisfying_context(stmt, {"s3:x-amz-acl"}),
		acl,
	]),
}
