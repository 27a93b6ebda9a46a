# METADATA
# title: Noncurrent log versions are never expired
# description: |
#   On a versioned bucket, a lifecycle Expiration of current versions only adds
#   a delete marker: the log object becomes a noncurrent version and stays,
#   billed, forever. Only NoncurrentVersionExpiration deletes noncurrent
#   versions. The rule fires for a log bucket with versioning Enabled (or
#   Object Lock, which forces versioning on) whose lifecycle configuration has
#   no enabled rule with NoncurrentVersionExpiration. A bucket with no
#   lifecycle at all is lifecycle-missing (CT302).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
# custom:
#   id: CT303
#   name: noncurrent-versions-unbounded
#   severity: low
#   frameworks: []
#   remediation: |
#     Add a NoncurrentVersionExpiration to the retention rule, no shorter than
#     the required retention:
#       noncurrent_version_expiration {
#         noncurrent_days = 400
#       }
package ctlint.rules.noncurrent_versions_unbounded

import data.ctlint.lib

report contains lib.finding(msg, lc.range, lc) if {
	some b in lib.log_buckets
	lib.known_versioned(b)
	some lc in lib.bucket_lifecycles(b)
	not purges(lc, {"Enabled", "unknown"})
	msg := sprintf("%s is versioned but its lifecycle has no enabled NoncurrentVersionExpiration: expiring a log only adds a delete marker and every noncurrent version is kept forever", [bucket_label(b)])
}

# The rule that would purge noncurrent versions has a status unknown offline.
undecided contains lib.finding(msg, lc.range, lc) if {
	some b in lib.log_buckets
	lib.known_versioned(b)
	some lc in lib.bucket_lifecycles(b)
	not purges(lc, {"Enabled"})
	purges(lc, {"unknown"})
	msg := sprintf("whether %s expires noncurrent log versions depends on a lifecycle rule status unknown offline", [bucket_label(b)])
}

# Versioning unknown offline decides whether noncurrent versions exist.
undecided contains lib.finding(msg, b.versioning.status.range, lc) if {
	some b in lib.log_buckets
	lib.unknown_attr(b.versioning.status)
	not lib.known_versioned(b)
	some lc in lib.bucket_lifecycles(b)
	not purges(lc, {"Enabled", "unknown"})
	msg := sprintf("%s has no NoncurrentVersionExpiration; whether that keeps noncurrent logs forever depends on its versioning status %s", [bucket_label(b), lib.display(b.versioning.status.value)])
}

purges(lc, statuses) if {
	some r in lc.rules
	lib.rule_status(r) in statuses
	r.noncurrent_version_expiration
}

bucket_label(b) := sprintf("log bucket %s", [lib.display(b.name.value)]) if {
	is_string(b.name.value)
} else := sprintf("log bucket %s", [b.id])
