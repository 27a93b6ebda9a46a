# METADATA
# title: Key policy lets anyone use the key
# description: |
#   A key-policy Allow statement whose Principal is "*" (or a NotPrincipal)
#   without a condition that restricts the caller, such as kms:CallerAccount
#   or aws:PrincipalOrgID, lets principals of every AWS account decrypt the
#   CloudTrail logs or use the key otherwise. Each Allow statement is probed
#   with a kms:Decrypt request (and one for its own first action) from a
#   principal of another account and from an anonymous caller, carrying only
#   the encryption context the statement asks for (the caller chooses it);
#   if either matches, it is reported. The console's default
#   "*" statement restricted by kms:CallerAccount is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
# custom:
#   id: CT203
#   name: kms-public-principal
#   severity: critical
#   frameworks: []
#   remediation: |
#     Name the principals, or restrict "*" to your account as the console's
#     default key policy does:
#       {"Sid": "Enable CloudTrail log decrypt permissions", "Effect": "Allow",
#        "Principal": {"AWS": "*"},
#        "Action": ["kms:Decrypt", "kms:ReEncryptFrom"], "Resource": "*",
#        "Condition": {
#          "StringEquals": {"kms:CallerAccount": "111122223333"},
#          "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}}}
package ctlint.rules.kms_public_principal

import data.ctlint.lib

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	_probe(stmt) == "true"
	msg := sprintf("%s lets principals of any AWS account %s this key: restrict it with kms:CallerAccount or name the principals", [lib.statement_label(stmt), _actions(stmt)])
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	_probe(stmt) == "unknown"
	msg := sprintf("whether %s lets other accounts use the key depends on values not known offline", [lib.statement_label(stmt)])
}

_probe(stmt) := lib.any_match(stmt, _requests(stmt)) if lib.is_allow(stmt)

# The resource and context are the same for every probe of a statement, so
# they are computed once, outside the comprehension.
_requests(stmt) := {req |
	some principal in {lib.foreign_principal, lib.anonymous_principal}
	some action in ({"kms:Decrypt"} | lib.probe_actions(stmt, set()))
	req := {"principal": principal, "action": action, "resource": resource, "context": context}
} if {
	resource := lib.first_resource(stmt)
	context := _caller_context(stmt)
}

# The encryption context is chosen by the caller, so conditions on it do not
# restrict who may call: the probe supplies the values they ask for.
_caller_context(stmt) := {k: v |
	some k, v in lib.satisfying_context(stmt, set())
	startswith(k, "kms:encryptioncontext")
}

_actions(stmt) := sprintf("use %s on", [lib.join_values(stmt.action.values)]) if {
	not stmt.action.negated
} else := sprintf("use every action except %s on", [lib.join_values(stmt.action.values)])
