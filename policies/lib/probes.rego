# Probe helpers for the policy rules (grammar, bucket, KMS): which policies
# a rule looks at, which concrete requests it asks the IAM engine about,
# and how three-valued answers ("true", "false", "unknown") combine.
package ctlint.lib

# ---------------------------------------------------------------------------
# Policies by kind (resolved ones only: an unresolved policy is CT007's).

bucket_policies contains p if {
	some p in policies
	p.kind == "bucket"
	resolved(p.policy)
}

key_policies contains p if {
	some p in policies
	p.kind == "key"
	resolved(p.policy)
}

# ---------------------------------------------------------------------------
# The foreign account. The IAM engine knows that the scope's own account
# («AWS::AccountId») is twelve digits that are not all zero, so a request from
# 000000000000 is certainly "another account" even when the own account is
# unknown, while it may equal any real account written in a policy. A real
# looking account number would leave every own-account condition undecided.

foreign_account := "000000000000"

foreign_trail_arn := sprintf("arn:aws:cloudtrail:us-east-1:%s:trail/attacker-trail", [foreign_account])

foreign_principal := {"type": "AWS", "id": sprintf("arn:aws:iam::%s:user/probe", [foreign_account])}

# ---------------------------------------------------------------------------
# Three-valued answers over several probes.

# any_match is "true" when stmt certainly matches one of reqs, "unknown" when
# none certainly matches but one might, else "false".
any_match(stmt, reqs) := _strongest({matches(stmt, req) | some req in reqs})

# _strongest combines a set of three-valued answers: "true" over "unknown"
# over "false". Callers collect the answers in one pass over their probes
# rather than one pass per answer sought.
_strongest(answers) := "true" if {
	"true" in answers
} else := "unknown" if {
	"unknown" in answers
} else := "false"

# denied is "true" when policy explicitly denies req, "unknown" when a Deny
# statement may match depending on unknown values, else "false". (An
# implicit deny is not a Deny: rules asking "is this denied?" want a Deny
# that holds whatever other statements allow.)
denied(policy, req) := "true" if {
	decide(policy, req).effect == "deny"
} else := "unknown" if {
	d := decide(policy, req)
	_maybe_denied(policy, d)
} else := "false"

_maybe_denied(_, d) if d.effect == "unknown"

_maybe_denied(policy, d) if {
	some i in d.uncertain
	is_deny(policy.statements[i])
}

# all_denied is "true" when policy explicitly denies every one of reqs,
# "false" when one is certainly not denied, else "unknown".
all_denied(policy, reqs) := "false" if {
	some req in reqs
	denied(policy, req) == "false"
} else := "unknown" if {
	some req in reqs
	denied(policy, req) == "unknown"
} else := "true"

# ---------------------------------------------------------------------------
# Requests built from a statement, so that it is probed with what it was
# written for.

# probe_actions returns concrete actions the statement applies to: its first
# Action (wildcards instantiated), or for NotAction the given candidates (the
# engine then tells which of them the statement covers).
probe_actions(stmt, candidates) := {instantiate(stmt.action.values[0].value)} if {
	not stmt.action.negated
	count(stmt.action.values) > 0
} else := candidates

# is_marker is true for a value that holds an unknown part.
is_marker(s) if contains(s, "«")

# grants_action is true when stmt's Action/NotAction covers action, a
# concrete action name (any principal, resource and condition).
# It is false, not undefined, otherwise, so that OPA caches the answer: rules
# ask it of a statement in both their report and undecided bodies.
grants_action(stmt, action) if {
	_covers_action(stmt, lower(action))
} else := false

_covers_action(stmt, action) if {
	not stmt.action.negated
	some v in stmt.action.values
	ctlint.glob.match(lower(v.value), action) == "true"
}

_covers_action(stmt, action) if {
	stmt.action.negated
	every v in stmt.action.values {
		ctlint.glob.match(lower(v.value), action) == "false"
	}
}

