# METADATA
# title: Log file integrity validation is off
# description: |
#   With log file validation, CloudTrail delivers signed digest files that
#   prove whether a log file was modified or deleted after delivery. Without
#   it, someone who can write to the bucket can rewrite history unnoticed. The
#   rule fires when enable_log_file_validation / EnableLogFileValidation is
#   false or not written (the default is false).
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html
# custom:
#   id: CT402
#   name: trail-log-validation-disabled
#   severity: medium
#   frameworks: ["CIS AWS Foundations 3.2", "AWS Security Hub CloudTrail.4"]
#   remediation: |
#     Turn on log file validation:
#       Terraform:      enable_log_file_validation = true
#       CloudFormation: EnableLogFileValidation: true
#       CLI:            aws cloudtrail update-trail --name main --enable-log-file-validation
package ctlint.rules.trail_log_validation_disabled

import data.ctlint.lib

name := lib.setting_name("enable_log_file_validation", "EnableLogFileValidation")

candidates contains [f, state] if {
	some t in input.trails
	[rng, state] := lib.off_by_default(t, "log_file_validation")
	msg := sprintf("%s does not validate its log files (%s): a modified or deleted log cannot be detected", [lib.trail_label(t), how(state, t)])
	f := lib.finding(msg, rng, t)
}

how("absent", _) := sprintf("%s is not set and defaults to false", [name])

how("false", _) := sprintf("%s is false", [name])

how("unknown", t) := sprintf("if %s, %s, is false", [name, lib.display(t.log_file_validation.value)])

report contains f if {
	some [f, state] in candidates
	state != "unknown"
}

undecided contains f if {
	some [f, "unknown"] in candidates
}
