# METADATA
# title: CloudTrail may use the key for any trail
# description: |
#   A key-policy statement that lets cloudtrail.amazonaws.com call
#   kms:GenerateDataKey* without a kms:EncryptionContext:aws:cloudtrail:arn
#   or aws:SourceArn / aws:SourceAccount condition lets CloudTrail encrypt
#   logs with this key for a trail in any account. The statement is probed
#   with a GenerateDataKey request from a trail in another account; if it
#   matches, it is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
# custom:
#   id: CT201
#   name: kms-cloudtrail-context-missing
#   severity: high
#   frameworks: []
#   remediation: |
#     Scope the statement to your trails:
#       {"Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow",
#        "Principal": {"Service": "cloudtrail.amazonaws.com"},
#        "Action": "kms:GenerateDataKey*", "Resource": "*",
#        "Condition": {
#          "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"},
#          "StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}}
package ctlint.rules.kms_cloudtrail_context_missing

import data.ctlint.lib

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	_probe(stmt) == "true"
	msg := sprintf("%s lets cloudtrail.amazonaws.com generate data keys for a trail in any account: add a kms:EncryptionContext:aws:cloudtrail:arn condition (StringLike arn:aws:cloudtrail:*:<account>:trail/*) or aws:SourceArn naming your trail", [lib.statement_label(stmt)])
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	_probe(stmt) == "unknown"
	msg := sprintf("whether %s lets CloudTrail use the key for another account's trail depends on values not known offline", [lib.statement_label(stmt)])
}

_probe(stmt) := lib.matches(stmt, _request(stmt)) if {
	lib.grants_cloudtrail(stmt)
	lib.grants_action(stmt, "kms:GenerateDataKey")
}

_request(stmt) := {
	"principal": lib.cloudtrail_principal,
	"action": "kms:GenerateDataKey",
	"resource": lib.first_resource(stmt),
	"context": {
		"kms:EncryptionContext:aws:cloudtrail:arn": lib.foreign_trail_arn,
		"aws:SourceArn": lib.foreign_trail_arn,
		"aws:SourceAccount": lib.foreign_account,
	},
}
