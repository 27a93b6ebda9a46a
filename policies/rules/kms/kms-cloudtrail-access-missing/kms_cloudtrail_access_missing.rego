# METADATA
# title: The trail's KMS key does not let CloudTrail use it
# description: |
#   A trail that encrypts its logs with a KMS key needs the key policy to let
#   cloudtrail.amazonaws.com call kms:GenerateDataKey* (with the encryption
#   context kms:EncryptionContext:aws:cloudtrail:arn set to the trail ARN)
#   and kms:DescribeKey; otherwise creating or updating the trail fails and
#   no log is delivered. For every trail in scope whose key is in scope, both
#   requests are evaluated against the key policy, with the trail's ARN as
#   aws:SourceArn and its account as aws:SourceAccount. A key without a key
#   policy gets AWS's default key policy, which grants only the account's
#   IAM principals, never CloudTrail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
# custom:
#   id: CT205
#   name: kms-cloudtrail-access-missing
#   severity: high
#   frameworks: []
#   remediation: |
#     Add the statements AWS documents to the key policy:
#       {"Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow",
#        "Principal": {"Service": "cloudtrail.amazonaws.com"},
#        "Action": "kms:GenerateDataKey*", "Resource": "*",
#        "Condition": {
#          "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"},
#          "StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}},
#       {"Sid": "Allow CloudTrail access", "Effect": "Allow",
#        "Principal": {"Service": "cloudtrail.amazonaws.com"},
#        "Action": "kms:DescribeKey", "Resource": "*",
#        "Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}}
package ctlint.rules.kms_cloudtrail_access_missing

import data.ctlint.lib

# No key policy written: AWS's default does not grant CloudTrail.
report contains lib.finding(msg, k.range, k) if {
	some t in input.trails
	some k in input.keys
	_uses(t, k)
	k.policy == null
	msg := sprintf("%s encrypts its logs with key %s, which has no key policy: AWS's default key policy does not let cloudtrail.amazonaws.com use the key, so CloudTrail cannot encrypt or deliver the logs; add the CloudTrail statements", [lib.trail_label(t), k.id])
}

report contains lib.finding(msg, p.policy.range, p.owner) if {
	some t in input.trails
	some p in lib.key_policies
	_uses(t, p.owner)
	missing := _missing(t, p, "implicit_deny") | _missing(t, p, "deny")
	count(missing) > 0
	msg := sprintf("the key policy does not let cloudtrail.amazonaws.com call %s for %s (aws:SourceArn %s): CloudTrail cannot encrypt or deliver its logs", [concat(" and ", sort(missing)), lib.trail_label(t), lib.display(lib.trail_source_arn(t))])
}

undecided contains lib.finding(msg, p.policy.range, p.owner) if {
	some t in input.trails
	some p in lib.key_policies
	_uses(t, p.owner)
	missing := _missing(t, p, "unknown")
	count(missing) > 0
	msg := sprintf("whether the key policy lets CloudTrail call %s for %s depends on values not known offline", [concat(" and ", sort(missing)), lib.trail_label(t)])
}

_uses(t, k) if {
	t.key != ""
	t.key == k.id
}

# _missing: the actions whose probe for trail t ends in effect.
_missing(t, p, effect) := {action | some action, e in _effects(t, p); e == effect}

# _effects maps each action CloudTrail needs to how key policy p answers
# trail t's request for it. The rules ask for three effects; as a function
# of (t, p) alone the probes are decided once, not once per effect.
_effects(t, p) := {action: lib.decide_each(p.policy, reqs).effect |
	some action in ["kms:GenerateDataKey", "kms:DescribeKey"]
	reqs := {r |
		some arn in lib.trail_source_arns(t)
		r := {
			"principal": lib.cloudtrail_principal,
			"action": action,
			"resource": _key_resource(p.owner),
			"context": object.union(_context(action, arn), {"aws:SourceArn": arn, "aws:SourceAccount": lib.trail_account(t)}),
		}
	}
}

# CloudTrail sets the encryption context to the trail's ARN.
_context("kms:GenerateDataKey", arn) := {"kms:EncryptionContext:aws:cloudtrail:arn": arn}

_context("kms:DescribeKey", _) := {}

_key_resource(k) := k.arn if {
	k.arn != ""
} else := "arn:aws:kms:us-east-1:«AWS::AccountId»:key/«key»"
