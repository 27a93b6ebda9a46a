# METADATA
# title: No principal can manage the KMS key
# description: |
#   A key policy is the only thing that grants access to a KMS key. When no
#   statement lets the account (its root principal, which delegates to IAM
#   policies) or an administrator change the key policy, nobody can fix the
#   policy later: the key becomes unmanageable and only AWS Support can
#   restore access. The rule asks, for every AWS principal a statement
#   names, whether that principal may call kms:PutKeyPolicy on the key; if
#   none may, it reports the policy. A key without a written policy gets
#   AWS's default policy, which lets the account manage the key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
# custom:
#   id: CT207
#   name: kms-admin-lockout
#   severity: medium
#   frameworks: []
#   remediation: |
#     Keep the statement that lets the account manage the key through IAM:
#       {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
#        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
#        "Action": "kms:*", "Resource": "*"}
#     or name a key administrator role with kms:PutKeyPolicy and the other
#     management actions.
package ctlint.rules.kms_admin_lockout

import data.ctlint.lib

report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.policies
	p.kind == "key"
	lib.resolved(p.policy)
	answers := _answers(p.policy)
	not "allow" in answers
	not "unknown" in answers
	msg := "no statement of the key policy lets the account or an administrator manage the key (kms:PutKeyPolicy): once applied, nobody can change the policy again"
}

undecided contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.policies
	p.kind == "key"
	lib.resolved(p.policy)
	answers := _answers(p.policy)
	not "allow" in answers
	"unknown" in answers
	msg := "whether any principal may manage the key depends on values not known offline"
}

# _answers: for every AWS principal an Allow statement names, whether that
# principal may change the key policy.
_answers(policy) := {answer |
	some stmt in policy.statements
	lib.is_allow(stmt)
	not stmt.principal.negated
	some entry in stmt.principal.entries
	entry.type == "AWS"
	entry.value != "*"
	answer := lib.decide(policy, {
		"principal": {"type": "AWS", "id": _principal_arn(entry.value)},
		"action": "kms:PutKeyPolicy",
		"resource": "*",
		"context": {},
	}).effect
	answer in {"allow", "unknown"}
}

# A bare account id names the account's root principal.
_principal_arn(v) := sprintf("arn:aws:iam::%s:root", [v]) if regex.match(`^[0-9]{12}$`, v)

_principal_arn(v) := v if not regex.match(`^[0-9]{12}$`, v)
