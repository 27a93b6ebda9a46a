package ctlint.rules.cloudtrail_write_prefix_test

import data.ctlint.rules.cloudtrail_write_prefix as rule
import data.ctlint.testkit.crossref as x
import data.ctlint.testkit.policy as kit

acl := {"s3:x-amz-acl": "bucket-owner-full-control"}

# write(resource): the CloudTrail write statement at line 15 (Resource at 20).
write(resource) := kit.set(x.trail_write, {"Resource": resource})

test_documented_policy if {
	d := x.doc(x.documented, [x.trail({})])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

# Seed 000: my-cloudtrail-logs/AWSLogs/* lets CloudTrail write into any
# account's folder.
test_seed_000_awslogs_without_account if {
	seed := kit.set(kit.trail_write(15, {"StringEquals": acl}), {"Resource": "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/*"})
	findings := rule.report with input as kit.bucket_doc([kit.acl_check(4, {}), seed])
	kit.lines(findings) == {20}
	some f in findings
	f.message == "statement \"AWSCloudTrailWrite\" lets cloudtrail.amazonaws.com write into another account's AWSLogs/ folder (arn:aws:s3:::my-cloudtrail-logs/AWSLogs/000000000000/x): limit the resource to <bucket>/[prefix/]AWSLogs/<account>/*"
}

test_whole_bucket if {
	findings := rule.report with input as x.doc([x.acl_check, write("arn:aws:s3:::my-cloudtrail-logs/*")], [x.trail({})])
	kit.lines(findings) == {20}
	some f in findings
	contains(f.message, "write objects outside AWSLogs/ (arn:aws:s3:::my-cloudtrail-logs/not-logs/x)")
}

test_prefixed_path_with_account if {
	t := x.trail({"s3_key_prefix": kit.attr("cloudtrail", 43)})
	d := x.doc([x.acl_check, write("arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/111122223333/*")], [t])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

test_prefixed_path_without_account if {
	findings := rule.report with input as kit.bucket_doc([write("arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/*")])
	some f in findings
	contains(f.message, "(arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/000000000000/x)")
}

# The grant names AWSLogs/<account>/ but the trail writes under its prefix.
test_trail_prefix_not_covered if {
	t := x.trail({"s3_key_prefix": kit.attr("cloudtrail", 43)})
	findings := rule.report with input as x.doc(x.documented, [t])
	kit.lines(findings) == {20}
	some f in findings
	f.message == "statement \"AWSCloudTrailWrite\" grants PutObject on arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122223333/*, but trail main writes its logs to arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/111122223333/CloudTrail/us-east-1/2025/01/01/111122223333_CloudTrail_us-east-1_x.json.gz: match the trail's s3_key_prefix"
}

test_multi_account_array if {
	stmt := write(["arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122223333/*", "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/444455556666/*"])
	count(rule.report) == 0 with input as x.doc([x.acl_check, stmt], [x.trail({})])
}

# An organization trail with an unknown organization id may use AWSLogs/*.
test_org_trail_of_unknown_org if {
	t := x.trail({"is_organization_trail": kit.attr(true, 45)})
	count(rule.report) == 0 with input as x.doc([x.acl_check, write("arn:aws:s3:::my-cloudtrail-logs/AWSLogs/*")], [t])
}

test_org_trail_of_known_org if {
	t := x.trail({"is_organization_trail": kit.attr(true, 45), "organization_id": "o-abc123"})
	stmt := write(["arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122223333/*", "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/o-abc123/*"])
	count(rule.report) == 0 with input as x.doc([x.acl_check, stmt], [t])
}

test_unknown_account_folder_is_undecided if {
	d := kit.bucket_doc([write("arn:aws:s3:::my-cloudtrail-logs/AWSLogs/«var.account_id»/*")])
	count(rule.report) == 0 with input as d
	kit.lines(rule.undecided) == {20} with input as d
}

test_own_account_symbol_is_not_another_account if {
	d := kit.bucket_doc([write("arn:aws:s3:::my-cloudtrail-logs/AWSLogs/«AWS::AccountId»/*")])
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 0 with input as d
}

test_acl_check_and_other_principals_are_ignored if {
	reader := kit.set(write("arn:aws:s3:::my-cloudtrail-logs/*"), {"Principal": {"AWS": "arn:aws:iam::111122223333:role/writer"}})
	count(rule.report) == 0 with input as kit.bucket_doc([kit.acl_check(4, {}), reader])
}
