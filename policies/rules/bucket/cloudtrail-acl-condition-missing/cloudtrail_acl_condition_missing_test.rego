package ctlint.rules.cloudtrail_acl_condition_missing_test

import data.ctlint.rules.cloudtrail_acl_condition_missing as rule
import data.ctlint.testkit.policy as kit

acl := {"s3:x-amz-acl": "bucket-owner-full-control"}

test_write_without_acl_condition if {
	s := kit.trail_write(15, {"StringEquals": {"aws:SourceArn": kit.own_trail}})
	findings := rule.report with input as kit.bucket_doc([kit.acl_check(4, {}), s])
	kit.lines(findings) == {15}
	some f in findings
	startswith(f.message, "statement \"AWSCloudTrailWrite\" lets cloudtrail.amazonaws.com write objects without the bucket-owner-full-control ACL")
}

# Seed 000's write statement has the ACL condition (and no source condition).
test_seed_000_has_the_acl_condition if {
	stmts := [kit.acl_check(4, {}), kit.trail_write(15, {"StringEquals": acl})]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

test_documented_policy if {
	s := kit.trail_write(15, {"StringEquals": object.union(acl, {"aws:SourceArn": kit.own_trail})})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
}

# The source condition is satisfied with its own (unknown) value: only the ACL decides.
test_unknown_source_arn_does_not_hide_missing_acl if {
	s := kit.trail_write(15, {"StringEquals": {"aws:SourceArn": "«aws_cloudtrail.main.arn»"}})
	kit.lines(rule.report) == {15} with input as kit.bucket_doc([s])
}

test_acl_if_exists_allows_missing_header if {
	s := kit.trail_write(15, {"StringEqualsIfExists": acl})
	kit.lines(rule.report) == {15} with input as kit.bucket_doc([s])
}

test_acl_check_statement_grants_no_put if {
	count(rule.report) == 0 with input as kit.bucket_doc([kit.acl_check(4, {})])
}

# Whatever the unknown value is, the header must be sent.
test_unknown_acl_value_still_requires_the_header if {
	s := kit.trail_write(15, {"StringEquals": {"s3:x-amz-acl": "«var.acl»"}})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
	count(rule.undecided) == 0 with input as kit.bucket_doc([s])
}
