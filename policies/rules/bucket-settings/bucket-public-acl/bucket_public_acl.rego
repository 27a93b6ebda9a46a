# METADATA
# title: The log bucket's ACL grants access to everyone
# description: |
#   A canned ACL of public-read, public-read-write or authenticated-read, or a
#   grant to the AllUsers or AuthenticatedUsers group, lets anyone on the
#   internet (or any AWS account) list and possibly read or write the bucket
#   holding the audit logs. The rule fires on such an ACL or grant on a log
#   bucket.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html
# custom:
#   id: CT506
#   name: bucket-public-acl
#   severity: critical
#   frameworks: ["AWS Security Hub CloudTrail.6"]
#   remediation: |
#     Remove the public ACL and grants, disable ACLs and block public access:
#       resource "aws_s3_bucket_ownership_controls" "logs" {
#         bucket = aws_s3_bucket.logs.id
#         rule { object_ownership = "BucketOwnerEnforced" }
#       }
package ctlint.rules.bucket_public_acl

import data.ctlint.lib

# Canned ACLs as the S3 API (public-read) and CloudFormation (PublicRead)
# spell them, compared without case and dashes.
public_acls := {"publicread": "everyone", "publicreadwrite": "everyone", "authenticatedread": "every AWS account"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "everyone",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "every AWS account",
}

canonical(acl) := lower(replace(acl, "-", ""))

report contains lib.finding(msg, b.acl.range, b) if {
	some b in lib.log_buckets
	b.acl.known
	who := public_acls[canonical(b.acl.value)]
	msg := sprintf("%s has the canned ACL %s: it grants %s access to the audit logs", [lib.bucket_label(b), b.acl.value, who])
}

report contains lib.finding(msg, g.range, b) if {
	some b in lib.log_buckets
	some g in b.grants
	who := public_groups[g.grantee]
	msg := sprintf("%s grants %s to %s (%s)", [lib.bucket_label(b), g.permission, who, g.grantee])
}

undecided contains lib.finding(msg, b.acl.range, b) if {
	some b in lib.log_buckets
	lib.unknown_attr(b.acl)
	msg := sprintf("whether %s is public depends on its ACL %s", [lib.bucket_label(b), lib.display(b.acl.value)])
}
