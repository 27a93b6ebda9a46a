# METADATA
# title: Trail names must start with org-
# description: |
#   An example of a custom rule. Our organization names every CloudTrail
#   trail org-<purpose>, so that SCPs and alarms can match them with one
#   pattern (arn:aws:cloudtrail:*:*:trail/org-*). A trail named otherwise
#   escapes those protections.
# custom:
#   id: ORG001
#   name: trail-name-prefix
#   severity: medium
#   frameworks: []
#   remediation: |
#     Rename the trail, e.g. in Terraform:
#       name = "org-management-events"
package ctlint.rules.trail_name_prefix

import data.ctlint.lib

prefix := "org-"

report contains lib.finding(msg, t.name.range, t) if {
	some t in input.trails
	t.name.known
	not startswith(t.name.value, prefix)
	msg := sprintf("trail %q does not start with %q", [t.name.value, prefix])
}

# A name that is not known offline cannot be judged: say so (CT007) rather
# than pass or fail it.
undecided contains lib.finding(msg, t.name.range, t) if {
	some t in input.trails
	not t.name.known
	msg := sprintf("the name of trail %s is not known offline", [t.id])
}
