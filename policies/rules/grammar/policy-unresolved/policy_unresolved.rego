# METADATA
# title: A value that decides a check could not be resolved offline
# description: |
#   ctlint never fetches anything and never guesses. When a policy or a value
#   that decides a check comes from a data source, a module output, a
#   pseudo-parameter or a variable without a value, the check cannot be
#   decided, and ctlint says so instead of passing silently. Other rules report
#   their undecided checks under this ID too, naming themselves.
# custom:
#   id: CT007
#   name: policy-unresolved
#   severity: info
#   frameworks: []
#   remediation: |
#     Give the value offline: a default for the variable, --var / --var-file,
#     --parameter for CloudFormation, or lint the Terraform plan
#     (terraform show -json plan.out) where every value is resolved.
package ctlint.rules.policy_unresolved

import data.ctlint.lib

report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.policies
	p.policy.unresolved
	msg := sprintf("the %s policy is %s, which cannot be resolved offline: its statements are not checked", [p.kind, lib.display(p.policy.unresolved)])
}

report contains lib.finding(msg, u.range, {"id": u.resource, "range": u.range}) if {
	some u in input.unresolved
	msg := sprintf("%s: %s", [lib.display(u.expr), u.reason])
}
