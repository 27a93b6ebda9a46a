package ctlint.rules.unknown_condition_operator_test

import data.ctlint.rules.unknown_condition_operator
import data.ctlint.testkit.policy as kit

test_misspelled_operator if {
	s := kit.acl_check(3, {"StringEqual": {"aws:SourceArn": kit.own_trail}})
	findings := unknown_condition_operator.report with input as kit.bucket_doc([s])
	count(findings) == 1
	some f in findings
	f.range.line == 9
	f.message == "statement \"AWSCloudTrailAclCheck\": \"StringEqual\" is not an IAM condition operator, so AWS rejects the policy (condition on aws:SourceArn)"
}

test_documented_operators if {
	s := kit.acl_check(3, {
		"StringEquals": {"aws:SourceArn": kit.own_trail},
		"ArnLikeIfExists": {"aws:SourceArn": kit.own_trail},
		"ForAnyValue:StringLike": {"aws:TagKeys": "x*"},
		"Null": {"s3:x-amz-server-side-encryption": "true"},
		"stringequals": {"aws:SourceAccount": "111122223333"},
	})
	count(unknown_condition_operator.report) == 0 with input as kit.bucket_doc([s])
}

test_only_the_bad_operator_of_several if {
	s := kit.trail_write(20, {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}, "StringEqualsIfExist": {"aws:SourceArn": kit.own_trail}})
	findings := unknown_condition_operator.report with input as kit.bucket_doc([s])
	kit.lines(findings) == {27}
}
