# METADATA
# title: Log bucket policy lets outsiders delete or rewrite logs
# description: |
#   Whoever can delete log objects, change the bucket policy, lifecycle,
#   ACLs, versioning or Object Lock settings, or bypass governance retention
#   can erase the audit trail. Every Allow statement of a log bucket policy
#   (a trail in scope writes to the bucket, or its policy grants CloudTrail)
#   that covers one of these actions is probed with a caller from another
#   account, an anonymous caller, and each other account it names, without
#   MFA and without the principal-restricting condition keys
#   (aws:PrincipalArn, aws:PrincipalOrgID, ...); if the statement still
#   applies, it is reported. A grant to the bucket owner's own account root
#   (s3:* to arn:aws:iam::<own account>:root) only delegates to IAM and is
#   not reported; another account is recognised only when the own account
#   is known (from the trail or the policy's AWSLogs/<account>/ paths).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html
# custom:
#   id: CT111
#   name: log-tampering-allowed
#   severity: medium
#   frameworks: []
#   remediation: |
#     Grant destructive actions on the log bucket only to named admin roles of
#     your own account, with MFA, and deny them to everyone else:
#       {"Sid": "DenyLogTampering", "Effect": "Deny", "Principal": "*",
#        "Action": ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutBucketPolicy",
#                   "s3:DeleteBucketPolicy", "s3:PutLifecycleConfiguration"],
#        "Resource": ["arn:aws:s3:::my-cloudtrail-logs", "arn:aws:s3:::my-cloudtrail-logs/*"],
#        "Condition": {"StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/log-admin"}}}
package ctlint.rules.log_tampering_allowed

import data.ctlint.lib

report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.log_bucket_policies
	some stmt in p.policy.statements
	lib.is_allow(stmt)
	actions := {a | some a in _actions_granted(stmt); _probe(p.policy, stmt, a) == "true"}
	count(actions) > 0
	msg := sprintf("%s lets %s %s on the log bucket: anyone it admits can erase or hide the logs; restrict it to your own admin principals with MFA", [lib.statement_label(stmt), _who(p.policy, stmt), concat(", ", sort(actions))])
}

undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.log_bucket_policies
	some stmt in p.policy.statements
	lib.is_allow(stmt)
	not _any_certain(p.policy, stmt)
	actions := {a | some a in _actions_granted(stmt); _probe(p.policy, stmt, a) == "unknown"}
	count(actions) > 0
	msg := sprintf("whether %s lets callers outside the account %s depends on values not known offline", [lib.statement_label(stmt), concat(", ", sort(actions))])
}

# A named account that may or may not be the owner's, the owner's account
# being unknown offline.
undecided contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.log_bucket_policies
	some stmt in p.policy.statements
	lib.is_allow(stmt)
	not _any_certain(p.policy, stmt)
	count(_own_accounts(p.policy)) == 0
	some e in stmt.principal.entries
	e.type == "AWS"
	account := _account_of(e.value)
	actions := {a |
		some a in _actions_granted(stmt)
		some bucket in lib.probe_buckets(p.policy)
		lib.matches(stmt, _request(p.policy, stmt, a, {"type": "AWS", "id": e.value}, bucket)) == "true"
	}
	count(actions) > 0
	msg := sprintf("%s lets account %s %s on the log bucket; whether that is the bucket owner's own account is not known offline", [lib.statement_label(stmt), account, concat(", ", sort(actions))])
}

tampering_actions := {
	"s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:BypassGovernanceRetention",
	"s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutLifecycleConfiguration", "s3:PutBucketAcl",
	"s3:PutBucketVersioning", "s3:PutBucketObjectLockConfiguration",
}

_object_actions := {"s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:BypassGovernanceRetention"}

_actions_granted(stmt) := lib.actions_granted(stmt, tampering_actions)

_any_certain(policy, stmt) if {
	some a in _actions_granted(stmt)
	_probe(policy, stmt, a) == "true"
}

# _probe asks whether stmt lets an outside caller do action: "true" when
# one certainly can, "unknown" when one may.
_probe(policy, stmt, action) := lib.any_match(stmt, {_request(policy, stmt, action, principal, bucket) |
	some principal in _outsiders(policy, stmt)
	some bucket in lib.probe_buckets(policy)
})

# _request satisfies the statement's own conditions except those that
# restrict the caller.
_request(policy, stmt, action, principal, bucket) := {
	"principal": principal,
	"action": action,
	"resource": _resource(policy, bucket, action),
	"context": object.union(lib.satisfying_context(stmt, _restricting_keys(stmt)), {"aws:SecureTransport": "true"}),
}

_resource(policy, bucket, action) := lib.log_object(policy, bucket) if action in _object_actions

_resource(_, bucket, action) := bucket if not action in _object_actions

# _outsiders: callers that are not the bucket owner's account: another
# account, anonymous, and every other account the statement names.
_outsiders(policy, stmt) := {lib.foreign_principal, lib.anonymous_principal} | {{"type": "AWS", "id": e.value} |
	some e in stmt.principal.entries
	e.type == "AWS"
	_other_account(policy, _account_of(e.value))
}

_account_of(v) := v if regex.match(`^[0-9]{12}$`, v)

_account_of(v) := m[1] if {
	some m in regex.find_all_string_submatch_n(`^arn:aws[a-z-]*:(?:iam|sts)::([0-9]{12}):`, v, 1)
}

_other_account(policy, account) if {
	own := _own_accounts(policy)
	count(own) > 0
	not account in own
}

# _own_accounts: the bucket owner's account numbers known offline.
_own_accounts(policy) := {a | some t in input.trails; a := t.account; regex.match(`^[0-9]{12}$`, a)} | {a |
	a := lib.log_account(policy)
	regex.match(`^[0-9]{12}$`, a)
}

# Condition keys that restrict who the caller is (or require MFA): probes
# leave them out of the request, so a statement that uses them does not
# match an outside caller.
_restricting_keys(stmt) := {k |
	some c in stmt.conditions
	k := c.key_lc
	_restricting(k)
}

_restricting(k) if k in {
	"aws:multifactorauthpresent", "aws:multifactorauthage", "aws:principalarn", "aws:principalaccount",
	"aws:principalorgid", "aws:principalorgpaths", "aws:principaltype", "aws:userid", "aws:username",
	"aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourcevpce", "aws:sourcevpc",
	"aws:sourceip", "aws:principalisawsservice", "aws:principalservicename", "aws:calledvia",
}

_restricting(k) if startswith(k, "aws:principaltag/")

_who(policy, stmt) := "everyone (including anonymous callers)" if {
	some a in _actions_granted(stmt)
	some bucket in lib.probe_buckets(policy)
	lib.matches(stmt, _request(policy, stmt, a, lib.anonymous_principal, bucket)) == "true"
} else := "other accounts"
