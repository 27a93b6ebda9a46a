package ctlint.rules.encryption_deny_missing_test

import data.ctlint.rules.encryption_deny_missing as rule
import data.ctlint.testkit.policy as kit

objects := "arn:aws:s3:::my-cloudtrail-logs/*"

sse := "s3:x-amz-server-side-encryption"

cloudtrail := [kit.acl_check(4, {}), kit.trail_write(15, {})]

test_no_encryption_deny if {
	findings := rule.report with input as kit.bucket_doc(cloudtrail)
	count(findings) == 1
	kit.lines(findings) == {1}
	some f in findings
	f.message == "the log bucket policy does not deny uploads without SSE-KMS: SSE-S3 (AES256) and unencrypted (no x-amz-server-side-encryption header) PutObject requests are not denied; add a Deny on s3:PutObject with StringNotEquals s3:x-amz-server-side-encryption \"aws:kms\""
}

# Seed 000: StringNotEquals also denies a PUT without the header.
test_seed_000_string_not_equals if {
	stmts := array.concat(cloudtrail, [kit.deny(26, "s3:PutObject", objects, {"StringNotEquals": {sse: "aws:kms"}})])
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	count(rule.undecided) == 0 with input as kit.bucket_doc(stmts)
}

# StringEquals AES256 leaves the header-less PUT allowed.
test_deny_only_aes256 if {
	stmts := array.concat(cloudtrail, [kit.deny(26, "s3:PutObject", objects, {"StringEquals": {sse: "AES256"}})])
	findings := rule.report with input as kit.bucket_doc(stmts)
	count(findings) == 1
	some f in findings
	contains(f.message, ": unencrypted (no x-amz-server-side-encryption header) PutObject requests are not denied")
}

test_null_deny_plus_aes256_deny if {
	stmts := array.concat(cloudtrail, [
		kit.deny(26, "s3:PutObject", objects, {"Null": {sse: "true"}}),
		kit.deny(37, "s3:PutObject", objects, {"StringEquals": {sse: "AES256"}}),
	])
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
}

test_deny_on_bucket_arn_only if {
	stmts := array.concat(cloudtrail, [kit.deny(26, "s3:PutObject", "arn:aws:s3:::my-cloudtrail-logs", {"StringNotEquals": {sse: "aws:kms"}})])
	count(rule.report) == 1 with input as kit.bucket_doc(stmts)
}

test_not_a_log_bucket if {
	reader := {"line": 4, "Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/r"}, "Action": "s3:GetObject", "Resource": objects}
	count(rule.report) == 0 with input as kit.bucket_doc([reader])
}

test_log_bucket_by_trail_link if {
	reader := {"line": 4, "Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/r"}, "Action": "s3:GetObject", "Resource": objects}
	doc := kit.bucket_doc([reader])
	linked := object.union(doc, {"buckets": [object.union(doc.buckets[0], {"is_log_bucket": true})]})
	count(rule.report) == 1 with input as linked
}

test_unknown_value_is_undecided if {
	stmts := array.concat(cloudtrail, [kit.deny(26, "s3:PutObject", objects, {"StringNotEquals": {sse: "«var.sse_algorithm»"}})])
	count(rule.report) == 0 with input as kit.bucket_doc(stmts)
	kit.lines(rule.undecided) == {1} with input as kit.bucket_doc(stmts)
}
