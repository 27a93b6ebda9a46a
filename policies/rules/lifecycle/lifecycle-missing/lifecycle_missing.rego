# METADATA
# title: The log bucket has no enabled lifecycle rule
# description: |
#   Without an enabled lifecycle rule, CloudTrail log objects stay in S3
#   Standard forever: cost grows without bound and nothing states how long
#   logs are kept. The rule fires for a log bucket whose whole configuration
#   is in scope when it has no lifecycle configuration, or only rules with
#   Status Disabled, which do nothing. A raw lifecycle configuration whose
#   rules are all disabled is reported too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
# custom:
#   id: CT302
#   name: lifecycle-missing
#   severity: low
#   frameworks: []
#   remediation: |
#     Add an enabled lifecycle rule that moves logs to colder storage and
#     expires them after the required retention, e.g. in Terraform:
#       resource "aws_s3_bucket_lifecycle_configuration" "logs" {
#         bucket = aws_s3_bucket.logs.id
#         rule {
#           id     = "retain-cloudtrail-logs"
#           status = "Enabled"
#           filter {}
#           transition { days = 90  storage_class = "GLACIER" }
#           expiration { days = 400 }
#           noncurrent_version_expiration { noncurrent_days = 400 }
#         }
#       }
package ctlint.rules.lifecycle_missing

import data.ctlint.lib

report contains lib.finding(msg, b.range, b) if {
	some b in lib.full_log_buckets
	not lib.has_lifecycle(b)
	msg := sprintf("log bucket %s has no lifecycle configuration: CloudTrail logs are kept in S3 Standard forever", [bucket_label(b)])
}

report contains lib.finding(msg, b.range, b) if {
	some b in lib.full_log_buckets
	lcs := lib.bucket_lifecycles(b)
	count(lcs) > 0
	every lc in lcs {
		no_rule_may_be_enabled(lc)
	}
	msg := sprintf("log bucket %s has a lifecycle configuration but no enabled rule: disabled rules do nothing", [bucket_label(b)])
}

report contains lib.finding(msg, lc.range, lc) if {
	input.scope.kind == "policyjson"
	some lc in input.lifecycles
	no_rule_may_be_enabled(lc)
	msg := "the lifecycle configuration has no enabled rule: disabled rules do nothing"
}

# A rule whose Status is a marker may be enabled: say so instead of guessing.
undecided contains lib.finding(msg, r.status.range, b) if {
	some b in lib.full_log_buckets
	some lc in lib.bucket_lifecycles(b)
	not any_enabled(lc)
	some r in lc.rules
	lib.rule_status(r) == "unknown"
	msg := sprintf("whether log bucket %s has an enabled lifecycle rule depends on the status %s of rule %s", [bucket_label(b), lib.display(r.status.value), lib.rule_label(r)])
}

any_enabled(lc) if {
	some r in lc.rules
	lib.rule_enabled(r)
}

no_rule_may_be_enabled(lc) if {
	every r in lc.rules {
		not lib.rule_status(r) in {"Enabled", "unknown"}
	}
}

bucket_label(b) := lib.display(b.name.value) if is_string(b.name.value)

else := b.id
