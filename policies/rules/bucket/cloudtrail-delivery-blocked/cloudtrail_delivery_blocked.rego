# METADATA
# title: CloudTrail cannot deliver the trail's logs to its bucket
# description: |
#   CloudTrail checks the bucket ACL (s3:GetBucketAcl on the bucket) and then
#   writes each log file with s3:PutObject under
#   <bucket>/[prefix/]AWSLogs/<account>/CloudTrail/<region>/..., sending
#   aws:SourceArn (the trail ARN), aws:SourceAccount, the
#   bucket-owner-full-control ACL, TLS, and an SSE-KMS header naming the key
#   only when the trail has a KMS key. For every trail in scope whose bucket
#   has a policy, both requests are evaluated against that policy; if one is
#   denied (a Deny statement matches, e.g. a deny-non-KMS statement while the
#   trail sets no KMS key) or not allowed (the grant misses the trail's
#   prefix, account or ARN), the trail cannot be created or stops delivering.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
# custom:
#   id: CT105
#   name: cloudtrail-delivery-blocked
#   severity: high
#   frameworks: []
#   remediation: |
#     Grant CloudTrail exactly what the trail sends, under the trail's own
#     prefix, and give the trail a KMS key when the bucket denies uploads
#     without SSE-KMS:
#       {"Sid": "AWSCloudTrailWrite", "Effect": "Allow",
#        "Principal": {"Service": "cloudtrail.amazonaws.com"},
#        "Action": "s3:PutObject",
#        "Resource": "arn:aws:s3:::my-cloudtrail-logs/<s3_key_prefix>/AWSLogs/111122223333/*",
#        "Condition": {"StringEquals": {
#          "s3:x-amz-acl": "bucket-owner-full-control",
#          "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}}
#     and in the trail: kms_key_id = aws_kms_key.trail.arn (KMSKeyId in CloudFormation).
package ctlint.rules.cloudtrail_delivery_blocked

import data.ctlint.lib

# A Deny statement blocks the request: point at it.
report contains lib.finding(msg, stmt.range, p.owner) if {
	some [t, p, probe, d] in _decisions
	d.effect == "deny"
	stmt := p.policy.statements[d.denying[0]]
	msg := sprintf("%s denies %s for %s: CloudTrail cannot deliver its logs%s", [lib.statement_label(stmt), probe.label, lib.trail_label(t), _deny_hint(t, probe)])
}

# Nothing allows the request: point at the trail.
report contains lib.finding(msg, t.range, t) if {
	some [t, _, probe, d] in _decisions
	d.effect == "implicit_deny"
	msg := sprintf("the bucket policy of %s allows no %s (aws:SourceArn %s): CloudTrail cannot deliver its logs; grant it to cloudtrail.amazonaws.com%s", [lib.trail_label(t), probe.label, lib.display(lib.trail_source_arn(t)), _allow_hint(probe)])
}

undecided contains lib.finding(msg, t.range, t) if {
	some t in input.trails
	p := lib.trail_bucket_policy(t)
	uncertain := {lib.statement_label(p.policy.statements[i]) |
		some [trail, _, _, d] in _decisions
		trail == t
		d.effect == "unknown"
		some i in d.uncertain
	}
	count(uncertain) > 0
	msg := sprintf("whether the bucket policy lets CloudTrail deliver the logs of %s (aws:SourceArn %s) depends on values not known offline in %s%s", [lib.trail_label(t), lib.display(lib.trail_source_arn(t)), concat(", ", sort(uncertain)), _region_hint(t)])
}

# _decisions: [trail, bucket policy, probe, decision] for each request
# CloudTrail makes for a trail in scope. The report and undecided rules each
# look for one effect; the requests are decided here once for all of them.
_decisions contains [t, p, probe, lib.decide_each(p.policy, _requests(t, probe))] if {
	some t in input.trails
	p := lib.trail_bucket_policy(t)
	some probe in _probes(t)
}

_region_hint(t) := sprintf("; the trail's region (%s) is not known offline", [lib.display(lib.trail_region(t))]) if {
	lib.is_marker(lib.trail_region(t))
} else := ""

# _requests spells the probe's aws:SourceArn both ways (lib.decide_each).
_requests(t, probe) := {r |
	some arn in lib.trail_source_arns(t)
	r := json.patch(probe.request, [{"op": "add", "path": "/context/aws:SourceArn", "value": arn}])
}

# _probes are the requests CloudTrail makes for trail t.
_probes(t) := {_acl_check(t)} | {probe |
	some middle in lib.trail_log_middles(t)
	log_object := lib.trail_log_object(t, middle)
	probe := {
		"action": "s3:PutObject",
		"label": sprintf("s3:PutObject of %s", [lib.display(log_object)]),
		"request": {
			"principal": lib.cloudtrail_principal,
			"action": "s3:PutObject",
			"resource": log_object,
			"context": object.union(_source(t), _encryption(t)),
		},
	}
}

_acl_check(t) := {
	"action": "s3:GetBucketAcl",
	"label": sprintf("s3:GetBucketAcl on %s", [lib.display(lib.trail_bucket_arn(t))]),
	"request": {
		"principal": lib.cloudtrail_principal,
		"action": "s3:GetBucketAcl",
		"resource": lib.trail_bucket_arn(t),
		"context": _source(t),
	},
}

_source(t) := {
	"aws:SourceArn": lib.trail_source_arn(t),
	"aws:SourceAccount": lib.trail_account(t),
	"aws:SecureTransport": "true",
	"s3:x-amz-acl": "bucket-owner-full-control",
}

# Without a KMS key CloudTrail sends no server-side-encryption header at
# all: SSE-S3 then applies by the bucket's default.
_encryption(t) := {
	"s3:x-amz-server-side-encryption": "aws:kms",
	"s3:x-amz-server-side-encryption-aws-kms-key-id": lib.trail_key_arn(t),
} if {
	lib.trail_key_arn(t)
} else := {}

_deny_hint(t, probe) := "; the trail sets no KMS key, so CloudTrail sends no x-amz-server-side-encryption header: set its KMS key or narrow the Deny" if {
	probe.action == "s3:PutObject"
	not lib.trail_key_arn(t)
} else := ""

_allow_hint(probe) := sprintf(" on the trail's path, %s", [_path_pattern(probe.request.resource)]) if {
	probe.action == "s3:PutObject"
} else := ""

# _path_pattern turns a log object ARN into the resource pattern that
# covers the trail's logs: everything up to the account, then /*.
_path_pattern(object) := sprintf("%s/*", [lib.display(concat("/CloudTrail/", array.slice(parts, 0, count(parts) - 1)))]) if {
	parts := split(object, "/CloudTrail/")
	count(parts) > 1
} else := lib.display(object)
