# METADATA
# title: The trail is not logging
# description: |
#   A trail with logging turned off records nothing: it exists, passes most
#   existence checks, and leaves no audit record. Terraform's enable_logging
#   defaults to true; CloudFormation requires IsLogging. The rule fires when
#   enable_logging / IsLogging is written false.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
# custom:
#   id: CT406
#   name: trail-logging-disabled
#   severity: high
#   frameworks: []
#   remediation: |
#     Turn logging on:
#       Terraform:      enable_logging = true
#       CloudFormation: IsLogging: true
#       CLI:            aws cloudtrail start-logging --name main
package ctlint.rules.trail_logging_disabled

import data.ctlint.lib

candidates contains [f, state] if {
	some t in input.trails
	[rng, state] := lib.off_by_choice(t, "is_logging")
	msg := sprintf("%s has logging turned off%s: it records no events at all", [lib.trail_label(t), unknown_note(state, t)])
	f := lib.finding(msg, rng, t)
}

unknown_note("unknown", t) := sprintf(" if %s is false", [lib.display(t.is_logging.value)])

unknown_note("false", _) := ""

report contains f if {
	some [f, "false"] in candidates
}

undecided contains f if {
	some [f, "unknown"] in candidates
}
