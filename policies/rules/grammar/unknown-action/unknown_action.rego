# METADATA
# title: Action is not an IAM action
# description: |
#   An Action or NotAction value that names no real IAM action matches
#   nothing: the permission it was meant to grant is missing, or the Deny it
#   was meant to enforce never applies. Seed tutorials grant the invented
#   kms:DecryptDataKey, for instance. Action names are compared
#   case-insensitively with wildcards against the IAM action catalog. Values
#   that cannot be resolved offline are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
# custom:
#   id: CT003
#   name: unknown-action
#   severity: high
#   frameworks: []
#   remediation: |
#     Use the action's real name from the Service Authorization Reference, e.g.
#     replace "kms:DecryptDataKey" with "kms:Decrypt":
#       "Action": ["kms:GenerateDataKey*", "kms:Decrypt"]
package ctlint.rules.unknown_action

import data.ctlint.lib

report contains lib.finding(msg, v.range, p.owner) if {
	some p in lib.policies
	some stmt in p.policy.statements
	some v in stmt.action.values
	not lib.is_marker(v.value)
	not ctlint.iam.action_known(v.value)
	msg := sprintf("%s: %s%s", [lib.statement_label(stmt), _not_an_action(stmt, v.value), _suggestion(v.value)])
}

_not_an_action(stmt, value) := sprintf("%s is not an IAM action, so this NotAction entry excludes nothing", [value]) if {
	stmt.action.negated
} else := sprintf("%s is not an IAM action, so it matches nothing", [value])

_suggestion(value) := sprintf("; did you mean %s?", [s]) if {
	s := ctlint.iam.suggest_action(value)
	s != ""
} else := ""