# actions_granted returns the actions among `actions` (concrete names) that
# stmt's Action/NotAction covers. Rules asking about a set of actions use it
# rather than grants_action per action: a literal Action value is looked up
# by name, and only wildcard (or unknown) values are matched against each
# action.
actions_granted(stmt, actions) := {a | some a in actions; grants_action(stmt, a)} if {
	stmt.action.negated
}

actions_granted(stmt, actions) := {a | some p in patterns; a := by_name[p]} | {a |
	some p in patterns
	regex.match(`[*?«]`, p)
	some name, a in by_name
	ctlint.glob.match(p, name) == "true"
} if {
	not stmt.action.negated
	patterns := {lower(v.value) | some v in stmt.action.values}
	by_name := _by_lowercase(actions)
}

# _by_lowercase maps each action's lowercase spelling to the action. A
# function of the (constant) action set alone, it is built once per
# evaluation rather than once per statement.
_by_lowercase(actions) := {lower(a): a | some a in actions}

# object_resource returns a concrete object ARN under the statement's first
# resource: bucket ARNs get a key appended.
object_resource(stmt) := r if {
	r := first_resource(stmt)
	contains(r, "/")
} else := sprintf("%s/probe", [first_resource(stmt)])

# log_object returns the ARN of a CloudTrail log file in the bucket: the
# account in its path is the one the policy's own AWSLogs/<account>/ paths
# name, else the scope's own account.
log_object(policy, bucket_arn) := sprintf("%s/AWSLogs/%s/CloudTrail/us-east-1/2025/01/01/probe.json.gz", [bucket_arn, log_account(policy)])

log_account(policy) := min(accounts) if {
	accounts := {a |
		some stmt in policy.statements
		some v in stmt.resource.values
		some m in regex.find_all_string_submatch_n(`AWSLogs/([0-9]{12})/`, v.value, -1)
		a := m[1]
	}
	count(accounts) > 0
} else := "«AWS::AccountId»"

# probe_buckets returns the bucket ARNs to probe a policy with; a policy that
# names no concrete bucket is probed on a stand-in bucket.
probe_buckets(policy) := arns if {
	arns := bucket_arns(policy)
	count(arns) > 0
} else := {"arn:aws:s3:::probe-bucket"}

# probe_principal returns a caller the statement's Principal names: the
# foreign account for "*" (everyone), else its first entry.
probe_principal(stmt) := foreign_principal if {
	principal_is_everyone(stmt)
} else := {"type": e.type, "id": instantiate(e.value)} if {
	not stmt.principal.negated
	e := stmt.principal.entries[0]
} else := foreign_principal

# satisfying_context builds a request context that satisfies the statement's
# own conditions on every key except those in skip (lowercase): the first
# value of each key, instantiated. Negated operators are left out (they hold
# when the key is absent), Null "true" too.
satisfying_context(stmt, skip) := {key: val |
	some key, val in _satisfying_values(stmt)
	not key in skip
}

# _satisfying_values maps each key a positive condition of stmt tests to the
# value of the first such condition. Rules ask for the context with
# different keys to skip; as a function of the statement alone it is
# computed once per statement, not once per rule and key.
_satisfying_values(stmt) := {key: _value_for(c) |
	some i, c in stmt.conditions
	_positive(c)
	key := c.key_lc
	not _positive_before(stmt.conditions, i, key)
}

_positive_before(conditions, i, key) if {
	some j, c in conditions
	j < i
	c.key_lc == key
	_positive(c)
}

_positive(c) if {
	not contains(c.operator_lc, "not")
	c.operator_lc != "null"
}

_positive(c) if {
	c.operator_lc == "null"
	c.values[0].value == "false"
}

_value_for(c) := "present" if c.operator_lc == "null"

_value_for(c) := instantiate(c.values[0].value) if c.operator_lc != "null"

# mentions_key is true when one of stmt's conditions tests key (lowercase).
mentions_key(stmt, key) if {
	some c in stmt.conditions
	c.key_lc == key
}

# ---------------------------------------------------------------------------
# Messages

# join_values renders element values for messages.
join_values(values) := concat(", ", [display(v.value) | some v in values])
