# METADATA
# title: A lifecycle rule deletes CloudTrail logs before the required retention
# description: |
#   CloudTrail logs are the record an investigation or an auditor needs; a
#   lifecycle rule that deletes them early destroys that record for good. The
#   rule fires when an enabled lifecycle rule on a log bucket expires log
#   objects before the required retention: Expiration Days below it on a bucket
#   that is not known to be versioned, a fixed Expiration Date, or a
#   NoncurrentVersionExpiration that purges deleted or overwritten logs early.
#   On a versioned bucket, current-version Expiration only adds a delete
#   marker; the data goes when the noncurrent version expires, so the two
#   periods add up. Disabled rules never delete anything.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
# custom:
#   id: CT301
#   name: retention-too-short
#   severity: high
#   frameworks: []
#   remediation: |
#     Expire log objects no earlier than the required retention (365 days by
#     default; set it with --retention-days or a profile), and keep noncurrent
#     versions at least as long:
#       "Expiration": {"Days": 400},
#       "NoncurrentVersionExpiration": {"NoncurrentDays": 400}
package ctlint.rules.retention_too_short

import data.ctlint.lib

retention := input.settings.retention_days

source := "required by --retention-days or the profile"

# judged: every lifecycle rule that may delete log objects, with the bucket
# (when in scope) and whether the rule is certainly enabled.
judged contains [lc, r, certain] if {
	some lc in lib.log_lifecycles
	some r in lc.rules
	lib.rule_status(r) in {"Enabled", "unknown"}
	not lib.rule_misses_logs(lc, r)
	certain := lib.rule_status(r) == "Enabled"
}

versioned(lc) if lib.known_versioned(lib.bucket_by_id(lc.bucket))

# shortest_noncurrent: the earliest day on which an enabled rule of the same
# lifecycle purges noncurrent versions; undefined when none does.
shortest_noncurrent(lc) := min({n |
	some r in lc.rules
	lib.rule_enabled(r)
	not keeps_newest(r)
	n := lib.number_value(r.noncurrent_version_expiration.noncurrent_days)
})

# keeps_newest: NewerNoncurrentVersions N >= 1 keeps the N newest noncurrent
# versions of each object whatever their age. CloudTrail never overwrites a
# log, so a deleted log has one noncurrent version, and it is kept.
keeps_newest(r) if lib.number_value(r.noncurrent_version_expiration.newer_noncurrent_versions) >= 1

newer_decided(r) := false if {
	lib.unknown_attr(r.noncurrent_version_expiration.newer_noncurrent_versions)
} else := true

# Findings are reported when every value that decides them is known, and
# go to `undecided` otherwise.
candidates contains [f, known] if {
	some [lc, r, certain] in judged
	not versioned(lc)
	days := r.expiration.days
	decision := below(days)
	decision != "no"
	msg := sprintf("lifecycle rule %s deletes log objects after %s days, before the retention of %v days %s", [lib.rule_label(r), shown(days), retention, source])
	f := lib.finding(msg, days.range, lc)
	known := all_true([certain, decision == "yes"])
}

candidates contains [f, known] if {
	some [lc, r, certain] in judged
	versioned(lc)
	days := lib.number_value(r.expiration.days)
	nc := shortest_noncurrent(lc)
	days + nc < retention
	msg := sprintf("lifecycle rule %s expires log objects after %v days and noncurrent versions are purged %v days later, %v days in all, before the retention of %v days %s", [lib.rule_label(r), days, nc, days + nc, retention, source])
	f := lib.finding(msg, r.expiration.days.range, lc)
	known := certain
}

candidates contains [f, known] if {
	some [lc, r, certain] in judged
	date := r.expiration.date
	not versioned_without_purge(lc)
	msg := sprintf("lifecycle rule %s expires every log object on the fixed date %s, whatever its age: logs written shortly before are deleted long before the retention of %v days %s", [lib.rule_label(r), lib.display(sprintf("%v", [date.value])), retention, source])
	f := lib.finding(msg, date.range, lc)
	known := certain
}

candidates contains [f, known] if {
	some [lc, r, certain] in judged
	days := r.noncurrent_version_expiration.noncurrent_days
	not keeps_newest(r)
	decision := below(days)
	decision != "no"
	msg := sprintf("lifecycle rule %s purges noncurrent log versions after %s days: a deleted or overwritten log is gone before the retention of %v days %s", [lib.rule_label(r), shown(days), retention, source])
	f := lib.finding(msg, days.range, lc)
	known := all_true([certain, decision == "yes", newer_decided(r)])
}

report contains f if {
	some [f, true] in candidates
}

undecided contains f if {
	some [f, false] in candidates
	not f in report
}

# versioned_without_purge: a known versioned bucket where no enabled rule
# expires noncurrent versions, so expiring current versions deletes nothing.
versioned_without_purge(lc) if {
	versioned(lc)
	not shortest_noncurrent(lc)
}

# below(days) is "yes" when days is a number below the retention, "no" when
# it is not, "unknown" when it is a marker.
below(days) := "unknown" if not days.known

below(days) := "yes" if lib.number_value(days) < retention

below(days) := "no" if lib.number_value(days) >= retention

shown(days) := lib.display(days.value) if not days.known

shown(days) := sprintf("%v", [days.value]) if days.known

all_true(conds) := count([c | some c in conds; c != true]) == 0
