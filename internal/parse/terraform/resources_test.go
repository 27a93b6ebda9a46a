package terraform

import (
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

func TestTrailArgumentsAndLinks(t *testing.T) {
	doc := parseDir(t, "seed001")
	if len(doc.Trails) != 1 {
		t.Fatalf("trails: %d", len(doc.Trails))
	}
	tr := doc.Trails[0]
	const f = "seed001/main.tf"
	if tr.ID != "aws_cloudtrail.main" || tr.Range != rg(f, 3, 1, 21, 2) {
		t.Errorf("trail %q at %+v", tr.ID, tr.Range)
	}
	attrEq(t, "name", tr.Name, "main-trail", true, rg(f, 4, 3, 4, 47))
	attrEq(t, "bucket_name", tr.BucketName, "my-company-cloudtrail-logs", true, rg(f, 5, 3, 5, 67))
	attrEq(t, "include_global_service_events", tr.IncludeGlobalServiceEvents, true, true, rg(f, 6, 3, 6, 39))
	attrEq(t, "is_multi_region_trail", tr.IsMultiRegion, true, true, rg(f, 7, 3, 7, 39))
	attrEq(t, "enable_log_file_validation", tr.LogFileValidation, true, true, rg(f, 8, 3, 8, 39))
	attrEq(t, "cloud_watch_logs_group_arn", tr.CloudWatchLogsGroupARN, "«aws_cloudwatch_log_group.cloudtrail.arn»:*", false, rg(f, 9, 3, 9, 81))
	attrEq(t, "cloud_watch_logs_role_arn", tr.CloudWatchLogsRoleARN, "«aws_iam_role.cloudtrail_cloudwatch.arn»", false, rg(f, 10, 3, 10, 73))
	keyARN := "arn:«AWS::Partition»:kms:«AWS::Region»:«AWS::AccountId»:key/«aws_kms_key.cloudtrail.key_id»"
	attrEq(t, "kms_key_id", tr.KMSKeyID, keyARN, false, rg(f, 20, 3, 20, 42))
	if tr.IsLogging != nil || tr.IsOrganizationTrail != nil || tr.S3KeyPrefix != nil {
		t.Errorf("unwritten arguments must stay nil: %+v %+v %+v", tr.IsLogging, tr.IsOrganizationTrail, tr.S3KeyPrefix)
	}
	if tr.ARN != "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:«AWS::AccountId»:trail/main-trail" || tr.Account != model.AccountID {
		t.Errorf("arn %q account %q", tr.ARN, tr.Account)
	}
	if tr.Bucket != "aws_s3_bucket.cloudtrail_logs" || tr.Key != "aws_kms_key.cloudtrail" {
		t.Errorf("links: bucket %q key %q", tr.Bucket, tr.Key)
	}
	if len(tr.EventSelectors) != 1 {
		t.Fatalf("event selectors: %d", len(tr.EventSelectors))
	}
	es := tr.EventSelectors[0]
	attrEq(t, "read_write_type", es.ReadWriteType, "All", true, rg(f, 12, 5, 12, 38))
	attrEq(t, "include_management_events", es.IncludeManagementEvents, true, true, rg(f, 13, 5, 13, 37))
	if es.Range != rg(f, 11, 3, 19, 4) {
		t.Errorf("event selector range %+v", es.Range)
	}
	b := bucket(t, doc, "aws_s3_bucket.cloudtrail_logs")
	if !b.IsLogBucket || b.Policy != "aws_s3_bucket_policy.cloudtrail_logs" || b.ARN != "arn:aws:s3:::my-company-cloudtrail-logs" {
		t.Errorf("bucket log=%v policy=%q arn=%q", b.IsLogBucket, b.Policy, b.ARN)
	}
	if len(doc.Keys) != 1 || doc.Keys[0].ARN != keyARN {
		t.Errorf("keys: %+v", doc.Keys)
	}
	attrEq(t, "enable_key_rotation", doc.Keys[0].RotationEnabled, true, true, rg(f, 24, 3, 24, 29))
}

func TestProviderRegionInTrailARN(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
provider "aws" {
  region = "eu-west-1"
}
resource "aws_cloudtrail" "t" {
  name           = "org"
  s3_bucket_name = "logs"
}
`})
	if got := doc.Trails[0].ARN; got != "arn:«AWS::Partition»:cloudtrail:eu-west-1:«AWS::AccountId»:trail/org" {
		t.Errorf("arn = %q", got)
	}
}

const splitConfig = `
resource "aws_s3_bucket" "logs" {
  bucket = "audit-logs"
}
resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Disabled"
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}
resource "aws_kms_key" "logs" {}
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = "audit-logs"
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = false
}
resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.logs.id
  target_bucket = "access-logs"
  target_prefix = "audit/"
}
resource "aws_s3_bucket_object_lock_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 400
    }
  }
}
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "retain"
    status = "Enabled"
    filter {
      prefix = "AWSLogs/"
    }
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
}
resource "aws_s3_bucket_versioning" "elsewhere" {
  bucket = var.other
  versioning_configuration {
    status = "Suspended"
  }
}
variable "other" {}
`

func TestSplitResourcesMergeIntoBucket(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": splitConfig})
	b := bucket(t, doc, "aws_s3_bucket.logs")
	if b.Versioning == nil || b.Encryption == nil || b.Logging == nil || b.ObjectLock == nil {
		t.Fatalf("settings not merged: %+v", b)
	}
	attrEq(t, "versioning status", b.Versioning.Status, "Enabled", true, rg("main.tf", 7, 5, 7, 27))
	attrEq(t, "mfa_delete", b.Versioning.MFADelete, "Disabled", true, rg("main.tf", 8, 5, 8, 28))
	if b.Versioning.Range != rg("main.tf", 6, 3, 9, 4) {
		t.Errorf("versioning range %+v", b.Versioning.Range)
	}
	attrEq(t, "sse_algorithm", b.Encryption.Algorithm, "aws:kms", true, rg("main.tf", 15, 7, 15, 36))
	attrEq(t, "bucket_key_enabled", b.Encryption.BucketKeyEnabled, true, true, rg("main.tf", 18, 5, 18, 30))
	if b.Encryption.Key != "aws_kms_key.logs" {
		t.Errorf("encryption key link %q", b.Encryption.Key)
	}
	attrEq(t, "target_prefix", b.Logging.TargetPrefix, "audit/", true, rg("main.tf", 32, 3, 32, 27))
	attrEq(t, "lock mode", b.ObjectLock.Mode, "COMPLIANCE", true, rg("main.tf", 38, 7, 38, 26))
	attrEq(t, "lock days", b.ObjectLock.Days, 400.0, true, rg("main.tf", 39, 7, 39, 17))
	if b.PublicAccessBlock != "aws_s3_bucket_public_access_block.logs" || b.Lifecycle != "aws_s3_bucket_lifecycle_configuration.logs" {
		t.Errorf("links: pab %q lifecycle %q", b.PublicAccessBlock, b.Lifecycle)
	}
	pab := doc.PublicAccessBlocks[0]
	attrEq(t, "restrict_public_buckets", pab.RestrictPublicBuckets, false, true, rg("main.tf", 27, 3, 27, 34))
	lc := doc.Lifecycles[0]
	if len(lc.Rules) != 1 {
		t.Fatalf("rules: %d", len(lc.Rules))
	}
	r := lc.Rules[0]
	attrEq(t, "status", r.Status, "Enabled", true, rg("main.tf", 47, 5, 47, 23))
	attrEq(t, "filter prefix", r.Filter.Prefix, "AWSLogs/", true, rg("main.tf", 49, 7, 49, 26))
	attrEq(t, "noncurrent_days", r.NoncurrentVersionExpiration.NoncurrentDays, 30.0, true, rg("main.tf", 52, 7, 52, 27))
	if len(r.Transitions) != 1 || r.Transitions[0].StorageClass.String() != "GLACIER" || r.Range != rg("main.tf", 45, 3, 58, 4) {
		t.Errorf("rule range %s transitions %d", full(r.Range), len(r.Transitions))
	}
	// A split resource whose bucket is not in scope becomes a partial bucket.
	other := bucket(t, doc, "aws_s3_bucket_versioning.elsewhere")
	if !other.Partial || other.Versioning.Status.String() != "Suspended" || other.Name.Known {
		t.Errorf("partial bucket: %+v", other)
	}
	if b.Partial {
		t.Error("declared bucket marked partial")
	}
}

func TestLegacyInlineBucketSettings(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
resource "aws_s3_bucket" "b" {
  bucket = "legacy"
  acl    = "private"
  versioning {
    enabled    = true
    mfa_delete = false
  }
  lifecycle_rule {
    id      = "expire"
    enabled = true
    prefix  = "AWSLogs/"
    expiration {
      days = 90
    }
  }
  logging {
    target_bucket = aws_s3_bucket.access.id
  }
  policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
resource "aws_s3_bucket" "access" {
  bucket = "access"
}
`})
	b := bucket(t, doc, "aws_s3_bucket.b")
	attrEq(t, "acl", b.ACL, "private", true, rg("main.tf", 3, 3, 3, 21))
	attrEq(t, "versioning", b.Versioning.Status, "Enabled", true, rg("main.tf", 5, 5, 5, 22))
	attrEq(t, "mfa", b.Versioning.MFADelete, "Disabled", true, rg("main.tf", 6, 5, 6, 23))
	if b.Logging.Target != "aws_s3_bucket.access" || !bucket(t, doc, "aws_s3_bucket.access").IsAccessLogTarget {
		t.Errorf("logging target %q", b.Logging.Target)
	}
	if b.Lifecycle != "aws_s3_bucket.b" || len(doc.Lifecycles) != 1 {
		t.Fatalf("lifecycle link %q", b.Lifecycle)
	}
	r := doc.Lifecycles[0].Rules[0]
	attrEq(t, "rule status", r.Status, "Enabled", true, rg("main.tf", 10, 5, 10, 19))
	attrEq(t, "expiration days", r.Expiration.Days, 90.0, true, rg("main.tf", 13, 7, 13, 16))
	if b.Policy != "aws_s3_bucket.b" || doc.BucketPolicies[0].Policy.Version.String() != "2012-10-17" {
		t.Errorf("inline policy: %q %+v", b.Policy, doc.BucketPolicies)
	}
}

