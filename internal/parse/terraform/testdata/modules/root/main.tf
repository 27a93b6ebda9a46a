module "logs" {
  source      = "../modules/logs"
  bucket_name = "org-trail-logs"
  trail_arn   = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org"
}

module "remote" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "remote-bucket"
}

resource "aws_cloudtrail" "org" {
  name           = "org"
  s3_bucket_name = module.logs.bucket_id
  kms_key_id     = module.remote.kms_arn
}
