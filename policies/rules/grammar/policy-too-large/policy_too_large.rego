# METADATA
# title: Policy exceeds the AWS size limit
# description: |
#   S3 rejects a bucket policy larger than 20 KB (20,480 bytes) and KMS a key
#   policy larger than 32 KB (32,768 bytes), counted without insignificant
#   white space. The change then fails to apply and the previous policy, or
#   none, stays in force. A policy pasted on its own, with nothing to say
#   what it is attached to, is reported when it is over both limits.
#   Policies whose size cannot be computed offline (unknown parts) are not
#   checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html
# custom:
#   id: CT006
#   name: policy-too-large
#   severity: high
#   frameworks: []
#   remediation: |
#     Shrink the policy: merge statements that differ only in Resource or
#     Action into one statement with lists, use wildcards such as
#     "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/*" instead of one ARN per
#     account, or move grants for people into IAM policies.
package ctlint.rules.policy_too_large

import data.ctlint.lib

limits := {"bucket": 20480, "key": 32768}

report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.policies
	limit := limits[p.kind]
	p.policy.size > limit
	msg := sprintf("the %s policy is %d bytes, over the %d-byte limit: AWS rejects it", [p.kind, p.policy.size, limit])
}

# A policy with no known attachment (a raw document whose kind --kind did
# not give and its content did not tell) is over every limit above.
report contains lib.finding(msg, p.policy.range, p.owner) if {
	some p in lib.policies
	not limits[p.kind]
	largest := max({l | some l in limits})
	p.policy.size > largest
	msg := sprintf("the policy is %d bytes, over the size limit of both bucket policies (%d bytes) and key policies (%d bytes): AWS rejects it as either", [p.policy.size, limits.bucket, limits.key])
}
