package ctlint.rules.cloudtrail_source_arn_mismatch_test

import data.ctlint.rules.cloudtrail_source_arn_mismatch as rule
import data.ctlint.testkit.crossref as x
import data.ctlint.testkit.policy as kit

acl := "bucket-owner-full-control"

# write(line, arn): the documented write statement with aws:SourceArn arn;
# its StringEquals conditions sit at line+6 (aws:SourceArn) and line+7.
write(line, arn) := kit.set(kit.trail_write(line, {}), {"Condition": {"StringEquals": {"s3:x-amz-acl": acl, "aws:SourceArn": arn}}})

check(line, arn) := kit.acl_check(line, {"StringEquals": {"aws:SourceArn": arn}})

test_documented_policy_names_the_trail if {
	d := x.doc(x.documented, [x.trail({})])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

# Acceptance: SourceArn names trail/other while the trail is trail/main.
test_other_trail_named if {
	other := "arn:aws:cloudtrail:us-east-1:111122223333:trail/other"
	findings := rule.report with input as x.doc([check(4, other), write(15, other)], [x.trail({})])
	kit.lines(findings) == {10, 21}
	some f in findings
	f.range.line == 21
	f.message == "statement \"AWSCloudTrailWrite\": aws:SourceArn arn:aws:cloudtrail:us-east-1:111122223333:trail/other does not name trail main (arn:aws:cloudtrail:us-east-1:111122223333:trail/main), which writes to this bucket: CloudTrail's requests for it are refused; name that trail's ARN"
}

test_partition_symbol_names_the_trail if {
	arn := "arn:«AWS::Partition»:cloudtrail:us-east-1:«AWS::AccountId»:trail/main"
	t := x.trail({"account": "«AWS::AccountId»", "arn": "arn:«AWS::Partition»:cloudtrail:us-east-1:«AWS::AccountId»:trail/main"})
	d := x.doc([check(4, arn), write(15, arn)], [t])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

# A multi-trail policy may give each trail its own statement.
test_trail_named_by_another_statement if {
	other := "arn:aws:cloudtrail:us-east-1:111122223333:trail/other"
	d := x.doc([check(4, [x.source_arn, other]), write(15, x.source_arn), write(26, other)], [x.trail({})])
	count(rule.report) == 0 with input as d
}

test_wildcard_account if {
	findings := rule.report with input as kit.bucket_doc([write(15, "arn:aws:cloudtrail:*:*:trail/*")])
	kit.lines(findings) == {21}
	some f in findings
	f.message == "statement \"AWSCloudTrailWrite\": aws:SourceArn arn:aws:cloudtrail:*:*:trail/* has a wildcard account: it admits trails of every account; name your own account"
}

test_wildcard_region_is_fine if {
	count(rule.report) == 0 with input as kit.bucket_doc([write(15, "arn:aws:cloudtrail:*:111122223333:trail/*")])
}

test_malformed_values if {
	stmts := [
		write(15, "arn:aws:s3:::my-cloudtrail-logs"),
		write(26, "arn:aws:cloudtrail:us-east-1:1111:trail/main"),
		write(37, "arn:aws:cloudtrail:*"),
	]
	findings := rule.report with input as kit.bucket_doc(stmts)
	{[f.range.line, f.message] | some f in findings} == {
		[21, "statement \"AWSCloudTrailWrite\": aws:SourceArn arn:aws:s3:::my-cloudtrail-logs is not a trail ARN (arn:<partition>:cloudtrail:<region>:<account>:trail/<name>): it never matches what CloudTrail sends"],
		[32, "statement \"AWSCloudTrailWrite\": aws:SourceArn arn:aws:cloudtrail:us-east-1:1111:trail/main is not a trail ARN: the account \"1111\" is not twelve digits"],
		[43, "statement \"AWSCloudTrailWrite\": aws:SourceArn arn:aws:cloudtrail:* matches trails of every account: name your own account"],
	}
}

test_unknown_value_is_neither_malformed_nor_decided if {
	d := x.doc([write(15, "«var.trail_arn»")], [x.trail({})])
	count(rule.report) == 0 with input as d
	kit.lines(rule.undecided) == {21} with input as d
}

# The trail's region is unknown offline; the policy names us-east-1. Only
# the deployment region is in question: CT105 reports that once per trail.
test_unknown_region_is_left_to_delivery if {
	t := x.trail({"arn": "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:111122223333:trail/main"})
	d := x.doc(x.documented, [t])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

# ... but a wrong name is certain whatever the region.
test_unknown_region_other_name if {
	t := x.trail({"arn": "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:111122223333:trail/other"})
	kit.lines(rule.report) == {10, 21} with input as x.doc(x.documented, [t])
}

test_unknown_account_is_undecided if {
	t := x.trail({"account": "«var.account»", "arn": "arn:«AWS::Partition»:cloudtrail:us-east-1:«var.account»:trail/main"})
	d := x.doc(x.documented, [t])
	count(rule.report) == 0 with input as d
	findings := rule.undecided with input as d
	kit.lines(findings) == {10, 21}
	some f in findings
	f.message == "whether the aws:SourceArn of statement \"AWSCloudTrailWrite\" (arn:aws:cloudtrail:us-east-1:111122223333:trail/main) names trail main (arn:aws:cloudtrail:us-east-1:${var.account}:trail/main) depends on values not known offline"
}

test_key_policy_names_another_trail if {
	other := "arn:aws:cloudtrail:us-east-1:111122223333:trail/other"
	describe := kit.set(kit.acl_check(4, {"StringEquals": {"aws:SourceArn": other}}), {"Action": "kms:DescribeKey", "Resource": "*"})
	d := x.with_key(x.doc([], [x.trail(x.with_kms)]), [describe])
	findings := rule.report with input as d
	kit.lines(findings) == {10}
	some f in findings
	f.resource == "aws_kms_key.trail"
	contains(f.message, "which encrypts with this key")
}

# Without a trail in scope only the shape is judged.
test_no_trail_in_scope if {
	count(rule.report) == 0 with input as kit.bucket_doc([write(15, "arn:aws:cloudtrail:us-east-1:111122223333:trail/other")])
}

# A Deny naming trails to exclude is not an allow-list.
test_negated_operator_is_ignored if {
	d := kit.deny(30, "s3:PutObject", "arn:aws:s3:::my-cloudtrail-logs/*", {"ArnNotEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/other"}})
	d2 := kit.set(d, {"Principal": {"Service": "cloudtrail.amazonaws.com"}})
	count(rule.report) == 0 with input as x.doc(array.concat(x.documented, [d2]), [x.trail({})])
}
