package ctlint.rules.cloudtrail_delivery_blocked_test

import data.ctlint.rules.cloudtrail_delivery_blocked as rule
import data.ctlint.testkit.crossref as x
import data.ctlint.testkit.policy as kit

test_documented_policy_delivers if {
	d := x.doc(x.documented, [x.trail({})])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

# Acceptance: a trail with a KMS key and a bucket policy that denies non-KMS
# uploads: delivery works.
test_kms_trail_passes_the_kms_deny if {
	d := x.with_key(x.doc(array.concat(x.documented, [x.deny_non_kms]), [x.trail(x.with_kms)]), null)
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

# Acceptance: the same trail without its KMS key sends no SSE header, and the
# Deny blocks it.
test_trail_without_key_is_denied if {
	findings := rule.report with input as x.doc(array.concat(x.documented, [x.deny_non_kms]), [x.trail({})])
	kit.lines(findings) == {26}
	some f in findings
	f.message == "statement \"Deny26\" denies s3:PutObject of arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2025/01/01/111122223333_CloudTrail_us-east-1_x.json.gz for trail main: CloudTrail cannot deliver its logs; the trail sets no KMS key, so CloudTrail sends no x-amz-server-side-encryption header: set its KMS key or narrow the Deny"
}

# Acceptance: the grant covers AWSLogs/ while the trail writes under its
# prefix "cloudtrail".
test_prefix_mismatch if {
	findings := rule.report with input as x.doc(x.documented, [x.trail({"s3_key_prefix": kit.attr("cloudtrail", 43)})])
	kit.lines(findings) == {40}
	some f in findings
	f.resource == "aws_cloudtrail.main"
	f.message == "the bucket policy of trail main allows no s3:PutObject of arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1/2025/01/01/111122223333_CloudTrail_us-east-1_x.json.gz (aws:SourceArn arn:aws:cloudtrail:us-east-1:111122223333:trail/main): CloudTrail cannot deliver its logs; grant it to cloudtrail.amazonaws.com on the trail's path, arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/111122223333/*"
}

test_missing_acl_check if {
	findings := rule.report with input as x.doc([x.trail_write], [x.trail({})])
	count(findings) == 1
	some f in findings
	startswith(f.message, "the bucket policy of trail main allows no s3:GetBucketAcl on arn:aws:s3:::my-cloudtrail-logs")
}

# The SourceArn names another trail: neither request is allowed.
test_other_trail_named if {
	t := x.trail({"arn": "arn:«AWS::Partition»:cloudtrail:us-east-1:111122223333:trail/other"})
	count(rule.report) == 2 with input as x.doc(x.documented, [t])
}

# CloudTrail sends the KMS key it uses; a Deny for other keys lets it pass.
test_wrong_key_deny_passes_the_trails_key if {
	wrong_key := kit.deny(37, "s3:PutObject", "arn:aws:s3:::my-cloudtrail-logs/*", {"StringNotEquals": {"s3:x-amz-server-side-encryption-aws-kms-key-id": x.key_arn}})
	d := x.with_key(x.doc(array.concat(x.documented, [x.deny_non_kms, wrong_key]), [x.trail(x.with_kms)]), null)
	count(rule.report) == 0 with input as d
}

test_org_trail_needs_the_org_path if {
	t := x.trail({"is_organization_trail": kit.attr(true, 45), "organization_id": "o-abc123"})
	findings := rule.report with input as x.doc(x.documented, [t])
	count(findings) == 1
	some f in findings
	contains(f.message, "/AWSLogs/o-abc123/111122223333/CloudTrail/")
}

# The region the trail runs in is unknown offline; the policy names one.
test_unknown_region_is_undecided if {
	t := x.trail({"arn": "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:111122223333:trail/main"})
	d := x.doc(x.documented, [t])
	count(rule.report) == 0 with input as d
	findings := rule.undecided with input as d
	kit.lines(findings) == {40}
	some f in findings
	f.message == "whether the bucket policy lets CloudTrail deliver the logs of trail main (aws:SourceArn arn:aws:cloudtrail:${AWS::Region}:111122223333:trail/main) depends on values not known offline in statement \"AWSCloudTrailAclCheck\", statement \"AWSCloudTrailWrite\"; the trail's region (${AWS::Region}) is not known offline"
}

test_trail_of_another_bucket_is_ignored if {
	t := x.trail({"bucket": "", "bucket_name": kit.attr("elsewhere", 42)})
	count(rule.report) == 0 with input as x.doc([], [t])
}
