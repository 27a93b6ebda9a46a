# METADATA
# description: |
#   Shared helpers for ctlint rules: building findings, reading attributes
#   with their AWS defaults, walking policies and statements, and building
#   the concrete requests ("probes") that rules ask the IAM engine about.
package ctlint.lib

# finding returns a report entry for a rule: message, the range at fault and
# the entity (resource) it belongs to. Use it as
#   report contains lib.finding(msg, stmt.range, owner) if { ... }
finding(message, rng, entity) := {
	"message": message,
	"range": rng,
	"resource": entity.id,
	"resource_range": entity.range,
}

# A rule that cannot decide because a value is unknown offline adds a
# finding to its `undecided` set instead of `report`:
#   undecided contains lib.finding(msg, stmt.range, owner) if { ... }
# ctlint reports those as CT007 (policy-unresolved) naming the rule, so an
# unknown value never yields a false positive and never silently passes.

# ---------------------------------------------------------------------------
# Attributes: {"value", "known", "range"}; absent when not written.

# attr_value returns the attribute's value, or default when it is not written.
# An unknown attribute yields its marker string, never the default.
attr_value(obj, name, _) := obj[name].value

attr_value(obj, name, default_value) := default_value if not obj[name]

# attr_range returns the attribute's range, or fallback when not written.
attr_range(obj, name, _) := obj[name].range

attr_range(obj, name, fallback) := fallback if not obj[name]

# display renders a string for messages: unknown parts as ${expression}.
display(s) := ctlint.display(s)

# ---------------------------------------------------------------------------
# Policies

# policies: every resolved policy with its owner entity and kind.
policies contains {"policy": bp.policy, "owner": bp, "kind": "bucket"} if {
	some bp in input.bucket_policies
	bp.policy != null
}

policies contains {"policy": k.policy, "owner": k, "kind": "key"} if {
	some k in input.keys
	k.policy != null
}

policies contains {"policy": p, "owner": p, "kind": p.kind} if {
	some p in input.other_policies
}

# resolved is true for a policy whose document is known offline and was
# read whole. Of a truncated policy (far larger than AWS accepts; CT006 and
# CT001 report it) only the first statements were read, and one not read
# may deny what they allow: rules judging what a policy allows or denies
# leave it alone, grammar rules still check the statements read.
resolved(policy) if {
	not policy.unresolved
	not policy.truncated
}

# statement_label names a statement for messages: its Sid, else its index.
statement_label(stmt) := sprintf("statement %q", [stmt.sid.value]) if {
	stmt.sid.known
	stmt.sid.value != ""
} else := sprintf("statement #%d", [stmt.index + 1])

# is_allow and is_deny are false, not undefined, for the other effect (like
# grants_cloudtrail below): OPA caches a defined answer, and most rules ask
# about every statement.
is_allow(stmt) if {
	stmt.effect.value == "Allow"
} else := false

is_deny(stmt) if {
	stmt.effect.value == "Deny"
} else := false

# principal_names_service is true when stmt's (non-negated) Principal names
# the service principal svc, compared case-insensitively; false, so that it
# is cached, otherwise.
principal_names_service(stmt, svc) if {
	lower(svc) in _service_principals(stmt)
} else := false

# _service_principals: the (lowercase) service principals stmt names. Rules
# ask about every statement of every policy; a function of the statement
# alone is computed once per statement and evaluation.
_service_principals(stmt) := {lower(e.value) |
	not stmt.principal.negated
	some e in stmt.principal.entries
	e.type == "Service"
}

# grants_cloudtrail is true for an Allow statement whose Principal names
# CloudTrail. It is false, not undefined, otherwise: OPA caches a function's
# result for one evaluation only when it is defined, and most rules ask
# about every statement.
grants_cloudtrail(stmt) if {
	is_allow(stmt)
	principal_names_service(stmt, cloudtrail_service)
} else := false

# principal_is_everyone is true for "*" and {"AWS": "*"}.
principal_is_everyone(stmt) if {
	not stmt.principal.negated
	some e in stmt.principal.entries
	e.type in {"*", "AWS"}
	e.value == "*"
}

# ---------------------------------------------------------------------------
# Probes: concrete requests the rules ask the IAM engine about.

cloudtrail_service := "cloudtrail.amazonaws.com"

cloudtrail_principal := {"type": "Service", "id": cloudtrail_service}

anonymous_principal := {"type": "Anonymous", "id": ""}

# instantiate turns a wildcard pattern into one concrete value it matches,
# so that a statement can be probed with a request it was written for.
instantiate(pattern) := replace(replace(pattern, "*", "x"), "?", "x")

# first_resource returns a concrete resource the statement applies to.
first_resource(stmt) := instantiate(stmt.resource.values[0].value) if {
	not stmt.resource.negated
	count(stmt.resource.values) > 0
} else := "arn:aws:s3:::probe-bucket/probe"

# matches asks whether stmt applies to req: "true", "false" or "unknown".
matches(stmt, req) := ctlint.iam.matches(stmt, req)

# decide asks how policy answers req: {"effect": "allow"|"deny"|"implicit_deny"|"unknown", ...}.
decide(policy, req) := ctlint.iam.decide(policy, req)

# bucket_arns: the bucket ARNs a policy's resources name (the part before the
# first "/"), for building object probes.
bucket_arns(policy) := {arn |
	some stmt in policy.statements
	not stmt.resource.negated
	some v in stmt.resource.values
	startswith(v.value, "arn:")
	contains(v.value, ":s3:::")
	arn := split(v.value, "/")[0]
	not contains(arn, "*")
}
