data "external" "policy" {
  program = ["sh", "-c", "touch pwned; echo '{}'"]
}

data "http" "policy" {
  url = "http://169.254.169.254/latest/meta-data/"
}

resource "aws_s3_bucket_policy" "external" {
  bucket = "logs"
  policy = data.external.policy.result.json
}

resource "aws_s3_bucket_policy" "http" {
  bucket = "logs"
  policy = data.http.policy.response_body
}
