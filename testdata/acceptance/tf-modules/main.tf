# The log bucket lives in a local module; its inputs decide the policy.
module "logs" {
  source      = "./modules/logs"
  bucket_name = "module-cloudtrail-logs"
  trail_name  = "main"
}

# Registry modules are never fetched: reported once as unresolved.
module "remote_logs" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "remote-logs"
}
