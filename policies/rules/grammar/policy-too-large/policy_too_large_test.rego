package ctlint.rules.policy_too_large_test

import data.ctlint.rules.policy_too_large
import data.ctlint.testkit.policy as kit

sized(kind, size) := object.union(kit.policy(kind, [kit.acl_check(3, {})]), {"size": size})

test_bucket_policy_over_20kb if {
	findings := policy_too_large.report with input as kit.bucket_doc_with(sized("bucket", 20481))
	count(findings) == 1
	some f in findings
	f.range.line == 1
	f.message == "the bucket policy is 20481 bytes, over the 20480-byte limit: AWS rejects it"
}

test_bucket_policy_at_limit if {
	count(policy_too_large.report) == 0 with input as kit.bucket_doc_with(sized("bucket", 20480))
}

test_key_policy_limit_is_32kb if {
	count(policy_too_large.report) == 0 with input as kit.key_doc_with(sized("key", 32768))
	findings := policy_too_large.report with input as kit.key_doc_with(sized("key", 32769))
	count(findings) == 1
}

test_unknown_size_is_skipped if {
	count(policy_too_large.report) == 0 with input as kit.bucket_doc_with(sized("bucket", 0))
}

identity_doc_with(pol) := {
	"buckets": [], "bucket_policies": [], "keys": [], "trails": [],
	"other_policies": [pol],
}

test_policy_of_unknown_attachment_over_both_limits if {
	findings := policy_too_large.report with input as identity_doc_with(sized("identity", 32769))
	count(findings) == 1
	some f in findings
	f.message == "the policy is 32769 bytes, over the size limit of both bucket policies (20480 bytes) and key policies (32768 bytes): AWS rejects it as either"
}

test_policy_of_unknown_attachment_under_the_key_limit if {
	count(policy_too_large.report) == 0 with input as identity_doc_with(sized("identity", 32768))
}
