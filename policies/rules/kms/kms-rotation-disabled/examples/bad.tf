# The trail's key never rotates: enable_key_rotation is not written, and
# rotation is off unless enabled.
resource "aws_kms_key" "cloudtrail" {
  description = "CloudTrail log encryption"
}
