package terraform

import (
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

func TestPolicyDocumentMerging(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Keep"
    actions   = ["s3:GetBucketAcl"]
    resources = ["arn:aws:s3:::b"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
  statement {
    sid       = "Replaced"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "main" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [jsonencode({ Statement = [{ Sid = "Deny", Effect = "Deny", Action = "s3:*", Resource = "*", Principal = "*" }] })]
  statement {
    sid       = "Replaced"
    effect    = "Deny"
    actions   = ["s3:DeleteObject"]
    resources = ["arn:aws:s3:::b/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
data "aws_iam_policy_document" "unused" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = data.aws_iam_policy_document.main.json
}
`})
	pol := doc.BucketPolicies[0].Policy
	type want struct {
		sid, effect string
		rng         model.Range
	}
	wants := []want{
		{"Keep", "Allow", rg("main.tf", 2, 3, 10, 4)},
		{"Replaced", "Deny", rg("main.tf", 20, 3, 34, 4)},
		{"Deny", "Deny", rg("main.tf", 19, 58, 19, 141)},
	}
	if len(pol.Statements) != len(wants) {
		t.Fatalf("statements: %d", len(pol.Statements))
	}
	for i, w := range wants {
		s := pol.Statements[i]
		if s.Sid.String() != w.sid || s.Effect.String() != w.effect || s.Range != w.rng {
			t.Errorf("statement %d: %s %s at %s, want %s %s at %s", i, s.Sid.String(), s.Effect.String(), full(s.Range), w.sid, w.effect, full(w.rng))
		}
	}
	if pol.Version.String() != "2012-10-17" {
		t.Errorf("default version: %+v", pol.Version)
	}
	if p := pol.Statements[1].Principal; p == nil || len(p.Entries) != 1 || p.Entries[0].Type != "*" {
		t.Errorf("principal *: %+v", p)
	}
	if c := pol.Statements[1].Conditions; len(c) != 1 || c[0].Operator != "Bool" || c[0].Key != "aws:SecureTransport" || c[0].Range != rg("main.tf", 29, 5, 33, 6) {
		t.Errorf("condition: %+v", c)
	}
	if len(doc.OtherPolicies) != 1 || doc.OtherPolicies[0].ID != "data.aws_iam_policy_document.unused" || doc.OtherPolicies[0].Kind != model.PolicyIdentity {
		t.Errorf("other policies: %+v", doc.OtherPolicies)
	}
}

func TestUnresolvedPolicy(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
variable "policy" {}
resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = var.policy
}
resource "aws_s3_bucket_policy" "c" {
  bucket = "c"
  policy = data.aws_iam_policy_document.missing.json
}
`})
	for i, want := range []string{"«var.policy»", "«data.aws_iam_policy_document.missing.json»"} {
		p := doc.BucketPolicies[i].Policy
		if p.Unresolved != want || len(p.Statements) != 0 {
			t.Errorf("policy %d unresolved %q, want %q", i, p.Unresolved, want)
		}
	}
}

func TestTerraformJSON(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf.json": `{
  "resource": {
    "aws_cloudtrail": {
      "t": {
        "name": "json-trail",
        "s3_bucket_name": "${aws_s3_bucket.b.id}",
        "is_multi_region_trail": true,
        "event_selector": [{"read_write_type": "WriteOnly"}]
      }
    },
    "aws_s3_bucket": {"b": {"bucket": "json-bucket"}}
  }
}`})
	tr := doc.Trails[0]
	attrEq(t, "is_multi_region_trail", tr.IsMultiRegion, true, true, rg("main.tf.json", 7, 9, 7, 38))
	if tr.Bucket != "aws_s3_bucket.b" || tr.BucketName.String() != "json-bucket" {
		t.Errorf("bucket link %q name %q", tr.Bucket, tr.BucketName.String())
	}
	if len(tr.EventSelectors) != 1 || tr.EventSelectors[0].ReadWriteType.String() != "WriteOnly" {
		t.Errorf("event selectors: %+v", tr.EventSelectors)
	}
}
