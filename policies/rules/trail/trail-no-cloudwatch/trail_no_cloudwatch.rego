# METADATA
# title: The trail does not send events to CloudWatch Logs
# description: |
#   Log files in S3 are for after the fact. Sending the trail to CloudWatch
#   Logs lets metric filters and alarms react to root logins, policy changes or
#   CloudTrail being stopped while it happens. The rule fires when
#   cloud_watch_logs_group_arn / CloudWatchLogsLogGroupArn is not written or
#   empty.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html
# custom:
#   id: CT404
#   name: trail-no-cloudwatch
#   severity: low
#   frameworks: ["AWS Security Hub CloudTrail.5"]
#   remediation: |
#     Deliver the trail to a log group, with a role CloudTrail can assume:
#       cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
#       cloud_watch_logs_role_arn  = aws_iam_role.cloudtrail_to_cloudwatch.arn
package ctlint.rules.trail_no_cloudwatch

import data.ctlint.lib

report contains lib.finding(msg, rng, t) if {
	some t in input.trails
	lib.blank(t, "cloud_watch_logs_group_arn")
	rng := lib.attr_range(t, "cloud_watch_logs_group_arn", t.range)
	msg := sprintf("%s sends no events to CloudWatch Logs: no metric filter or alarm can react to what it records", [lib.trail_label(t)])
}
