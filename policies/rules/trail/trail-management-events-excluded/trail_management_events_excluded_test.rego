package ctlint.rules.trail_management_events_excluded_test

import data.ctlint.rules.trail_management_events_excluded as rule

rng(line) := {"file": "main.tf", "line": line, "column": 5, "end_line": line, "end_column": 40}

a(v, line) := {"value": v, "known": true, "range": rng(line)}

trail(extra) := object.union({"id": "aws_cloudtrail.main", "name": a("main", 2), "range": rng(1), "event_selectors": [], "advanced_event_selectors": []}, extra)

sel(extra, line) := object.union({"range": rng(line), "exclude_management_event_sources": []}, extra)

report(t) := fs if {
	fs := rule.report with input as {"trails": [t]}
}

test_no_selectors_records_everything if {
	count(report(trail({}))) == 0
}

test_all_selectors_exclude_management if {
	fs := report(trail({"event_selectors": [sel({"include_management_events": a(false, 11)}, 10), sel({"include_management_events": a(false, 21)}, 20)]}))
	count(fs) == 1
	some f in fs
	f.range.line == 11
	contains(f.message, "include_management_events = false")
}

test_one_selector_includes if {
	count(report(trail({"event_selectors": [sel({"include_management_events": a(false, 11)}, 10), sel({}, 20)]}))) == 0
}

test_write_only if {
	fs := report(trail({"event_selectors": [sel({"read_write_type": a("WriteOnly", 12)}, 10)]}))
	count(fs) == 1
	some f in fs
	f.range.line == 12
	contains(f.message, "only WriteOnly management events: every read management event is dropped")
}

test_read_only_and_write_only_together if {
	count(report(trail({"event_selectors": [sel({"read_write_type": a("WriteOnly", 12)}, 10), sel({"read_write_type": a("ReadOnly", 22)}, 20)]}))) == 0
}

test_write_only_on_excluding_selector_is_irrelevant if {
	s1 := sel({"read_write_type": a("WriteOnly", 12), "include_management_events": a(false, 13)}, 10)
	count(report(trail({"event_selectors": [s1, sel({}, 20)]}))) == 0
}

test_excluded_sources if {
	s := sel({"exclude_management_event_sources": [{"value": "kms.amazonaws.com", "range": rng(14)}, {"value": "rdsdata.amazonaws.com", "range": rng(14)}]}, 10)
	fs := report(trail({"event_selectors": [s]}))
	count(fs) == 1
	some f in fs
	f.range.line == 14
	contains(f.message, "kms.amazonaws.com, rdsdata.amazonaws.com")
}

advanced(category, line) := {"range": rng(line), "field_selectors": [{"field": "eventCategory", "equals": [{"value": category, "range": rng(line + 1)}], "not_equals": [], "starts_with": [], "not_starts_with": [], "ends_with": [], "not_ends_with": [], "range": rng(line + 1)}]}

test_advanced_data_only if {
	fs := report(trail({"advanced_event_selectors": [advanced("Data", 30)]}))
	count(fs) == 1
	some f in fs
	f.range.line == 30
	contains(f.message, "none of which selects eventCategory Management")
}

test_advanced_with_management if {
	count(report(trail({"advanced_event_selectors": [advanced("Data", 30), advanced("Management", 40)]}))) == 0
}

test_unknown_include_is_undecided if {
	d := {"trails": [trail({"event_selectors": [sel({"include_management_events": {"value": "«var.mgmt»", "known": false, "range": rng(11)}}, 10)]})]}
	count(rule.report) == 0 with input as d
	fs := rule.undecided with input as d
	count(fs) == 1
	some f in fs
	f.range.line == 11
}

test_unknown_read_write_is_undecided if {
	d := {"trails": [trail({"event_selectors": [sel({"read_write_type": {"value": "«var.rw»", "known": false, "range": rng(12)}}, 10)]})]}
	count(rule.report) == 0 with input as d
	count(rule.undecided) == 1 with input as d
}
