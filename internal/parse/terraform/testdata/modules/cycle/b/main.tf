module "a" {
  source = "../a"
}

resource "aws_s3_bucket" "in_b" {
  bucket = "b"
}
