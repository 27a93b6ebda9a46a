# Helpers for the lifecycle, trail and log-bucket rules: which buckets and
# lifecycles count as holding CloudTrail logs, attribute truth values with
# their AWS defaults, lifecycle rule status and numbers, and where a trail
# writes its log objects.
package ctlint.lib

# ---------------------------------------------------------------------------
# Log-bucket scope

# log_bucket is true for a bucket the log-bucket rules (CT3xx, CT5xx) judge:
# a trail in scope writes to it or its policy grants CloudTrail, or every
# bucket when the user asked for log_bucket_scope "all".
log_bucket(b) if b.is_log_bucket

log_bucket(_) if input.settings.log_bucket_scope == "all"

log_buckets contains b if {
	some b in input.buckets
	log_bucket(b)
}

# full_log_buckets: log buckets whose whole configuration is in scope (not
# partial), so that a setting that is not written really is absent.
full_log_buckets contains b if {
	some b in log_buckets
	not b.partial
}

bucket_by_id(id) := b if {
	some b in input.buckets
	b.id == id
}

# log_lifecycles: lifecycles judged as log lifecycles. A raw lifecycle JSON
# has no bucket; a reviewer pasted it to have it judged as one.
log_lifecycles contains lc if {
	input.scope.kind == "policyjson"
	some lc in input.lifecycles
}

log_lifecycles contains lc if {
	some lc in input.lifecycles
	log_bucket(bucket_by_id(lc.bucket))
}

# bucket_lifecycles returns the lifecycles attached to bucket b.
bucket_lifecycles(b) := {lc |
	some lc in input.lifecycles
	lc.bucket == b.id
} | {lc |
	some lc in input.lifecycles
	b.lifecycle != ""
	lc.id == b.lifecycle
}

has_lifecycle(b) if count(bucket_lifecycles(b)) > 0

# trails_writing_to(b): the trails in scope that deliver to bucket b.
trails_writing_to(b) := {t |
	some t in input.trails
	t.bucket == b.id
}

# ---------------------------------------------------------------------------
# Attribute truth values. Parsers keep values as written, so "true" (a
# CloudFormation string) and "Enabled" count as true.

truthy(a) if {
	a.known
	a.value == true
}

truthy(a) if {
	a.known
	is_string(a.value)
	lower(a.value) in {"true", "enabled"}
}

falsy(a) if {
	a.known
	a.value == false
}

falsy(a) if {
	a.known
	is_string(a.value)
	lower(a.value) in {"false", "disabled"}
}

# unknown_attr is an attribute that is written but cannot be known offline.
unknown_attr(a) if {
	a
	not a.known
}

# blank is true for a setting that is absent or written as "".
blank(obj, name) if not obj[name]

blank(obj, name) if {
	obj[name].known
	obj[name].value == ""
}

# ---------------------------------------------------------------------------
# Numbers. Days are whole numbers in the S3 API; a string that spells one
# (CloudFormation YAML) counts as that number.

number_value(a) := a.value if {
	a.known
	is_number(a.value)
}

number_value(a) := to_number(a.value) if {
	a.known
	is_string(a.value)
	regex.match(`^\s*-?[0-9]+(\.[0-9]+)?\s*$`, a.value)
}

# int32_value(a): the attribute as a whole number S3 accepts, undefined when
# it is not one (a word, a fraction, a number beyond int32).
int32_value(a) := n if {
	n := number_value(a)
	n == floor(n)
	in_int32_range(n)
}

# in_int32_range(n): n lies within the 32-bit whole numbers S3 accepts.
in_int32_range(n) if {
	n <= 2147483647
	n >= -2147483648
}

# ---------------------------------------------------------------------------
# Lifecycle rules

# rule_status is "Enabled", "Disabled", "unknown" (a marker), "missing" or
# "invalid". Booleans (Terraform's legacy lifecycle_rule.enabled) map to the
# status they stand for.
rule_status(r) := "missing" if not r.status

rule_status(r) := "unknown" if unknown_attr(r.status)

rule_status(r) := "Enabled" if {
	r.status.known
	r.status.value in {"Enabled", true}
}

rule_status(r) := "Disabled" if {
	r.status.known
	r.status.value in {"Disabled", false}
}

rule_status(r) := "invalid" if {
	r.status.known
	not r.status.value in {"Enabled", "Disabled", true, false}
}

