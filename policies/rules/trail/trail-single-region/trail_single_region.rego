# METADATA
# title: The trail records only its home region
# description: |
#   A single-region trail records nothing in the other regions, which is
#   where an attacker with stolen credentials goes to act unseen, and since
#   late 2021 it misses global-service events (IAM, STS, CloudFront) unless its
#   home region is us-east-1. The rule fires when is_multi_region_trail /
#   IsMultiRegionTrail is false or not written (the default is false).
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html
# custom:
#   id: CT401
#   name: trail-single-region
#   severity: high
#   frameworks: ["CIS AWS Foundations 3.1", "AWS Security Hub CloudTrail.1"]
#   remediation: |
#     Record every region:
#       Terraform:      is_multi_region_trail = true
#       CloudFormation: IsMultiRegionTrail: true
#       CLI:            aws cloudtrail update-trail --name main --is-multi-region-trail
package ctlint.rules.trail_single_region

import data.ctlint.lib

name := lib.setting_name("is_multi_region_trail", "IsMultiRegionTrail")

candidates contains [f, state] if {
	some t in input.trails
	[rng, state] := lib.off_by_default(t, "is_multi_region")
	msg := sprintf("%s records only its home region (%s): activity in every other region goes unlogged", [lib.trail_label(t), how(state, t)])
	f := lib.finding(msg, rng, t)
}

how("absent", _) := sprintf("%s is not set and defaults to false", [name])

how("false", _) := sprintf("%s is false", [name])

how("unknown", t) := sprintf("if %s, %s, is false", [name, lib.display(t.is_multi_region.value)])

report contains f if {
	some [f, state] in candidates
	state != "unknown"
}

undecided contains f if {
	some [f, "unknown"] in candidates
}
