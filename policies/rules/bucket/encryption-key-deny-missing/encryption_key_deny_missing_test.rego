package ctlint.rules.encryption_key_deny_missing_test

import data.ctlint.rules.encryption_key_deny_missing as rule
import data.ctlint.testkit.crossref as x
import data.ctlint.testkit.policy as kit

objects := "arn:aws:s3:::my-cloudtrail-logs/*"

key_id := "s3:x-amz-server-side-encryption-aws-kms-key-id"

cloudtrail := [kit.acl_check(4, {}), kit.trail_write(15, {})]

# Seed 000's DenyWrongKmsKey (StringNotEquals on the key id).
test_seed_000_wrong_key_deny if {
	stmts := array.concat(cloudtrail, [x.deny_non_kms, kit.deny(37, "s3:PutObject", objects, {"StringNotEquals": {key_id: "arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012"}})])
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

# Denying non-KMS uploads lets any KMS key through.
test_only_non_kms_deny if {
	findings := rule.report with input as kit.bucket_doc(array.concat(cloudtrail, [x.deny_non_kms]))
	kit.lines(findings) == {1}
	some f in findings
	f.message == "the log bucket policy does not deny a PutObject on arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2025/01/01/probe.json.gz encrypted with another account's KMS key (arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000): add a Deny with StringNotEquals s3:x-amz-server-side-encryption-aws-kms-key-id naming the trail's key"
}

# StringNotLike with the own account's keys also denies a foreign key.
test_own_account_key_pattern if {
	d := kit.deny(37, "s3:PutObject", objects, {"StringNotLike": {key_id: "arn:aws:kms:*:«AWS::AccountId»:key/*"}})
	count(rule.report) == 0 with input as kit.bucket_doc(array.concat(cloudtrail, [d]))
	count(rule.undecided) == 0 with input as kit.bucket_doc(array.concat(cloudtrail, [d]))
}

# A Deny that only names one wrong key lets every other key through.
test_deny_of_one_named_key if {
	d := kit.deny(37, "s3:PutObject", objects, {"StringEquals": {key_id: "arn:aws:kms:us-east-1:111122223333:key/old"}})
	count(rule.report) == 1 with input as kit.bucket_doc(array.concat(cloudtrail, [d]))
}

test_unknown_key_is_undecided if {
	d := kit.deny(37, "s3:PutObject", objects, {"StringNotEquals": {key_id: "«aws_kms_key.trail.arn»"}})
	count(rule.report) == 0 with input as kit.bucket_doc(array.concat(cloudtrail, [d]))
	kit.lines(rule.undecided) == {1} with input as kit.bucket_doc(array.concat(cloudtrail, [d]))
}

test_not_a_log_bucket if {
	reader := {"line": 4, "Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/r"}, "Action": "s3:GetObject", "Resource": objects}
	count(rule.report) == 0 with input as kit.bucket_doc([reader])
}
