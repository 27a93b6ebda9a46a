# METADATA
# title: Object Lock default retention is too short or bypassable
# description: |
#   Object Lock's default retention protects each new log version for a fixed
#   period. In GOVERNANCE mode anyone with s3:BypassGovernanceRetention can
#   still delete or shorten it; only COMPLIANCE mode binds everyone, the root
#   user included. The rule fires for a log bucket whose default retention
#   (Days, or Years counted as 365 days) is below the required retention or
#   not a number, or whose mode is GOVERNANCE.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html
# custom:
#   id: CT306
#   name: object-lock-retention-short
#   severity: low
#   frameworks: []
#   remediation: |
#     Use COMPLIANCE mode with a default retention at least as long as the
#     required retention (--retention-days or the profile, 365 by default):
#       default_retention {
#         mode = "COMPLIANCE"
#         days = 365
#       }
package ctlint.rules.object_lock_retention_short

import data.ctlint.lib

retention := input.settings.retention_days

# period: the default retention in days and the attribute that sets it.
period(lock) := [n, lock.days] if {
	n := lib.number_value(lock.days)
}

period(lock) := [n * 365, lock.years] if {
	n := lib.number_value(lock.years)
}

report contains lib.finding(msg, attr.range, b) if {
	some b in lib.log_buckets
	[days, attr] := period(b.object_lock)
	days < retention
	msg := sprintf("%s keeps log versions under Object Lock for %v days by default, less than the retention of %v days required by --retention-days or the profile", [lib.bucket_label(b), days, retention])
}

report contains lib.finding(msg, b.object_lock.mode.range, b) if {
	some b in lib.log_buckets
	b.object_lock.mode.known
	upper(b.object_lock.mode.value) == "GOVERNANCE"
	msg := sprintf("%s uses Object Lock GOVERNANCE mode: anyone with s3:BypassGovernanceRetention can delete locked logs; COMPLIANCE mode binds everyone", [lib.bucket_label(b)])
}

# A retention that is not a number (days = "abc", which Terraform and S3
# reject) protects nothing; say so rather than pass it.
report contains lib.finding(msg, attr.range, b) if {
	some b in lib.log_buckets
	some name in ["days", "years"]
	attr := b.object_lock[name]
	attr.known
	not lib.number_value(attr)
	msg := sprintf("%s sets its Object Lock default retention %s to %s, which is not a number: S3 rejects it", [lib.bucket_label(b), name, json.marshal(attr.value)])
}

undecided contains lib.finding(msg, attr.range, b) if {
	some b in lib.log_buckets
	some name in ["days", "years", "mode"]
	attr := b.object_lock[name]
	lib.unknown_attr(attr)
	msg := sprintf("whether %s's Object Lock default retention meets the requirement depends on %s", [lib.bucket_label(b), lib.display(attr.value)])
}
