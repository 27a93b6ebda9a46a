package ctlint.rules.cloudtrail_source_condition_missing_test

import data.ctlint.rules.cloudtrail_source_condition_missing as rule
import data.ctlint.testkit.policy as kit

acl := {"s3:x-amz-acl": "bucket-owner-full-control"}

# Seed 000's policy: no source condition on either CloudTrail statement.
test_seed_000_both_statements if {
	findings := rule.report with input as kit.bucket_doc([kit.acl_check(4, {}), kit.trail_write(15, {"StringEquals": acl})])
	kit.lines(findings) == {4, 15}
	some f in findings
	f.range.line == 15
	f.message == "statement \"AWSCloudTrailWrite\" lets cloudtrail.amazonaws.com use s3:PutObject for a trail in any account: add an aws:SourceArn condition naming your trail (or aws:SourceAccount)"
}

# AWS's documented policy (AWS-FACTS section 1).
test_documented_policy if {
	stmts := [
		kit.acl_check(4, {"StringEquals": {"aws:SourceArn": kit.own_trail}}),
		kit.trail_write(15, {"StringEquals": object.union(acl, {"aws:SourceArn": kit.own_trail})}),
	]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

# The scope's own account is unknown, but it is certainly not another account.
test_own_account_marker_is_this_account if {
	arn := "arn:aws:cloudtrail:us-east-1:«AWS::AccountId»:trail/main"
	stmts := [
		kit.acl_check(4, {"StringEquals": {"aws:SourceArn": arn}}),
		kit.trail_write(15, {"StringEquals": object.union(acl, {"aws:SourceAccount": "«AWS::AccountId»"})}),
		kit.trail_write(26, {"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:«AWS::AccountId»:trail/*"}}),
	]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

test_source_account_and_arrays if {
	stmts := [
		kit.acl_check(4, {"StringEquals": {"aws:SourceAccount": ["111122223333", "444455556666"]}}),
		kit.trail_write(15, {"ArnEquals": {"aws:SourceArn": [kit.own_trail, "arn:aws:cloudtrail:us-east-1:444455556666:trail/org"]}}),
	]
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
}

# A wildcarded account in the SourceArn admits every account.
test_wildcard_account_in_source_arn if {
	s := kit.trail_write(15, {"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:*:trail/*"}})
	kit.lines(rule.report) == {15} with input as kit.bucket_doc([s])
}

# A condition that passes when the key is absent restricts nothing.
test_if_exists_restricts_nothing_for_other_keys if {
	s := kit.trail_write(15, {"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}, "StringEquals": acl})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
}

test_unknown_source_arn_is_undecided if {
	s := kit.trail_write(15, {"StringEquals": {"aws:SourceArn": "«var.trail_arn»"}})
	count(rule.report) == 0 with input as kit.bucket_doc([s])
	kit.lines(rule.undecided) == {15} with input as kit.bucket_doc([s])
}

test_not_action_statement if {
	s := object.union(object.remove(kit.trail_write(15, {}), ["Action"]), {"NotAction": "s3:DeleteObject"})
	findings := rule.report with input as kit.bucket_doc([s])
	some f in findings
	contains(f.message, "use every action except s3:DeleteObject")
}

test_other_principals_and_denies_are_ignored if {
	d := kit.deny(30, "s3:*", "arn:aws:s3:::my-cloudtrail-logs/*", {"Bool": {"aws:SecureTransport": "false"}})
	d2 := kit.set(d, {"Principal": {"Service": "cloudtrail.amazonaws.com"}, "Condition": {}})
	u := kit.set(kit.trail_write(15, {}), {"Principal": {"AWS": "arn:aws:iam::111122223333:role/reader"}})
	count(rule.report) == 0 with input as kit.bucket_doc([d, d2, u])
}

test_key_policies_are_not_bucket_policies if {
	count(rule.report) == 0 with input as kit.key_doc([kit.acl_check(4, {})])
}
