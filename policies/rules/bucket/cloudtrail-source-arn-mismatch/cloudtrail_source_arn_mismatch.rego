# METADATA
# title: aws:SourceArn does not name the trail
# description: |
#   The aws:SourceArn condition on statements for cloudtrail.amazonaws.com
#   (in a bucket or key policy) must name trail ARNs,
#   arn:<partition>:cloudtrail:<region>:<account>:trail/<name>. A value of
#   another shape never matches what CloudTrail sends, so delivery fails; a
#   wildcard in the account segment admits trails of every account (the
#   confused deputy the condition exists to stop). When a trail in scope
#   writes to the bucket or encrypts with the key, its own ARN (for an
#   organization trail, the management account's trail ARN) is probed
#   against the condition: a condition that cannot match it is reported,
#   unless another CloudTrail statement with the same actions names it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
# custom:
#   id: CT102
#   name: cloudtrail-source-arn-mismatch
#   severity: high
#   frameworks: []
#   remediation: |
#     Name the ARN of each trail that writes to the bucket or uses the key,
#     with your own account (an array for several trails):
#       "Condition": {"StringEquals": {
#         "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}}
#     In Terraform prefer aws_cloudtrail.main.arn or a local built from
#     data.aws_caller_identity and data.aws_region.
package ctlint.rules.cloudtrail_source_arn_mismatch

import data.ctlint.lib

# The value is not a trail ARN, or its account is a wildcard.
report contains lib.finding(msg, c.range, p.owner) if {
	some [p, stmt, c] in _source_conditions
	some v in c.values
	problem := _shape_problem(v.value)
	msg := sprintf("%s: aws:SourceArn %s %s", [lib.statement_label(stmt), lib.display(v.value), problem])
}

# A trail in scope is served by this policy but the condition cannot name it.
report contains lib.finding(msg, c.range, p.owner) if {
	some [p, stmt, c, t, "false"] in _not_certainly_named
	msg := sprintf("%s: aws:SourceArn %s does not name %s (%s), which %s: CloudTrail's requests for it are refused; name that trail's ARN", [lib.statement_label(stmt), lib.join_values(c.values), lib.trail_label(t), lib.display(lib.trail_source_arn(t)), _serves(p)])
}

undecided contains lib.finding(msg, c.range, p.owner) if {
	some [p, stmt, c, t, "unknown"] in _not_certainly_named
	not _names_if_region(c, t)
	msg := sprintf("whether the aws:SourceArn of %s (%s) names %s (%s) depends on values not known offline", [lib.statement_label(stmt), lib.join_values(c.values), lib.trail_label(t), lib.display(lib.trail_source_arn(t))])
}

# _not_certainly_named: [policy, statement, condition, trail, answer] for
# each allowing source condition and trail it serves that the condition
# does not certainly name ("false" or "unknown"), and no other statement
# does. The report and undecided rules each take one answer; deciding the
# pairs once spares asking every pair twice.
_not_certainly_named contains [p, stmt, c, t, answer] if {
	some [p, stmt, c] in _source_conditions
	lib.is_allow(stmt)
	some t in lib.trails_for_policy(p)
	answer := _names(c, t)
	answer != "true"
	not _named_elsewhere(p.policy, stmt, t)
}

# _source_conditions: [policy, statement, condition] for every positive
# aws:SourceArn condition of a statement naming cloudtrail.amazonaws.com.
_source_conditions contains [p, stmt, c] if {
	some p in (lib.bucket_policies | lib.key_policies)
	some stmt in p.policy.statements
	lib.principal_names_service(stmt, lib.cloudtrail_service)
	some c in lib.source_arn_conditions(stmt)
}

_serves(p) := "writes to this bucket" if p.kind == "bucket"

_serves(p) := "encrypts with this key" if p.kind == "key"

# _names is whether condition c holds for a request from trail t.
_names(c, t) := lib.match_each(lib.only_condition(c), {lib.any_request("*", {"aws:SourceArn": arn}) | some arn in lib.trail_source_arns(t)})

# _named_elsewhere: another CloudTrail statement granting one of the same
# delivery actions certainly names t (multi-trail policies often give
# each trail its own statement). It is false, not undefined, otherwise, so
# that OPA caches the answer: the rules ask it once per condition of stmt.
_named_elsewhere(policy, stmt, t) if {
	some other in _source_grants(policy)
	other.index != stmt.index
	count(other.actions & _delivery_granted(stmt)) > 0
	every c in other.conditions {
		_names(c, t) == "true"
	}
} else := false

# _source_grants: the CloudTrail statements of policy that carry aws:SourceArn
# conditions, with the delivery actions they grant. _named_elsewhere looks
# for one per statement and trail; as a function of the policy alone the
# candidates are picked once per policy, not once per statement and trail.
_source_grants(policy) := [{"index": other.index, "actions": _delivery_granted(other), "conditions": conds} |
	some other in policy.statements
	lib.grants_cloudtrail(other)
	conds := lib.source_arn_conditions(other)
	count(conds) > 0
]

# _names_if_region: the condition names t once the trail's region, unknown
# offline, is the one the condition spells. Only the deployment region is
# then in question, and CT105 reports that once per trail.
_names_if_region(c, t) if {
	region := lib.trail_region(t)
	lib.is_marker(region)
	some v in c.values
	named := lib.trail_arn_parts(v.value)[1]
	not lib.is_marker(named)
	from := sprintf(":cloudtrail:%s:", [region])
	to := sprintf(":cloudtrail:%s:", [named])
	reqs := {lib.any_request("*", {"aws:SourceArn": replace(arn, from, to)}) | some arn in lib.trail_source_arns(t)}
	lib.match_each(lib.only_condition(c), reqs) == "true"
}

_delivery_actions := {"s3:PutObject", "s3:GetBucketAcl", "kms:GenerateDataKey", "kms:DescribeKey"}

# _delivery_granted: the delivery actions stmt grants. _named_elsewhere
# compares every pair of statements; a function of the statement alone is
# computed once per statement instead of once per pair and action.
_delivery_granted(stmt) := lib.actions_granted(stmt, _delivery_actions)

# _shape_problem describes what is wrong with a SourceArn value; undefined
# when it is a trail ARN of one account, or unknown offline. The value is
# split once; _arn_problem judges the parts.
_shape_problem(v) := problem if {
	parts := lib.trail_arn_parts(v)
	problem := _arn_problem(parts)
} else := "matches trails of every account: name your own account" if {
	not lib.trail_arn_parts(v)
	ctlint.glob.match(v, lib.foreign_trail_arn) == "true"
} else := "is not a trail ARN (arn:<partition>:cloudtrail:<region>:<account>:trail/<name>): it never matches what CloudTrail sends" if {
	not lib.trail_arn_parts(v)
	ctlint.glob.match("arn:*:cloudtrail:*:*:trail/*", v) == "false"
}

# _arn_problem describes what is wrong with the [partition, region, account,
# name] of a trail ARN; undefined when nothing is.
_arn_problem(parts) := "has a wildcard account: it admits trails of every account; name your own account" if {
	regex.match(`[*?]`, parts[2])
} else := sprintf("is not a trail ARN: the account %q is not twelve digits", [parts[2]]) if {
	not lib.is_marker(parts[2])
	not regex.match(`^[0-9]{12}$`, parts[2])
} else := sprintf("is not a trail ARN: %q is not a partition", [parts[0]]) if {
	not lib.is_marker(parts[0])
	not regex.match(`^aws(-[a-z]+)*$|[*?]`, parts[0])
} else := "is not a trail ARN: the trail name is empty" if {
	parts[3] == ""
}
