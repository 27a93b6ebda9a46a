# METADATA
# title: The trail's event selectors drop management events
# description: |
#   Management events (console logins, IAM and policy changes, StopLogging,
#   key deletion) are the core of the audit record. A trail with no event
#   selectors records all of them. The rule fires when event selectors drop
#   them: include_management_events false on every selector, a read_write_type
#   of ReadOnly or WriteOnly (half of them), excluded management event sources
#   (such as kms.amazonaws.com or rdsdata.amazonaws.com), or advanced event
#   selectors none of which selects eventCategory Management.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html
# custom:
#   id: CT407
#   name: trail-management-events-excluded
#   severity: high
#   frameworks: []
#   remediation: |
#     Record all management events: drop the event selectors, or write
#       event_selector {
#         read_write_type           = "All"
#         include_management_events = true
#       }
#     and no exclude_management_event_sources; with advanced event selectors,
#     add one with field_selector { field = "eventCategory" equals = ["Management"] }.
package ctlint.rules.trail_management_events_excluded

import data.ctlint.lib

# Classic event selectors. include_management_events defaults to true and
# read_write_type to All.

including(t) := {s | some s in t.event_selectors; not lib.falsy(s.include_management_events); s.include_management_events.known} | {s | some s in t.event_selectors; not s.include_management_events}

maybe_including(t) := {s | some s in t.event_selectors; lib.unknown_attr(s.include_management_events)}

report contains lib.finding(msg, rng, t) if {
	some t in input.trails
	count(t.event_selectors) > 0
	count(including(t)) == 0
	count(maybe_including(t)) == 0
	first := t.event_selectors[0]
	rng := lib.attr_range(first, "include_management_events", first.range)
	msg := sprintf("%s has event selectors that all set include_management_events = false: no management event (IAM changes, console logins, StopLogging) is recorded", [lib.trail_label(t)])
}

undecided contains lib.finding(msg, s.include_management_events.range, t) if {
	some t in input.trails
	count(including(t)) == 0
	some s in maybe_including(t)
	msg := sprintf("whether %s records management events depends on include_management_events = %s", [lib.trail_label(t), lib.display(s.include_management_events.value)])
}

read_write(s) := s.read_write_type.value if s.read_write_type

else := "All"

# covers_both: the including selectors together record reads and writes.
covers_both(t) if {
	some s in including(t)
	read_write(s) == "All"
}

covers_both(t) if {
	types := {read_write(s) | some s in including(t)}
	{"ReadOnly", "WriteOnly"} & types == {"ReadOnly", "WriteOnly"}
}

dropped := {"ReadOnly": "write", "WriteOnly": "read"}

report contains lib.finding(msg, s.read_write_type.range, t) if {
	some t in input.trails
	not covers_both(t)
	some s in including(t)
	half := dropped[s.read_write_type.value]
	msg := sprintf("%s records only %s management events: every %s management event is dropped", [lib.trail_label(t), s.read_write_type.value, half])
}

undecided contains lib.finding(msg, s.read_write_type.range, t) if {
	some t in input.trails
	not covers_both(t)
	some s in including(t)
	lib.unknown_attr(s.read_write_type)
	msg := sprintf("whether %s records all management events depends on read_write_type = %s", [lib.trail_label(t), lib.display(s.read_write_type.value)])
}

report contains lib.finding(msg, s.exclude_management_event_sources[0].range, t) if {
	some t in input.trails
	some s in including(t)
	count(s.exclude_management_event_sources) > 0
	sources := [lib.display(v.value) | some v in s.exclude_management_event_sources]
	msg := sprintf("%s excludes the management events of %s: those calls leave no audit record", [lib.trail_label(t), concat(", ", sources)])
}

# Advanced event selectors record management events only through a selector
# whose eventCategory equals Management.

report contains lib.finding(msg, t.advanced_event_selectors[0].range, t) if {
	some t in input.trails
	count(t.advanced_event_selectors) > 0
	not selects_management(t)
	not maybe_selects_management(t)
	msg := sprintf("%s has advanced event selectors, none of which selects eventCategory Management: no management event is recorded", [lib.trail_label(t)])
}

undecided contains lib.finding(msg, t.advanced_event_selectors[0].range, t) if {
	some t in input.trails
	not selects_management(t)
	maybe_selects_management(t)
	msg := sprintf("whether %s's advanced event selectors record management events depends on values unknown offline", [lib.trail_label(t)])
}

category_values(t) := [v.value |
	some a in t.advanced_event_selectors
	some f in a.field_selectors
	f.field == "eventCategory"
	some v in f.equals
]

selects_management(t) if "Management" in category_values(t)

maybe_selects_management(t) if {
	some v in category_values(t)
	contains(v, "«")
}
