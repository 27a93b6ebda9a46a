# Helpers for the cross-resource CloudTrail rules (CT102, CT104, CT105,
# CT107, CT111, CT205): which bucket and key policies belong to a trail in
# scope, the trail's ARN, account and region as CloudTrail sends them, the
# object paths it writes, and the shape of a trail ARN.
package ctlint.lib

# ---------------------------------------------------------------------------
# ARN segments. Markers («expr») may hold ':' themselves, so a segment is a
# run of markers and characters other than ':'.

_seg := `((?:«[^»]*»|[^:«])*)`

_trail_arn_re := sprintf(`^arn:%s:cloudtrail:%s:%s:trail/(.*)$`, [_seg, _seg, _seg])

# trail_arn_parts splits a trail ARN into [partition, region, account, name];
# undefined when s does not have that shape.
trail_arn_parts(s) := [m[1], m[2], m[3], m[4]] if {
	some m in regex.find_all_string_submatch_n(_trail_arn_re, s, 1)
}

# ---------------------------------------------------------------------------
# A trail as CloudTrail presents it to S3 and KMS.

# trail_bucket_arn is the ARN of the bucket trail t writes to: the linked
# bucket's ARN, else one built from the trail's bucket name.
trail_bucket_arn(t) := b.arn if {
	some b in input.buckets
	b.id == t.bucket
	t.bucket != ""
	b.arn != ""
} else := sprintf("arn:aws:s3:::%s", [t.bucket_name.value]) if {
	is_string(t.bucket_name.value)
	t.bucket_name.value != ""
}

# trail_source_arn is the ARN CloudTrail sends as aws:SourceArn for t. The
# parsers leave the partition as «AWS::Partition»; CloudTrail delivers only
# within one partition, so when the trail's bucket ARN names its partition,
# the trail's partition is that one. Everything else stays as computed.
trail_source_arn(t) := concat("", ["arn:", p, ":", substring(t.arn, count(prefix), -1)]) if {
	prefix := sprintf("arn:%s:", [partition_symbol])
	startswith(t.arn, prefix)
	some m in regex.find_all_string_submatch_n(`^arn:(aws[a-z-]*):s3:::`, trail_bucket_arn(t), 1)
	p := m[1]
} else := t.arn

partition_symbol := "«AWS::Partition»"

# trail_account is the account the trail belongs to (its logs go under
# AWSLogs/<account>/): the parsed account, else the scope's own.
trail_account(t) := t.account if {
	t.account != ""
} else := "«AWS::AccountId»"

# trail_region is the trail's home region as its ARN names it.
trail_region(t) := trail_arn_parts(trail_source_arn(t))[1] if {
	trail_arn_parts(trail_source_arn(t))[1] != ""
} else := "«AWS::Region»"

is_org_trail(t) if truthy(t.is_organization_trail)

# trail_key_arn is the KMS key ARN CloudTrail encrypts with: the linked
# key's ARN, else kms_key_id as written. Undefined without a key.
trail_key_arn(t) := k.arn if {
	not blank(t, "kms_key_id")
	some k in input.keys
	t.key != ""
	k.id == t.key
	k.arn != ""
} else := t.kms_key_id.value if {
	not blank(t, "kms_key_id")
}

# trail_log_object is the ARN of one log file trail t writes for account
# (under AWSLogs/<middle>/ where middle is the account, or <org-id>/<account>
# for an organization trail's member logs).
trail_log_object(t, middle) := sprintf("%s/%s%s/CloudTrail/%s/2025/01/01/%s_CloudTrail_%s_x.json.gz", [
	trail_bucket_arn(t), trail_log_prefix(t), middle,
	trail_region(t), trail_account(t), trail_region(t),
])

# trail_log_paths: the AWSLogs/... middles a trail writes under: its own
# account, and for an organization trail whose organization id is known,
# <org-id>/<account>.
trail_log_middles(t) := {trail_account(t)} | {m |
	is_org_trail(t)
	t.organization_id != ""
	m := sprintf("%s/%s", [t.organization_id, trail_account(t)])
}

# ---------------------------------------------------------------------------
# Which trails a policy serves.

