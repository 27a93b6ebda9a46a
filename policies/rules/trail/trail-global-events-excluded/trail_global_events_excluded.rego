# METADATA
# title: The trail excludes global-service events
# description: |
#   IAM, STS and CloudFront are global services: their events (new users,
#   policy changes, role assumptions) are recorded only by trails that include
#   global-service events, and since late 2021 only in us-east-1. A trail with
#   include_global_service_events / IncludeGlobalServiceEvents false misses
#   exactly the identity changes an investigation needs first. The default is
#   true; the rule fires only when it is written false.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events
# custom:
#   id: CT405
#   name: trail-global-events-excluded
#   severity: medium
#   frameworks: []
#   remediation: |
#     Include global-service events (and record every region, so that the
#     us-east-1 copy is captured wherever the trail lives):
#       include_global_service_events = true
#       is_multi_region_trail         = true
package ctlint.rules.trail_global_events_excluded

import data.ctlint.lib

candidates contains [f, state] if {
	some t in input.trails
	[rng, state] := lib.off_by_choice(t, "include_global_service_events")
	msg := sprintf("%s %s: IAM, STS and CloudFront events (user, policy and role changes) are not recorded%s", [lib.trail_label(t), how(state, t), single_region_note(t)])
	f := lib.finding(msg, rng, t)
}

how("false", _) := "excludes global-service events"

how("unknown", t) := sprintf("excludes global-service events if %s is false", [lib.display(t.include_global_service_events.value)])

# Global-service events are delivered in us-east-1 only; a single-region
# trail elsewhere misses them whatever this flag says.
single_region_note(t) := "; the trail is also single-region, so even with the flag it would see them only if its home region is us-east-1" if {
	not lib.truthy(t.is_multi_region)
} else := ""

report contains f if {
	some [f, "false"] in candidates
}

undecided contains f if {
	some [f, "unknown"] in candidates
}
