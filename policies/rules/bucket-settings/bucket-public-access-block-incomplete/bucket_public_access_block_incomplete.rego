# METADATA
# title: The log bucket's public access block is missing or incomplete
# description: |
#   S3 Block Public Access is the backstop that keeps a bad ACL or bucket
#   policy from exposing CloudTrail logs to the internet. It protects only with
#   all four settings on: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy
#   and RestrictPublicBuckets. The rule fires for a log bucket with no
#   bucket-level public access block, or with any of the four not set (they
#   default to false) or false.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html
# custom:
#   id: CT501
#   name: bucket-public-access-block-incomplete
#   severity: high
#   frameworks: ["CIS AWS Foundations 2.1.4", "AWS Security Hub S3.8"]
#   remediation: |
#     Block public access on the log bucket with all four settings:
#       resource "aws_s3_bucket_public_access_block" "logs" {
#         bucket                  = aws_s3_bucket.logs.id
#         block_public_acls       = true
#         ignore_public_acls      = true
#         block_public_policy     = true
#         restrict_public_buckets = true
#       }
package ctlint.rules.bucket_public_access_block_incomplete

import data.ctlint.lib

flags := {
	"block_public_acls": "BlockPublicAcls",
	"ignore_public_acls": "IgnorePublicAcls",
	"block_public_policy": "BlockPublicPolicy",
	"restrict_public_buckets": "RestrictPublicBuckets",
}

blocks(b) := {p |
	some p in input.public_access_blocks
	p.bucket == b.id
} | {p |
	some p in input.public_access_blocks
	b.public_access_block != ""
	p.id == b.public_access_block
}

report contains lib.finding(msg, b.range, b) if {
	some b in lib.full_log_buckets
	count(blocks(b)) == 0
	msg := sprintf("%s has no public access block: nothing stops a public ACL or policy from exposing the logs", [lib.bucket_label(b)])
}

candidates contains [f, state] if {
	some b in lib.log_buckets
	some p in blocks(b)
	some name, label in flags
	[rng, state] := lib.off_by_default(p, name)
	msg := sprintf("%s: %s %s", [lib.bucket_label(b), label, how(state, object.get(p, name, null))])
	f := lib.finding(msg, rng, p)
}

how("absent", _) := "is not set and defaults to false, so the public access block is incomplete"

how("false", _) := "is false, so the public access block is incomplete"

how("unknown", a) := sprintf("is %s; if that is false the public access block is incomplete", [lib.display(a.value)])

report contains f if {
	some [f, state] in candidates
	state != "unknown"
}

undecided contains f if {
	some [f, "unknown"] in candidates
}
