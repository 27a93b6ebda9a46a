resource "aws_cloudtrail" "main" {
  name                          = "management-events"
  s3_bucket_name                = "example-trail-logs"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
}
