package ctlint.rules.duplicate_sid_test

import data.ctlint.rules.duplicate_sid
import data.ctlint.testkit.policy as kit

test_repeated_sid_reported_at_the_later_one if {
	a := kit.acl_check(3, {})
	b := object.union(kit.trail_write(14, {}), {"Sid": "AWSCloudTrailAclCheck"})
	c := object.union(kit.trail_write(25, {}), {"Sid": "AWSCloudTrailAclCheck"})
	findings := duplicate_sid.report with input as kit.bucket_doc([a, b, c])
	kit.lines(findings) == {15, 26}
	some f in findings
	f.range.line == 15
	f.message == "Sid \"AWSCloudTrailAclCheck\" is already used by the statement at line 3: Sids must be unique within a policy"
}

test_distinct_sids_and_missing_sids if {
	a := kit.acl_check(3, {})
	b := kit.trail_write(14, {})
	c := object.remove(kit.trail_write(25, {}), ["Sid"])
	d := object.remove(kit.trail_write(36, {}), ["Sid"])
	count(duplicate_sid.report) == 0 with input as kit.bucket_doc([a, b, c, d])
}

test_sids_compare_exactly if {
	a := kit.acl_check(3, {})
	b := object.union(kit.trail_write(14, {}), {"Sid": "awscloudtrailaclcheck"})
	count(duplicate_sid.report) == 0 with input as kit.bucket_doc([a, b])
}

test_unknown_sids_are_not_compared if {
	a := object.union(kit.acl_check(3, {}), {"Sid": "«var.sid»"})
	b := object.union(kit.trail_write(14, {}), {"Sid": "«var.sid»"})
	count(duplicate_sid.report) == 0 with input as kit.bucket_doc([a, b])
}
