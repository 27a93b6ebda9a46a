# Tests of the probe helpers that rules build requests with: the context
# that satisfies a statement's own conditions, and which actions a
# statement grants.
package ctlint.lib_test

import data.ctlint.lib

cond(operator, key, value) := {
	"operator": operator, "operator_lc": lower(operator),
	"key": key, "key_lc": lower(key),
	"values": [{"value": value}],
}

conditioned := {"conditions": [
	cond("StringNotEquals", "k1", "a"),
	cond("StringEquals", "k1", "b"),
	cond("StringLike", "k1", "c*"),
	cond("StringEquals", "k2", "x*"),
	cond("Null", "k3", "true"),
	cond("Null", "k4", "false"),
	cond("ArnNotLike", "k5", "arn:*"),
]}

# The first positive condition on a key gives its value (wildcards
# instantiated); negated operators and Null "true" give none.
test_satisfying_context_first_positive_condition if {
	lib.satisfying_context(conditioned, set()) == {"k1": "b", "k2": "xx", "k4": "present"}
}

test_satisfying_context_skips_keys if {
	lib.satisfying_context(conditioned, {"k1", "k4"}) == {"k2": "xx"}
}

test_satisfying_context_without_conditions if {
	lib.satisfying_context({"conditions": []}, set()) == {}
}

actions(negated, values) := {"action": {"negated": negated, "values": [{"value": v} | some v in values]}}

test_grants_action_literal_case_insensitive if {
	lib.grants_action(actions(false, ["S3:PutObject"]), "s3:putobject")
}

test_grants_action_wildcard if {
	lib.grants_action(actions(false, ["s3:Put*"]), "s3:PutObject")
}

# Not covered is false, not undefined (so that OPA caches it).
test_grants_action_not_covered_is_false if {
	lib.grants_action(actions(false, ["s3:GetObject", "s3:Put*"]), "s3:DeleteObject") == false
}

test_grants_action_not_action if {
	lib.grants_action(actions(true, ["s3:Get*"]), "s3:PutObject")
	lib.grants_action(actions(true, ["s3:Get*"]), "s3:GetObject") == false
}

test_actions_granted_literal_and_wildcard if {
	stmt := actions(false, ["S3:GetBucketAcl", "kms:*"])
	lib.actions_granted(stmt, {"s3:GetBucketAcl", "s3:PutObject", "kms:Decrypt"}) == {"s3:GetBucketAcl", "kms:Decrypt"}
}