// A string that is not a number where a number is wanted is kept as the
// known string it is (Terraform rejects it), not made unknown: the rules
// checking the number report it (CT304) instead of calling it undecidable.
func TestNonNumericNumberStaysKnown(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
resource "aws_s3_bucket_lifecycle_configuration" "l" {
  bucket = "logs"
  rule {
    id     = "expire"
    status = "Enabled"
    expiration {
      days = "abc"
    }
    noncurrent_version_expiration {
      noncurrent_days = "30"
    }
  }
}
`})
	r := doc.Lifecycles[0].Rules[0]
	attrEq(t, "expiration days", r.Expiration.Days, "abc", true, rg("main.tf", 7, 7, 7, 19))
	attrEq(t, "noncurrent days", r.NoncurrentVersionExpiration.NoncurrentDays, 30.0, true, rg("main.tf", 10, 7, 10, 29))
}

func TestKeyPolicyAndAlias(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
resource "aws_kms_key" "k" {
  enable_key_rotation     = true
  rotation_period_in_days = 180
}
resource "aws_kms_alias" "a" {
  name          = "alias/cloudtrail"
  target_key_id = aws_kms_key.k.key_id
}
resource "aws_kms_key_policy" "k" {
  key_id = aws_kms_key.k.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:*", Resource = "*" }]
  })
}
resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "b"
  kms_key_id     = aws_kms_alias.a.arn
}
`})
	k := doc.Keys[0]
	if len(k.Aliases) != 1 || k.Aliases[0] != "alias/cloudtrail" {
		t.Errorf("aliases %v", k.Aliases)
	}
	if k.Policy == nil || k.Policy.ID != "aws_kms_key_policy.k" || k.Policy.Kind != model.PolicyKey || len(k.Policy.Statements) != 1 {
		t.Fatalf("key policy %+v", k.Policy)
	}
	if k.Policy.Statements[0].Range != rg("main.tf", 13, 18, 13, 99) {
		t.Errorf("statement range %+v", k.Policy.Statements[0].Range)
	}
	attrEq(t, "rotation period", k.RotationPeriodDays, 180.0, true, rg("main.tf", 3, 3, 3, 32))
	if doc.Trails[0].Key != "aws_kms_key.k" {
		t.Errorf("trail key via alias: %q", doc.Trails[0].Key)
	}
}
