# METADATA
# title: Policy Version is missing or outdated
# description: |
#   IAM evaluates a policy without "Version": "2012-10-17" under the 2008-10-17
#   language, where policy variables such as ${aws:username} are not
#   substituted but compared as literal text, and newer features are missing.
#   Conditions that look scoped silently never match, or match too much.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
# custom:
#   id: CT002
#   name: policy-version
#   severity: low
#   frameworks: []
#   remediation: |
#     Start every policy with the current language version:
#       {"Version": "2012-10-17", "Statement": [ ... ]}
package ctlint.rules.policy_version

import data.ctlint.lib

report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.policies
	lib.resolved(p.policy)
	not p.policy.version
	msg := "the policy has no Version: IAM applies the 2008-10-17 language, where policy variables are literal text"
}

report contains lib.finding(msg, p.policy.version.range, p.owner) if {
	some p in lib.policies
	p.policy.version.known
	p.policy.version.value != "2012-10-17"
	msg := sprintf("Version %q is not the current policy language 2012-10-17", [p.policy.version.value])
}
