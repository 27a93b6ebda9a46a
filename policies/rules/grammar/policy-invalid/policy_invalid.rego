# METADATA
# title: Policy is not a valid IAM policy
# description: |
#   AWS rejects a bucket or key policy that breaks the policy grammar: no
#   Statement, an Effect other than exactly "Allow" or "Deny", a statement
#   without Action or NotAction, a resource policy statement without
#   Principal, an unknown element, a value of the wrong type or a key written
#   twice. Such a policy is never applied, so the protection it was meant to
#   give does not exist, and tools disagree about what a repeated key means.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
# custom:
#   id: CT001
#   name: policy-invalid
#   severity: high
#   frameworks: []
#   remediation: |
#     Fix the element the finding points at. A valid statement has an Effect of
#     exactly "Allow" or "Deny", an Action (or NotAction), a Resource and, in a
#     bucket or key policy, a Principal:
#       {"Version": "2012-10-17", "Statement": [{
#         "Effect": "Allow",
#         "Principal": {"Service": "cloudtrail.amazonaws.com"},
#         "Action": "s3:GetBucketAcl",
#         "Resource": "arn:aws:s3:::my-cloudtrail-logs"}]}
package ctlint.rules.policy_invalid

import data.ctlint.lib

# Grammar problems the parser recorded while normalizing the policy.
report contains lib.finding(pr.message, pr.range, p.owner) if {
	some p in lib.policies
	some pr in p.policy.problems
}

# Effect problems the parser may not have recorded (a policy built by other
# means than the shared policy parser): reported unless a problem about the
# Effect already lies within the statement.
report contains lib.finding(msg, stmt.range, p.owner) if {
	some p in lib.policies
	some stmt in p.policy.statements
	not stmt.effect
	not _effect_problem_recorded(p.policy, stmt)
	msg := sprintf("%s has no Effect: AWS rejects the policy", [lib.statement_label(stmt)])
}

report contains lib.finding(msg, stmt.effect.range, p.owner) if {
	some p in lib.policies
	some stmt in p.policy.statements
	stmt.effect.known
	not stmt.effect.value in {"Allow", "Deny"}
	not _effect_problem_recorded(p.policy, stmt)
	msg := sprintf("%s: Effect must be exactly \"Allow\" or \"Deny\", not %q", [lib.statement_label(stmt), stmt.effect.value])
}

# An Effect that cannot be resolved offline may be invalid: say so.
undecided contains lib.finding(msg, stmt.effect.range, p.owner) if {
	some p in lib.policies
	some stmt in p.policy.statements
	stmt.effect
	not stmt.effect.known
	msg := sprintf("%s: Effect is %s, which cannot be resolved offline", [lib.statement_label(stmt), lib.display(stmt.effect.value)])
}

_effect_problem_recorded(policy, stmt) if {
	some pr in policy.problems
	contains(pr.message, "Effect")
	_within(stmt.range, pr.range)
}

_within(outer, inner) if {
	outer.file == inner.file
	[outer.line, outer.column] <= [inner.line, inner.column]
	[inner.end_line, inner.end_column] <= [outer.end_line, outer.end_column]
}
