# METADATA
# title: CloudTrail is granted more than it needs on the key
# description: |
#   CloudTrail needs only kms:GenerateDataKey* (to encrypt log files) and
#   kms:DescribeKey on the trail's key. Granting the CloudTrail service
#   principal more, such as kms:* or kms:Decrypt, or granting it through
#   NotAction, widens what any trail using the service principal can do with
#   the key. Each Action value of a CloudTrail Allow statement that covers
#   another action is reported; values that are not IAM actions are left to
#   CT003 and values unknown offline are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
# custom:
#   id: CT202
#   name: kms-cloudtrail-overbroad
#   severity: medium
#   frameworks: []
#   remediation: |
#     Grant CloudTrail only what it uses, in two statements as AWS documents:
#       "Action": "kms:GenerateDataKey*"   (with the encryption-context condition)
#       "Action": "kms:DescribeKey"
package ctlint.rules.kms_cloudtrail_overbroad

import data.ctlint.lib

needed := ["kms:generatedatakey*", "kms:describekey"]

report contains lib.finding(msg, v.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	lib.grants_cloudtrail(stmt)
	not stmt.action.negated
	some v in stmt.action.values
	not lib.is_marker(v.value)
	ctlint.iam.action_known(v.value)
	not _needed(v.value)
	msg := sprintf("%s grants cloudtrail.amazonaws.com %s, but CloudTrail needs only kms:GenerateDataKey* and kms:DescribeKey", [lib.statement_label(stmt), v.value])
}

report contains lib.finding(msg, stmt.action.range, p.owner) if {
	some p in lib.key_policies
	some stmt in p.policy.statements
	lib.grants_cloudtrail(stmt)
	stmt.action.negated
	msg := sprintf("%s grants cloudtrail.amazonaws.com every action except %s, but CloudTrail needs only kms:GenerateDataKey* and kms:DescribeKey", [lib.statement_label(stmt), lib.join_values(stmt.action.values)])
}

# _needed is true when every action the value covers is one CloudTrail needs:
# the value, read as a literal, is matched by one of the needed patterns.
_needed(value) if {
	some pattern in needed
	ctlint.glob.match(pattern, lower(value)) == "true"
}