# trails_for_policy(p): the trails in scope that write to the bucket of
# bucket policy p, or that encrypt with the key owning key policy p.
trails_for_policy(p) := {t |
	p.owner.bucket != ""
	some t in input.trails
	t.bucket == p.owner.bucket
} if p.kind == "bucket"

trails_for_policy(p) := {t |
	some t in input.trails
	t.key != ""
	t.key == p.owner.id
} if p.kind == "key"

# trail_bucket_policy(t): the resolved bucket policy of the bucket t writes to.
trail_bucket_policy(t) := p if {
	some p in bucket_policies
	t.bucket != ""
	p.owner.bucket == t.bucket
}

# ---------------------------------------------------------------------------
# Log-bucket policies: the selection CT106 judges (a trail in scope writes
# to the bucket, or the policy grants CloudTrail).

log_bucket_policies contains p if {
	some p in bucket_policies
	some stmt in p.policy.statements
	grants_cloudtrail(stmt)
}

log_bucket_policies contains p if {
	some p in bucket_policies
	some b in input.buckets
	b.is_log_bucket
	b.id == p.owner.bucket
}

# ---------------------------------------------------------------------------
# Statement pieces probed on their own.

# only_condition is a statement that holds exactly when condition c does:
# any principal, action and resource, so a probe asks about c alone.
only_condition(c) := {
	"index": 0, "range": c.range,
	"effect": {"value": "Allow", "known": true, "range": c.range},
	"principal": {"negated": false, "entries": [{"type": "*", "value": "*", "range": c.range}], "range": c.range},
	"action": {"negated": false, "values": [{"value": "*", "range": c.range}], "range": c.range},
	"resource": {"negated": false, "values": [{"value": "*", "range": c.range}], "range": c.range},
	"conditions": [c],
}

# only_resource is a statement that holds exactly when its Resource (or
# NotResource) element covers the request's resource.
only_resource(stmt) := {
	"index": stmt.index, "range": stmt.range,
	"effect": {"value": "Allow", "known": true, "range": stmt.range},
	"principal": {"negated": false, "entries": [{"type": "*", "value": "*", "range": stmt.range}], "range": stmt.range},
	"action": {"negated": false, "values": [{"value": "*", "range": stmt.range}], "range": stmt.range},
	"resource": stmt.resource,
	"conditions": [],
}

# any_request is a request that only_condition / only_resource statements
# are probed with: its resource and context are what is asked about.
any_request(resource, context) := {
	"principal": {"type": "AWS", "id": "arn:aws:iam::000000000000:user/probe"},
	"action": "s3:GetObject",
	"resource": resource,
	"context": context,
}

# source_arn_conditions: stmt's positive conditions on aws:SourceArn (the
# ones that name the trails allowed; negated operators name excluded ones).
source_arn_conditions(stmt) := [c |
	some c in stmt.conditions
	c.key_lc == "aws:sourcearn"
	not contains(c.operator_lc, "not")
	c.operator_lc != "null"
]

# ---------------------------------------------------------------------------
# Asking about a trail under both spellings of its partition.
#
# A trail's partition is inferred from its bucket (trail_source_arn), yet a
# policy may spell it either literally ("arn:aws:...") or as the scope's
# partition symbol ("arn:${AWS::Partition}:..."). Both spellings stand for
# the same value, so a probe is made with each: an answer one spelling
# decides is the answer (the other is "unknown" only because the spellings
# differ); spellings that decide differently leave it undecided.

# trail_source_arns: the spellings of t's ARN to probe with.
trail_source_arns(t) := {t.arn, trail_source_arn(t)}

# decide_each combines lib.decide over requests that differ only in how the
# trail's partition is spelled: the definite answer when those agree, else
# the answer to the first request. "First" is the least in sort order (min),
# so the answer does not depend on the order of reqs.
decide_each(policy, reqs) := min(definite) if {
	definite := {d | some r in reqs; d := decide(policy, r); d.effect != "unknown"}
	count({d.effect | some d in definite}) == 1
} else := decide(policy, min(reqs))

# match_each combines lib.matches the same way: "true" or "false" when the
# definite answers agree, else "unknown".
match_each(stmt, reqs) := a if {
	definite := {m | some r in reqs; m := matches(stmt, r); m != "unknown"}
	count(definite) == 1
	some a in definite
} else := "unknown"
