package ctlint.rules.lifecycle_invalid_test

import data.ctlint.rules.lifecycle_invalid as rule

rng(line) := {"file": "lifecycle.json", "line": line, "column": 7, "end_line": line, "end_column": 20}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

base(extra) := object.union({"index": 0, "id": a("logs", 3), "status": a("Enabled", 4), "range": rng(2), "transitions": [], "noncurrent_version_transitions": [], "expiration": {"days": a(400, 6), "range": rng(5)}}, extra)

doc(r) := {"scope": {"kind": "policyjson"}, "settings": {"retention_days": 365}, "buckets": [], "trails": [], "lifecycles": [{"id": "lifecycle.json", "bucket": "", "range": rng(1), "rules": [r]}]}

transition(days, class) := {"days": days, "storage_class": a(class, 9), "range": rng(8)}

# findings returns the report for a raw lifecycle holding rule r.
findings(r) := fs if {
	fs := rule.report with input as doc(r)
}

only(r, line, text) if {
	fs := findings(r)
	count(fs) == 1
	some f in fs
	f.range.line == line
	contains(f.message, text)
}

test_valid_rule if {
	count(findings(base({"transitions": [transition(a(90, 10), "GLACIER"), transition(a(0, 11), "INTELLIGENT_TIERING")]}))) == 0
}

test_ia_transition_under_30_days if {
	only(base({"transitions": [transition(a(7, 10), "STANDARD_IA")]}), 10, "STANDARD_IA after 7 days")
}

test_onezone_ia_noncurrent_transition_under_30_days if {
	only(base({"noncurrent_version_transitions": [transition(a(29, 10), "ONEZONE_IA")]}), 10, "at least 30 days")
}

test_ia_transition_at_30_days if {
	count(findings(base({"transitions": [transition(a(30, 10), "STANDARD_IA")]}))) == 0
}

test_expiration_days_zero if {
	only(base({"expiration": {"days": a(0, 6), "range": rng(5)}}), 6, "Expiration Days must be at least 1, not 0")
}

test_noncurrent_days_negative if {
	only(base({"noncurrent_version_expiration": {"noncurrent_days": a(-5, 7), "range": rng(7)}}), 7, "NoncurrentDays must be at least 1")
}

test_days_not_a_number if {
	only(base({"expiration": {"days": a("abc", 6), "range": rng(5)}}), 6, "\"abc\" is not a whole number")
}

test_days_fraction if {
	only(base({"expiration": {"days": a(1.5, 6), "range": rng(5)}}), 6, "1.5 is not a whole number")
}

test_days_beyond_int32 if {
	only(base({"expiration": {"days": a(1e30, 6), "range": rng(5)}}), 6, "is out of the range S3 accepts (a 32-bit whole number)")
}

test_days_just_beyond_int32 if {
	only(base({"expiration": {"days": a(2147483648, 6), "range": rng(5)}}), 6, "Expiration Days 2147483648 is out of the range S3 accepts")
	only(base({"expiration": {"days": a(99999999999, 6), "range": rng(5)}}), 6, "Expiration Days 99999999999 is out of the range S3 accepts")
}

test_days_as_numeric_string if {
	count(findings(base({"expiration": {"days": a("400", 6), "range": rng(5)}}))) == 0
}

test_transition_after_expiration if {
	only(base({"transitions": [transition(a(400, 10), "GLACIER")]}), 10, "day 400 is not before the Expiration on day 400")
}

test_unknown_storage_class if {
	only(base({"transitions": [transition(a(90, 10), "GLACIER_DEEP")]}), 9, "\"GLACIER_DEEP\" is not one")
}

test_no_action if {
	r := object.remove(base({}), ["expiration"])
	only(r, 2, "has no action")
}

test_bad_status if {
	only(base({"status": a("enabled", 4)}), 4, "Status \"enabled\" is neither")
}

test_missing_status if {
	only(object.remove(base({}), ["status"]), 2, "has no Status")
}

test_abort_with_tag_filter if {
	r := base({"abort_incomplete_multipart_upload_days": a(7, 12), "filter": {"tags": [{"key": "k", "value": "v", "range": rng(11)}], "range": rng(11)}})
	only(r, 12, "AbortIncompleteMultipartUpload cannot be used with a tag filter")
}

test_days_and_date if {
	only(base({"expiration": {"days": a(400, 6), "date": a("2030-01-01T00:00:00Z", 7), "range": rng(5)}}), 7, "both Days and Date")
}

test_marker_days_are_not_judged if {
	r := base({"expiration": {"days": {"value": "«var.days»", "known": false, "range": rng(6)}, "range": rng(5)}})
	count(findings(r)) == 0
}

test_disabled_rule_is_still_validated if {
	only(base({"status": a("Disabled", 4), "expiration": {"days": a(0, 6), "range": rng(5)}}), 6, "at least 1")
}

test_marker_ia_transition_days_are_undecided if {
	r := base({"transitions": [transition({"value": "«var.ia_days»", "known": false, "range": rng(10)}, "STANDARD_IA")]})
	count(findings(r)) == 0
	fs := rule.undecided with input as doc(r)
	count(fs) == 1
	some f in fs
	f.range.line == 10
	contains(f.message, "${var.ia_days}")
}
