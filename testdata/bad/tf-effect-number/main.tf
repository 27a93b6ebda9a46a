resource "aws_s3_bucket_policy" "logs" {
  bucket = "logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = 1
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::logs/*"
    }]
  })
}
