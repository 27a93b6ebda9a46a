# METADATA
# title: Condition operator is not defined by IAM
# description: |
#   IAM rejects a policy whose Condition uses an operator it does not define
#   (a misspelling such as "StringEqual", "ArnEqual" or "BoolIfExist"), so the
#   policy is never applied. Operators are the documented string, numeric,
#   date, boolean, binary, IP address, ARN and Null operators, each with an
#   optional IfExists suffix and ForAllValues: / ForAnyValue: prefix.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
# custom:
#   id: CT004
#   name: unknown-condition-operator
#   severity: high
#   frameworks: []
#   remediation: |
#     Spell the operator as IAM documents it, e.g.
#       "Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}
package ctlint.rules.unknown_condition_operator

import data.ctlint.lib

report contains lib.finding(msg, cond.operator_range, p.owner) if {
	some p in lib.policies
	some stmt in p.policy.statements
	some cond in stmt.conditions
	not lib.is_marker(cond.operator)
	not ctlint.iam.operator_known(cond.operator)
	msg := sprintf("%s: %q is not an IAM condition operator, so AWS rejects the policy (condition on %s)", [lib.statement_label(stmt), cond.operator, cond.key])
}
