# Test-only helpers for the cross-resource rules (CT102, CT104, CT105,
# CT107, CT111, CT205): a scope with the log bucket "my-cloudtrail-logs"
# (its policy built by the policy testkit, statements at predictable
# lines), trail "main" of account 111122223333 in us-east-1 at line 40, and
# optionally the KMS key "aws_kms_key.trail" at line 60. Plus tests of the
# crossref helpers themselves.
#
# The IAM builtin caches decisions by policy id for one query: a test that
# evaluates two different policies must give them different ids (doc_id).
package ctlint.testkit.crossref

import data.ctlint.lib
import data.ctlint.testkit.policy as kit

account := "111122223333"

bucket_arn := "arn:aws:s3:::my-cloudtrail-logs"

# trail_arn is the ARN the parsers compute: the partition is unknown.
trail_arn := "arn:«AWS::Partition»:cloudtrail:us-east-1:111122223333:trail/main"

# source_arn is what the policies name (and what CloudTrail sends).
source_arn := "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"

key_arn := "arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555"

# trail returns trail "main" writing to the log bucket, patched by extra.
trail(extra) := object.union(
	{
		"id": "aws_cloudtrail.main", "arn": trail_arn, "range": kit.span(40),
		"name": kit.attr("main", 41), "bucket_name": kit.attr("my-cloudtrail-logs", 42),
		"bucket": "aws_s3_bucket.logs", "key": "", "account": account, "organization_id": "",
		"event_selectors": [], "advanced_event_selectors": [],
	},
	extra,
)

with_kms := {"kms_key_id": kit.attr(key_arn, 44), "key": "aws_kms_key.trail"}

# doc: bucket policy statements and trails.
doc(stmts, trails) := doc_id("bucket-policy", stmts, trails)

doc_id(id, stmts, trails) := object.union(kit.bucket_doc_with(object.union(kit.policy("bucket", stmts), {"id": id})), {
	"scope": {"kind": "terraform", "path": ".", "files": ["main.tf"]},
	"buckets": [{"id": "aws_s3_bucket.logs", "arn": bucket_arn, "range": kit.rng(1), "is_log_bucket": true, "policy": "aws_s3_bucket_policy.logs", "partial": false}],
	"trails": trails,
})

# with_key adds key "aws_kms_key.trail" with a policy of key statements
# (null: no key policy written).
with_key(d, key_stmts) := object.union(d, {"keys": [key(key_stmts)]})

key(null) := {"id": "aws_kms_key.trail", "arn": key_arn, "range": kit.span(60), "policy": null, "aliases": []}

key(stmts) := {"id": "aws_kms_key.trail", "arn": key_arn, "range": kit.span(60), "policy": pol, "aliases": []} if {
	stmts != null
	pol := object.union(kit.policy("key", stmts), {"range": kit.rng(61)})
}

# AWS's documented statements for trail "main" (AWS-FACTS section 1).
acl_check := kit.acl_check(4, {"StringEquals": {"aws:SourceArn": source_arn}})

trail_write := kit.set(kit.trail_write(15, {}), {"Condition": {"StringEquals": {
	"s3:x-amz-acl": "bucket-owner-full-control",
	"aws:SourceArn": source_arn,
}}})

documented := [acl_check, trail_write]

deny_non_kms := kit.deny(26, "s3:PutObject", "arn:aws:s3:::my-cloudtrail-logs/*", {"StringNotEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}})

# ---------------------------------------------------------------------------
# Tests of the helpers

test_trail_arn_parts if {
	lib.trail_arn_parts(trail_arn) == ["«AWS::Partition»", "us-east-1", account, "main"]
	lib.trail_arn_parts("arn:aws:cloudtrail:«AWS::Region»:«AWS::AccountId»:trail/a/b") == ["aws", "«AWS::Region»", "«AWS::AccountId»", "a/b"]
	not lib.trail_arn_parts("arn:aws:s3:::bucket")
	not lib.trail_arn_parts("arn:aws:cloudtrail:us-east-1:111122223333:main")
}

test_source_arn_takes_the_bucket_partition if {
	lib.trail_source_arn(trail({})) == source_arn with input as doc(documented, [])
}

test_source_arn_without_known_partition if {
	d := object.union(doc(documented, []), {"buckets": [{"id": "aws_s3_bucket.logs", "arn": "arn:«AWS::Partition»:s3:::b", "range": kit.rng(1)}]})
	lib.trail_source_arn(trail({})) == trail_arn with input as d
}

test_log_object_with_prefix if {
	t := trail({"s3_key_prefix": kit.attr("cloudtrail", 43)})
	lib.trail_log_object(t, account) == "arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1/2025/01/01/111122223333_CloudTrail_us-east-1_x.json.gz" with input as doc(documented, [t])
}

test_org_trail_middles if {
	lib.trail_log_middles(trail({"is_organization_trail": kit.attr(true, 45), "organization_id": "o-abc123"})) == {account, "o-abc123/111122223333"}
	lib.trail_log_middles(trail({"is_organization_trail": kit.attr(true, 45)})) == {account}
}

test_key_arn if {
	lib.trail_key_arn(trail(with_kms)) == key_arn with input as with_key(doc(documented, []), null)
	not lib.trail_key_arn(trail({}))
}
