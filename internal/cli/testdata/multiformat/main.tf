resource "aws_kms_key" "trail" {
  description = "trail key"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Admin"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = ["kms:*", "kms:DecryptDataKey"]
      Resource  = "*"
    }]
  })
}
