# METADATA
# title: Two statements share a Sid
# description: |
#   Statement IDs must be unique within a policy. Some services reject a
#   policy with repeated Sids, and tools, reviews and exceptions that refer
#   to a statement by its Sid then point at the wrong one. Key-policy Sids
#   may contain spaces; only exact repeats of a known Sid are reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
# custom:
#   id: CT005
#   name: duplicate-sid
#   severity: low
#   frameworks: []
#   remediation: |
#     Give every statement its own Sid, e.g. "AWSCloudTrailAclCheck" and
#     "AWSCloudTrailWrite", or remove the Sid of one of them.
package ctlint.rules.duplicate_sid

import data.ctlint.lib

report contains lib.finding(msg, later.sid.range, p.owner) if {
	some p in lib.policies
	_has_duplicate_sids(p.policy)
	some later in p.policy.statements
	first := _first_with_sid(p.policy, later)
	first.index < later.index
	msg := sprintf("Sid %q is already used by the statement at line %d: Sids must be unique within a policy", [later.sid.value, first.range.line])
}

# _first_with_sid returns the earliest statement with the same known Sid.
_first_with_sid(policy, stmt) := policy.statements[i] if {
	stmt.sid.known
	stmt.sid.value != ""
	i := min({s.index |
		some s in policy.statements
		s.sid.known
		s.sid.value == stmt.sid.value
	})
}

# _has_duplicate_sids is true when two statements share a known Sid. Most
# policies have none: testing it once per policy spares comparing every
# statement with every other.
_has_duplicate_sids(policy) if {
	sids := [s.sid.value | some s in policy.statements; s.sid.known; s.sid.value != ""]
	count(sids) > count({sid | some sid in sids})
}
