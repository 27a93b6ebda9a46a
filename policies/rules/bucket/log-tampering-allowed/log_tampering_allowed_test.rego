package ctlint.rules.log_tampering_allowed_test

import data.ctlint.rules.log_tampering_allowed as rule
import data.ctlint.testkit.crossref as x
import data.ctlint.testkit.policy as kit

bucket := "arn:aws:s3:::my-cloudtrail-logs"

objects := "arn:aws:s3:::my-cloudtrail-logs/*"

# allow(line, principal, actions, condition): an Allow on bucket and objects.
allow(line, principal, actions, condition) := {
	"line": line, "Sid": sprintf("Allow%d", [line]), "Effect": "Allow", "Principal": principal,
	"Action": actions, "Resource": [bucket, objects], "Condition": condition,
}

scope(stmts) := kit.bucket_doc(array.concat(x.documented, stmts))

test_documented_policy if {
	count(rule.report) == 0 with input as scope([])
}

test_everyone_may_delete if {
	findings := rule.report with input as scope([allow(26, "*", ["s3:DeleteObject", "s3:GetObject"], {})])
	kit.lines(findings) == {26}
	some f in findings
	f.message == "statement \"Allow26\" lets everyone (including anonymous callers) s3:DeleteObject on the log bucket: anyone it admits can erase or hide the logs; restrict it to your own admin principals with MFA"
}

test_another_named_account if {
	findings := rule.report with input as scope([allow(26, {"AWS": "arn:aws:iam::444455556666:root"}, "s3:*", {})])
	kit.lines(findings) == {26}
	some f in findings
	contains(f.message, "lets other accounts s3:BypassGovernanceRetention, s3:DeleteBucketPolicy, s3:DeleteObject, s3:DeleteObjectVersion, s3:PutBucketAcl, s3:PutBucketObjectLockConfiguration, s3:PutBucketPolicy, s3:PutBucketVersioning, s3:PutLifecycleConfiguration, s3:PutObjectAcl on the log bucket")
}

# The own account's root delegating to IAM is not an outsider.
test_own_account_root if {
	count(rule.report) == 0 with input as scope([allow(26, {"AWS": "arn:aws:iam::111122223333:root"}, "s3:*", {})])
	count(rule.undecided) == 0 with input as scope([allow(26, {"AWS": "arn:aws:iam::111122223333:root"}, "s3:*", {})])
}

test_mfa_required if {
	count(rule.report) == 0 with input as scope([allow(26, "*", "s3:DeleteObject", {"Bool": {"aws:MultiFactorAuthPresent": "true"}})])
}

test_principal_org_restricted if {
	count(rule.report) == 0 with input as scope([allow(26, "*", "s3:PutBucketPolicy", {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}})])
}

# A condition on the request (TLS) does not restrict who the caller is.
test_tls_only_condition_still_fires if {
	findings := rule.report with input as scope([allow(26, "*", "s3:PutLifecycleConfiguration", {"Bool": {"aws:SecureTransport": "true"}})])
	kit.lines(findings) == {26}
}

test_read_only_grant if {
	count(rule.report) == 0 with input as scope([allow(26, "*", ["s3:GetObject", "s3:ListBucket"], {})])
}

test_deny_is_not_a_grant if {
	count(rule.report) == 0 with input as scope([kit.deny(26, "s3:DeleteObject", objects, {})])
}

test_not_a_log_bucket if {
	count(rule.report) == 0 with input as kit.bucket_doc([allow(26, "*", "s3:DeleteObject", {})])
}

test_unknown_principal_is_undecided if {
	d := scope([allow(26, {"AWS": "«var.admin_role_arn»"}, "s3:DeleteObject", {})])
	count(rule.report) == 0 with input as d
	kit.lines(rule.undecided) == {26} with input as d
}

# Without the owner's account (no AWSLogs/<account>/ path, no trail) a named
# account may be the owner's own.
test_named_account_of_unknown_owner if {
	write := kit.set(x.trail_write, {"Resource": objects})
	d := kit.bucket_doc([write, allow(26, {"AWS": "arn:aws:iam::444455556666:root"}, "s3:*", {})])
	count(rule.report) == 0 with input as d
	findings := rule.undecided with input as d
	kit.lines(findings) == {26}
	some f in findings
	contains(f.message, "lets account 444455556666 s3:BypassGovernanceRetention")
}
