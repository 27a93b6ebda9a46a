# METADATA
# title: CloudTrail's write grant is broader than the trail's log path
# description: |
#   CloudTrail writes only under <bucket>/[prefix/]AWSLogs/<account>/ (an
#   organization trail also under AWSLogs/<org-id>/), so the PutObject grant
#   to cloudtrail.amazonaws.com should name exactly that path. A grant on
#   <bucket>/* or <bucket>/AWSLogs/* lets CloudTrail, for any trail the
#   source condition admits, write anywhere in the bucket or into another
#   account's log folder. Each CloudTrail PutObject statement is probed with
#   an object outside AWSLogs/ and one in another account's folder; with a
#   trail in scope, its real log path must be covered as well (a grant that
#   misses the trail's s3_key_prefix is reported at the resource).
#   Organization trails whose organization id is not known offline may use
#   AWSLogs/*: their member accounts' folders cannot be named.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html
# custom:
#   id: CT104
#   name: cloudtrail-write-prefix
#   severity: medium
#   frameworks: []
#   remediation: |
#     Grant PutObject on the trail's own path only:
#       "Resource": "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/111122223333/*"
#     or, with s3_key_prefix "cloudtrail":
#       "Resource": "arn:aws:s3:::my-cloudtrail-logs/cloudtrail/AWSLogs/111122223333/*"
#     An organization trail adds "arn:aws:s3:::my-cloudtrail-logs/AWSLogs/o-exampleorgid/*".
package ctlint.rules.cloudtrail_write_prefix

import data.ctlint.lib

report contains lib.finding(msg, _resource_range(stmt), p.owner) if {
	some p in lib.bucket_policies
	some stmt in _writers(p.policy)
	probe := _breadth(p, stmt)[0]
	msg := sprintf("%s lets cloudtrail.amazonaws.com write %s (%s): limit the resource to <bucket>/[prefix/]AWSLogs/<account>/*", [lib.statement_label(stmt), probe.what, lib.display(probe.request.resource)])
}

undecided contains lib.finding(msg, _resource_range(stmt), p.owner) if {
	some p in lib.bucket_policies
	some stmt in _writers(p.policy)
	_breadth(p, stmt) == []
	some probe in _breadth_probes(p, stmt)
	lib.matches(stmt, probe.request) == "unknown"
	msg := sprintf("whether %s lets CloudTrail write %s depends on values not known offline", [lib.statement_label(stmt), probe.what])
}

# The trail in scope writes where no CloudTrail PutObject grant reaches.
report contains lib.finding(msg, _resource_range(stmt), p.owner) if {
	some p in lib.bucket_policies
	some t in lib.trails_for_policy(p)
	some obj in _trail_objects(t)
	every other in _writers(p.policy) {
		_covers(other, obj) == "false"
	}
	some stmt in _writers(p.policy)
	msg := sprintf("%s grants PutObject on %s, but %s writes its logs to %s: match the trail's s3_key_prefix", [lib.statement_label(stmt), lib.join_values(stmt.resource.values), lib.trail_label(t), lib.display(obj)])
}

undecided contains lib.finding(msg, t.range, t) if {
	some p in lib.bucket_policies
	some t in lib.trails_for_policy(p)
	some obj in _trail_objects(t)
	not _covered(p.policy, obj)
	some stmt in _writers(p.policy)
	_covers(stmt, obj) == "unknown"
	msg := sprintf("whether the CloudTrail PutObject grant covers the log path of %s (%s) depends on values not known offline", [lib.trail_label(t), lib.display(obj)])
}

_writes(stmt) if {
	lib.grants_cloudtrail(stmt)
	lib.grants_action(stmt, "s3:PutObject")
}

# _writers: the statements letting CloudTrail write objects. The rules
# iterate over it rather than test _writes per statement: a function of the
# policy, it is computed once per policy and evaluation.
_writers(policy) := [stmt | some stmt in policy.statements; _writes(stmt)]

_covered(policy, obj) if {
	some stmt in _writers(policy)
	_covers(stmt, obj) == "true"
}

_covers(stmt, obj) := lib.matches(lib.only_resource(stmt), lib.any_request(obj, {}))

_trail_objects(t) := {lib.trail_log_object(t, middle) | some middle in lib.trail_log_middles(t)}

_resource_range(stmt) := stmt.resource.range if {
	stmt.resource
} else := stmt.range

# _breadth: the probes outside the expected path the statement certainly
# matches, in order; the rules report the first. It is a list, empty when
# there is none, rather than undefined: OPA caches a function's result only
# when it is defined, and the undecided rule asks again for those statements.
_breadth(p, stmt) := sort([probe | some probe in _breadth_probes(p, stmt); lib.matches(stmt, probe.request) == "true"])

_breadth_probes(p, stmt) := {_probe(stmt, "objects outside AWSLogs/", sprintf("%s/not-logs/x", [bucket])) |
	some bucket in lib.probe_buckets(p.policy)
} | {_probe(stmt, "into another account's AWSLogs/ folder", sprintf("%sAWSLogs/%s/x", [prefix, lib.foreign_account])) |
	not _org_trail_of_unknown_org(p)
	not stmt.resource.negated
	some v in stmt.resource.values
	contains(v.value, "AWSLogs/")
	prefix := lib.instantiate(split(v.value, "AWSLogs/")[0])
}

_probe(stmt, what, resource) := {"what": what, "request": {
	"principal": lib.cloudtrail_principal,
	"action": "s3:PutObject",
	"resource": resource,
	"context": object.union(lib.satisfying_context(stmt, set()), {"aws:SecureTransport": "true", "s3:x-amz-acl": "bucket-owner-full-control"}),
}}

# An organization trail whose organization id is unknown offline writes
# member accounts' logs under AWSLogs/<org-id>/: AWSLogs/* is accepted.
_org_trail_of_unknown_org(p) if {
	some t in lib.trails_for_policy(p)
	lib.is_org_trail(t)
	t.organization_id == ""
}
