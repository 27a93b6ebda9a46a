# METADATA
# title: A lifecycle rule that S3 rejects
# description: |
#   S3 rejects the whole lifecycle configuration when one rule is invalid, so
#   the retention it was meant to enforce never applies (and a Terraform apply
#   or CloudFormation stack update fails). The rule fires on: a transition to
#   STANDARD_IA or ONEZONE_IA before 30 days; Expiration or noncurrent days
#   that are not positive; days that are not whole numbers S3 accepts; a
#   transition on or after the expiration day; an unknown storage class; a rule
#   with no action; a Status other than Enabled or Disabled;
#   AbortIncompleteMultipartUpload with a tag filter; Days together with Date.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleRule.html
# custom:
#   id: CT304
#   name: lifecycle-invalid
#   severity: high
#   frameworks: []
#   remediation: |
#     Fix the value S3 rejects: IA transitions need at least 30 days, days
#     must be positive whole numbers, transitions must come before the
#     expiration, and Status must be Enabled or Disabled:
#       "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}],
#       "Expiration": {"Days": 400}
package ctlint.rules.lifecycle_invalid

import data.ctlint.lib

storage_classes := {"STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"}

ia_classes := {"STANDARD_IA", "ONEZONE_IA"}

report contains lib.finding(sprintf("lifecycle rule %s: %s", [lib.rule_label(r), msg]), rng, lc) if {
	some lc in lib.log_lifecycles
	some r in lc.rules
	some [rng, msg] in problems(r)
}

# Every number the rule writes, with what it is, for the whole-number check:
# the day counts that must be positive, and the transitions' days.
numbers(r) := (positive(r) | {["Transition Days", t.days] | some t in r.transitions; t.days}) | {["NoncurrentVersionTransition NoncurrentDays", t.days] | some t in r.noncurrent_version_transitions; t.days}

# Attributes that must be at least 1 day.
positive(r) := (({["Expiration Days", r.expiration.days] | r.expiration.days} | {["NoncurrentDays", r.noncurrent_version_expiration.noncurrent_days] | r.noncurrent_version_expiration.noncurrent_days}) | {["NewerNoncurrentVersions", r.noncurrent_version_expiration.newer_noncurrent_versions] | r.noncurrent_version_expiration.newer_noncurrent_versions}) | {["AbortIncompleteMultipartUpload DaysAfterInitiation", r.abort_incomplete_multipart_upload_days] | r.abort_incomplete_multipart_upload_days}

transitions(r) := array.concat(
	[["Transition", t] | some t in r.transitions],
	[["NoncurrentVersionTransition", t] | some t in r.noncurrent_version_transitions],
)

problems(r) := ((whole_number(r) | not_positive(r)) | transition_problems(r)) | structure(r)

whole_number(r) := {[a.range, _number_problem(what, a)] |
	some [what, a] in numbers(r)
	a.known
	not lib.int32_value(a)
}

# _number_problem says why a known value is not a number S3 accepts: a number
# beyond 32 bits (1e30, which would not even read as whole: floor works in
# float64), or anything else.
_number_problem(what, a) := sprintf("%s %s is out of the range S3 accepts (a 32-bit whole number)", [what, _number_text(n)]) if {
	n := lib.number_value(a)
	not lib.in_int32_range(n)
} else := sprintf("%s %s is not a whole number of days S3 accepts", [what, json.marshal(a.value)])

# _number_text prints a whole number in digits as it was likely written
# (99999999999, not 9.9999999999e+10) while float64 still holds it exactly.
_number_text(n) := format_int(n, 10) if {
	n == floor(n)
	abs(n) < 1e15
} else := json.marshal(n)

not_positive(r) := {[a.range, msg] |
	some [what, a] in positive(r)
	n := lib.int32_value(a)
	n <= 0
	msg := sprintf("%s must be at least 1, not %v", [what, n])
}

