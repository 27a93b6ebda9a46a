# METADATA
# title: The retention lifecycle rule does not apply to the trail's logs
# description: |
#   A lifecycle rule bounds log retention only if it is enabled and its
#   filter selects the objects CloudTrail writes, under
#   <s3_key_prefix>/AWSLogs/ (or AWSLogs/ without a prefix). A rule that is
#   Disabled, filters on another prefix (logs/ while the trail writes to
#   cloudtrail/AWSLogs/), or filters on tags (CloudTrail does not tag its log
#   objects) silently does nothing for the logs. The rule fires, where a trail
#   in scope writes to the bucket, when no enabled rule with an expiration
#   covers the trail's path.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
# custom:
#   id: CT305
#   name: lifecycle-rule-ineffective
#   severity: medium
#   frameworks: []
#   remediation: |
#     Enable the rule and filter on the trail's log path (or on nothing):
#       rule {
#         id     = "retain-cloudtrail-logs"
#         status = "Enabled"
#         filter {
#           prefix = "cloudtrail/AWSLogs/"   # <s3_key_prefix>/AWSLogs/
#         }
#         expiration { days = 400 }
#       }
package ctlint.rules.lifecycle_rule_ineffective

import data.ctlint.lib

# pairs: each lifecycle of a log bucket with each trail writing there.
pairs contains [lc, t] if {
	some lc in lib.log_lifecycles
	some t in lib.trails_writing_to(lib.bucket_by_id(lc.bucket))
}

effective(lc, t) if {
	some r in lc.rules
	lib.retention_rule(r)
	lib.rule_enabled(r)
	lib.rule_covers_trail(r, t) == "true"
}

# maybe_effective: a retention rule that applies unless an unknown value
# says otherwise.
maybe_effective(lc, t) if {
	some r in lc.rules
	lib.retention_rule(r)
	lib.rule_status(r) in {"Enabled", "unknown"}
	lib.rule_covers_trail(r, t) in {"true", "unknown"}
}

failing contains [lc, t] if {
	some [lc, t] in pairs
	not effective(lc, t)
	not maybe_effective(lc, t)
}

where(t) := sprintf("%s writes to %s", [lib.trail_label(t), lib.display(lib.trail_log_prefix(t))])

report contains lib.finding(msg, r.status.range, lc) if {
	some [lc, t] in failing
	some r in lc.rules
	lib.retention_rule(r)
	lib.rule_status(r) == "Disabled"
	msg := sprintf("lifecycle rule %s is Disabled: it does not bound the retention of the logs %s", [lib.rule_label(r), where(t)])
}

report contains lib.finding(msg, r.filter.prefix.range, lc) if {
	some [lc, t] in failing
	some r in lc.rules
	lib.retention_rule(r)
	lib.rule_enabled(r)
	count(object.get(r, ["filter", "tags"], [])) == 0
	lib.rule_covers_trail(r, t) == "false"
	msg := sprintf("lifecycle rule %s filters on the prefix %q, which does not cover the logs: %s", [lib.rule_label(r), r.filter.prefix.value, where(t)])
}

report contains lib.finding(msg, r.filter.range, lc) if {
	some [lc, t] in failing
	some r in lc.rules
	lib.retention_rule(r)
	lib.rule_enabled(r)
	count(object.get(r, ["filter", "tags"], [])) > 0
	msg := sprintf("lifecycle rule %s filters on object tags, which CloudTrail never sets on its log objects: it does not apply to the logs %s", [lib.rule_label(r), where(t)])
}

report contains lib.finding(msg, lc.range, lc) if {
	some [lc, t] in failing
	not any_retention_rule(lc)
	count(lc.rules) > 0
	msg := sprintf("no lifecycle rule expires objects: nothing bounds the retention of the logs %s", [where(t)])
}

any_retention_rule(lc) if {
	some r in lc.rules
	lib.retention_rule(r)
}

undecided contains lib.finding(msg, lc.range, lc) if {
	some [lc, t] in pairs
	not effective(lc, t)
	maybe_effective(lc, t)
	msg := sprintf("whether a lifecycle rule applies to the logs depends on values unknown offline (rule status, filter prefix or s3_key_prefix): %s", [where(t)])
}
