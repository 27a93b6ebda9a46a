provider "aws" {
  region = "eu-west-1"
}

module "logs" {
  source      = "./modules/logs"
  bucket_name = "acme-audit-logs"
}

resource "aws_cloudtrail" "main" {
  name                       = "org-trail"
  s3_bucket_name             = module.logs.bucket_id
  is_multi_region_trail      = true
  enable_log_file_validation = true

  event_selector {
    read_write_type                  = "All"
    include_management_events        = true
    exclude_management_event_sources = ["kms.amazonaws.com"]
  }
}
