# METADATA
# title: kms:Decrypt granted without the CloudTrail encryption context
# description: |
#   AWS's CloudTrail key policy lets log readers call kms:Decrypt only when
#   the request carries the kms:EncryptionContext:aws:cloudtrail:arn key
#   (a Null "false" or StringLike condition), so the grant covers CloudTrail
#   log files and nothing else encrypted with the key. Each Allow statement
#   granting kms:Decrypt is probed with a request that satisfies its other
#   conditions but carries no CloudTrail encryption context; if it matches,
#   it is reported. Statements whose principal is only the account (its root
#   ARN or id) are skipped: they delegate to the account's IAM policies, as
#   AWS's own default key policy does.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-encryption-context
# custom:
#   id: CT204
#   name: kms-decrypt-unscoped
#   severity: low
#   frameworks: []
#   remediation: |
#     Require the CloudTrail encryption context on decrypt grants:
#       "Condition": {"Null": {"kms:EncryptionContext:aws:cloudtrail:arn": "false"}}
package ctlint.rules.kms_decrypt_unscoped

import data.ctlint.lib

context_key := "kms:encryptioncontext:aws:cloudtrail:arn"

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	_probe(stmt) == "true"
	msg := sprintf("%s grants kms:Decrypt without requiring kms:EncryptionContext:aws:cloudtrail:arn: add \"Null\": {\"kms:EncryptionContext:aws:cloudtrail:arn\": \"false\"}", [lib.statement_label(stmt)])
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	_probe(stmt) == "unknown"
	msg := sprintf("whether %s limits kms:Decrypt to CloudTrail log files depends on values not known offline", [lib.statement_label(stmt)])
}

_probe(stmt) := lib.matches(stmt, _request(stmt)) if {
	lib.is_allow(stmt)
	lib.grants_action(stmt, "kms:Decrypt")
	not _only_account(stmt)
}

_request(stmt) := {
	"principal": lib.probe_principal(stmt),
	"action": "kms:Decrypt",
	"resource": lib.first_resource(stmt),
	"context": lib.satisfying_context(stmt, {context_key}),
}

# _only_account is true when every principal is a whole account.
_only_account(stmt) if {
	not stmt.principal.negated
	count(stmt.principal.entries) > 0
	every e in stmt.principal.entries {
		e.type == "AWS"
		_is_account(e.value)
	}
}

_is_account(v) if regex.match(`^[0-9]{12}$`, v)

# Partition and account may be markers, which hold colons («AWS::AccountId»).
_is_account(v) if regex.match(`^arn:([a-z-]+|«[^»]*»):iam::([0-9]{12}|«[^»]*»):root$`, v)

_is_account("«AWS::AccountId»")
