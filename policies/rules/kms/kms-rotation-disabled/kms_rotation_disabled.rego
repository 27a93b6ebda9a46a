# METADATA
# title: KMS key rotation is not enabled
# description: |
#   Automatic rotation gives a symmetric KMS key new key material every
#   rotation period (365 days by default, 90-2560 configurable), so that a
#   leaked or broken key version protects less of the log archive. CIS AWS
#   Foundations 3.6 asks for it on every customer managed key. Rotation only
#   exists for symmetric keys with AWS-generated key material: asymmetric,
#   HMAC and imported-material keys are not judged. Keys known only from a
#   raw key policy are not judged either: the policy says nothing about
#   rotation.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
# custom:
#   id: CT206
#   name: kms-rotation-disabled
#   severity: medium
#   frameworks: ["CIS AWS Foundations 3.6", "AWS Security Hub KMS.4"]
#   remediation: |
#     Turn on automatic rotation:
#       resource "aws_kms_key" "cloudtrail" {
#         enable_key_rotation = true
#       }
#     In CloudFormation: EnableKeyRotation: true on the AWS::KMS::Key.
package ctlint.rules.kms_rotation_disabled

import data.ctlint.lib

report contains lib.finding(msg, lib.attr_range(key, "rotation_enabled", key.range), key) if {
	some key in _judged_keys
	key.rotation_enabled.known
	key.rotation_enabled.value == false
	msg := sprintf("key %s turns automatic rotation off: its key material never changes", [key.id])
}

report contains lib.finding(msg, key.range, key) if {
	some key in _judged_keys
	not key.rotation_enabled
	msg := sprintf("key %s does not enable automatic rotation (it is off unless enabled): its key material never changes", [key.id])
}

undecided contains lib.finding(msg, key.rotation_enabled.range, key) if {
	some key in _judged_keys
	not key.rotation_enabled.known
	msg := sprintf("whether key %s rotates depends on %s", [key.id, lib.display(key.rotation_enabled.value)])
}

# Rotation applies to symmetric encryption keys with AWS-generated material.
# A raw key policy carries no key settings at all.
_judged_keys contains key if {
	input.scope.kind != "policyjson"
	some key in input.keys
	lib.attr_value(key, "key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	lib.attr_value(key, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
}