transition_problems(r) := (((({[t.days.range, msg] |
	some [kind, t] in transitions(r)
	t.storage_class.value in ia_classes
	n := lib.int32_value(t.days)
	n < 30
	msg := sprintf("%s to %s after %v days: S3 requires at least 30 days before an IA class", [kind, t.storage_class.value, n])
} | {[t.days.range, msg] |
	some [kind, t] in transitions(r)
	n := lib.int32_value(t.days)
	n < 0
	msg := sprintf("%s Days must not be negative, not %v", [kind, n])
}) | {[t.storage_class.range, msg] |
	some [_, t] in transitions(r)
	t.storage_class.known
	not t.storage_class.value in storage_classes
	msg := sprintf("storage class %q is not one S3 lifecycle transitions to (%s)", [t.storage_class.value, concat(", ", sort(storage_classes))])
}) | {[t.days.range, msg] |
	some t in r.transitions
	n := lib.int32_value(t.days)
	e := lib.int32_value(r.expiration.days)
	n >= e
	msg := sprintf("Transition to %s on day %v is not before the Expiration on day %v", [lib.display(sprintf("%v", [t.storage_class.value])), n, e])
}) | {[t.days.range, msg] |
	some t in r.noncurrent_version_transitions
	n := lib.int32_value(t.days)
	e := lib.int32_value(r.noncurrent_version_expiration.noncurrent_days)
	n >= e
	msg := sprintf("NoncurrentVersionTransition on day %v is not before the NoncurrentVersionExpiration on day %v", [n, e])
}) | {[t.date.range, msg] |
	some [kind, t] in transitions(r)
	t.days
	t.date
	msg := sprintf("%s sets both Days and Date; S3 accepts one of them", [kind])
}

structure(r) := ((((({[r.range, "has no action (Expiration, Transition, NoncurrentVersionExpiration, NoncurrentVersionTransition or AbortIncompleteMultipartUpload)"] |
	no_action(r)
} | {[r.range, "has no Status; S3 requires Enabled or Disabled"] |
	lib.rule_status(r) == "missing"
}) | {[r.status.range, msg] |
	lib.rule_status(r) == "invalid"
	msg := sprintf("Status %s is neither Enabled nor Disabled (S3 compares it exactly)", [json.marshal(r.status.value)])
}) | {[r.abort_incomplete_multipart_upload_days.range, "AbortIncompleteMultipartUpload cannot be used with a tag filter"] |
	r.abort_incomplete_multipart_upload_days
	count(object.get(r, ["filter", "tags"], [])) > 0
}) | {[r.expiration.date.range, "Expiration sets both Days and Date; S3 accepts one of them"] |
	r.expiration.days
	r.expiration.date
}) | {[r.expiration.expired_object_delete_marker.range, "Expiration ExpiredObjectDeleteMarker cannot be combined with Days or Date"] |
	lib.truthy(r.expiration.expired_object_delete_marker)
	count({k | some k in ["days", "date"]; r.expiration[k]}) > 0
}) | {[r.expiration.range, "Expiration sets none of Days, Date or ExpiredObjectDeleteMarker"] |
	r.expiration
	count({k | some k in ["days", "date", "expired_object_delete_marker"]; r.expiration[k]}) == 0
}

no_action(r) if {
	not r.expiration
	not r.noncurrent_version_expiration
	count(r.transitions) == 0
	count(r.noncurrent_version_transitions) == 0
	not r.abort_incomplete_multipart_upload_days
}

# An IA transition whose day count is unknown offline may be one S3 rejects.
undecided contains lib.finding(msg, t.days.range, lc) if {
	some lc in lib.log_lifecycles
	some r in lc.rules
	some [kind, t] in transitions(r)
	t.storage_class.value in ia_classes
	lib.unknown_attr(t.days)
	msg := sprintf("lifecycle rule %s: %s to %s after %s days is rejected by S3 if that is under 30", [lib.rule_label(r), kind, t.storage_class.value, lib.display(t.days.value)])
}