rule_enabled(r) if rule_status(r) == "Enabled"

# rule_label names a lifecycle rule for messages: its ID, else its position.
rule_label(r) := sprintf("%q", [r.id.value]) if {
	r.id.known
	r.id.value != ""
} else := sprintf("#%d", [r.index + 1])

# trail_log_prefix is where a trail writes: <s3_key_prefix>/AWSLogs/, or
# AWSLogs/ without a prefix. It may hold unknown markers.
trail_log_prefix(t) := "AWSLogs/" if blank(t, "s3_key_prefix")

trail_log_prefix(t) := sprintf("%s/AWSLogs/", [t.s3_key_prefix.value]) if {
	not blank(t, "s3_key_prefix")
	is_string(t.s3_key_prefix.value)
}

# prefix_covers(prefix, path) is "true" when a lifecycle filter prefix
# selects (some of) the objects written under path, "false" when it
# selects none of them, "unknown" when a marker decides.
prefix_covers(prefix, path) := "unknown" if {
	contains(concat("", [prefix, path]), "«")
} else := "true" if {
	startswith(path, prefix)
} else := "true" if {
	startswith(prefix, path)
} else := "false"

# rule_prefix is the filter prefix a rule selects ("" for every object).
rule_prefix(r) := r.filter.prefix.value if {
	is_string(r.filter.prefix.value)
} else := ""

# rule_covers_trail(r, t) is "true", "false" or "unknown": whether lifecycle
# rule r applies to the log objects trail t writes. CloudTrail does not tag
# its log objects, so a tag filter selects none of them.
rule_covers_trail(r, t) := "false" if {
	count(object.get(r, ["filter", "tags"], [])) > 0
} else := prefix_covers(rule_prefix(r), trail_log_prefix(t)) if {
	is_string(trail_log_prefix(t))
} else := "unknown"

# rule_misses_logs is true when r certainly applies to none of the log
# objects of the trails writing to the bucket (raw lifecycle JSON has no
# trail: every rule counts).
rule_misses_logs(_, r) if {
	count(object.get(r, ["filter", "tags"], [])) > 0
}

rule_misses_logs(lc, r) if {
	trails := trails_writing_to(bucket_by_id(lc.bucket))
	count(trails) > 0
	every t in trails {
		rule_covers_trail(r, t) == "false"
	}
}

# retention_rule is a rule that expires or moves objects (not only aborting
# multipart uploads): the kind of rule meant to bound log retention.
retention_rule(r) if r.expiration

retention_rule(r) if r.noncurrent_version_expiration

# known_versioned is true for a bucket certainly versioned: versioning
# Enabled, or Object Lock enabled (which forces versioning on).
known_versioned(b) if b.versioning.status.value == "Enabled"

known_versioned(b) if truthy(b.object_lock.enabled)

# ---------------------------------------------------------------------------
# Trails and buckets in messages

trail_label(t) := sprintf("trail %s", [display(t.name.value)]) if {
	is_string(t.name.value)
	t.name.value != ""
} else := sprintf("trail %s", [t.id])

bucket_label(b) := sprintf("log bucket %s", [display(b.name.value)]) if {
	is_string(b.name.value)
	b.name.value != ""
} else := sprintf("log bucket %s", [b.id])

# off_by_default yields [range, state] when a boolean setting whose AWS
# default is false is off: [entity range, "absent"] when not written,
# [attribute range, "false"] when written false, [attribute range,
# "unknown"] when written as a value unknown offline.
off_by_default(entity, name) := [entity.range, "absent"] if not entity[name]

off_by_default(entity, name) := [entity[name].range, "false"] if falsy(entity[name])

off_by_default(entity, name) := [entity[name].range, "unknown"] if unknown_attr(entity[name])

# off_by_choice is the same for a setting whose default is true: it is off
# only when written false.
off_by_choice(entity, name) := [entity[name].range, "false"] if falsy(entity[name])

off_by_choice(entity, name) := [entity[name].range, "unknown"] if unknown_attr(entity[name])

# setting_name names a setting the way the input spells it: Terraform
# (snake_case) or CloudFormation and the AWS API (PascalCase).
setting_name(terraform, aws) := terraform if {
	input.scope.kind in {"terraform", "tfplan"}
} else := aws
