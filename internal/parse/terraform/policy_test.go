package terraform

import (
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

// The seed-001 bucket policy written four ways: every statement, resource
// and condition must point where it is written.
func TestPolicyRanges(t *testing.T) {
	type cond struct {
		key   string
		rng   model.Range
		value string
	}
	type stmt struct {
		rng      model.Range
		sid      string
		resource string
		resRange model.Range
		conds    []cond
	}
	const acct = "«AWS::AccountId»"
	const arnWrite = "arn:aws:cloudtrail:us-east-1:" + acct + ":trail/main-trail"
	tests := []struct {
		dir        string
		policyFile string
		policy     model.Range
		stmts      []stmt
	}{
		{
			dir: "seed001", policyFile: "seed001/main.tf", policy: rg("seed001/main.tf", 33, 23, 62, 4),
			stmts: []stmt{
				{rg("seed001/main.tf", 36, 7, 47, 8), "AWSCloudTrailAclCheck", "arn:aws:s3:::my-company-cloudtrail-logs", rg("seed001/main.tf", 41, 21, 41, 54),
					[]cond{{"aws:SourceArn", rg("seed001/main.tf", 44, 13, 44, 125), arnWrite}}},
				{rg("seed001/main.tf", 48, 7, 60, 8), "AWSCloudTrailWrite", "arn:aws:s3:::my-company-cloudtrail-logs/AWSLogs/" + acct + "/*", rg("seed001/main.tf", 53, 21, 53, 116),
					[]cond{{"s3:x-amz-acl", rg("seed001/main.tf", 56, 13, 56, 58), "bucket-owner-full-control"}, {"aws:SourceArn", rg("seed001/main.tf", 57, 13, 57, 125), arnWrite}}},
			},
		},
		{
			dir: "seed001_document", policyFile: "seed001_document/main.tf", policy: rg("seed001_document/main.tf", 36, 1, 71, 2),
			stmts: []stmt{
				{rg("seed001_document/main.tf", 37, 3, 50, 4), "AWSCloudTrailAclCheck", "arn:aws:s3:::my-company-cloudtrail-logs", rg("seed001_document/main.tf", 44, 18, 44, 51),
					[]cond{{"aws:SourceArn", rg("seed001_document/main.tf", 45, 5, 49, 6), arnWrite}}},
				{rg("seed001_document/main.tf", 51, 3, 70, 4), "AWSCloudTrailWrite", "arn:aws:s3:::my-company-cloudtrail-logs/AWSLogs/" + acct + "/*", rg("seed001_document/main.tf", 55, 18, 55, 113),
					[]cond{{"s3:x-amz-acl", rg("seed001_document/main.tf", 60, 5, 64, 6), "bucket-owner-full-control"}, {"aws:SourceArn", rg("seed001_document/main.tf", 65, 5, 69, 6), arnWrite}}},
			},
		},
		{
			dir: "seed001_heredoc", policyFile: "seed001_heredoc/main.tf", policy: rg("seed001_heredoc/main.tf", 34, 5, 56, 6),
			stmts: []stmt{
				{rg("seed001_heredoc/main.tf", 37, 9, 44, 10), "AWSCloudTrailAclCheck", "arn:aws:s3:::my-company-cloudtrail-logs", rg("seed001_heredoc/main.tf", 42, 23, 42, 61),
					[]cond{{"aws:SourceArn", rg("seed001_heredoc/main.tf", 43, 42, 43, 153), arnWrite}}},
				{rg("seed001_heredoc/main.tf", 45, 9, 54, 10), "AWSCloudTrailWrite", "arn:aws:s3:::my-company-cloudtrail-logs/AWSLogs/" + acct + "/*", rg("seed001_heredoc/main.tf", 50, 23, 50, 118),
					[]cond{{"s3:x-amz-acl", rg("seed001_heredoc/main.tf", 52, 13, 52, 56), "bucket-owner-full-control"}, {"aws:SourceArn", rg("seed001_heredoc/main.tf", 53, 13, 53, 124), arnWrite}}},
			},
		},
		{
			dir: "seed001_file", policyFile: "seed001_file/policy.json", policy: rg("seed001_file/policy.json", 1, 1, 23, 2),
			stmts: []stmt{
				{rg("seed001_file/policy.json", 4, 5, 11, 6), "AWSCloudTrailAclCheck", "arn:aws:s3:::my-company-cloudtrail-logs", rg("seed001_file/policy.json", 9, 19, 9, 60),
					[]cond{{"aws:SourceArn", rg("seed001_file/policy.json", 10, 38, 10, 115), "arn:aws:cloudtrail:us-east-1:111122223333:trail/main-trail"}}},
				{rg("seed001_file/policy.json", 12, 5, 21, 6), "AWSCloudTrailWrite", "arn:aws:s3:::my-company-cloudtrail-logs/AWSLogs/111122223333/*", rg("seed001_file/policy.json", 17, 19, 17, 83),
					[]cond{{"s3:x-amz-acl", rg("seed001_file/policy.json", 19, 9, 19, 52), "bucket-owner-full-control"}, {"aws:SourceArn", rg("seed001_file/policy.json", 20, 9, 20, 86), "arn:aws:cloudtrail:us-east-1:111122223333:trail/main-trail"}}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			doc := parseDir(t, tt.dir)
			if len(doc.BucketPolicies) != 1 {
				t.Fatalf("bucket policies: %d, want 1", len(doc.BucketPolicies))
			}
			bp := doc.BucketPolicies[0]
			if bp.ID != "aws_s3_bucket_policy.cloudtrail_logs" || bp.Bucket != "aws_s3_bucket.cloudtrail_logs" {
				t.Errorf("policy %q linked to %q", bp.ID, bp.Bucket)
			}
			pol := bp.Policy
			if pol.ID != bp.ID || pol.Kind != model.PolicyBucket || pol.Unresolved != "" {
				t.Errorf("policy id=%q kind=%q unresolved=%q", pol.ID, pol.Kind, pol.Unresolved)
			}
			if pol.Range != tt.policy {
				t.Errorf("policy range %+v, want %+v", pol.Range, tt.policy)
			}
			if len(pol.Problems) != 0 {
				t.Errorf("problems: %v", pol.Problems)
			}
			if len(pol.Statements) != len(tt.stmts) {
				t.Fatalf("statements: %d, want %d", len(pol.Statements), len(tt.stmts))
			}
			for i, want := range tt.stmts {
				s := pol.Statements[i]
				if s.Range != want.rng || s.Sid.String() != want.sid {
					t.Errorf("statement %d: %q at %+v, want %q at %+v", i, s.Sid.String(), s.Range, want.sid, want.rng)
				}
				if s.Effect.String() != "Allow" {
					t.Errorf("statement %d effect %q", i, s.Effect.String())
				}
				if s.Resource == nil || len(s.Resource.Values) != 1 || s.Resource.Values[0].Value != want.resource || s.Resource.Values[0].Range != want.resRange {
					t.Errorf("statement %d resource %+v, want %q at %+v", i, s.Resource, want.resource, want.resRange)
				}
				if len(s.Conditions) != len(want.conds) {
					t.Fatalf("statement %d conditions: %d, want %d", i, len(s.Conditions), len(want.conds))
				}
				for j, wc := range want.conds {
					c := s.Conditions[j]
					if c.Operator != "StringEquals" || c.Key != wc.key || c.Range != wc.rng || len(c.Values) != 1 || c.Values[0].Value != wc.value {
						t.Errorf("statement %d condition %d: %s %s %v at %+v, want %s %q at %+v", i, j, c.Operator, c.Key, c.Values, c.Range, wc.key, wc.value, wc.rng)
					}
				}
			}
		})
	}
}

// jsonencode of a local or a variable default points into the block that
// writes the object.
func TestJSONEncodeFollowsLocalsAndVariables(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
locals {
  policy = {
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "s3:*"
      Resource = "*"
    }]
  }
}
variable "key_policy" {
  default = {
    Statement = [{ Effect = "Allow", Action = "kms:*", Resource = "*" }]
  }
}
resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = jsonencode(local.policy)
}
resource "aws_kms_key" "k" {
  policy = jsonencode(var.key_policy)
}
`})
	s := doc.BucketPolicies[0].Policy.Statements[0]
	if s.Range != rg("main.tf", 4, 18, 8, 6) || s.Effect.Range != rg("main.tf", 5, 18, 5, 24) {
		t.Errorf("local: statement at %s, effect at %s", full(s.Range), full(s.Effect.Range))
	}
	k := doc.Keys[0].Policy.Statements[0]
	if k.Range != rg("main.tf", 13, 18, 13, 72) {
		t.Errorf("variable: statement at %s", full(k.Range))
	}
}

func TestPolicyGrammarProblems(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
resource "aws_s3_bucket_policy" "dup" {
  bucket = "b"
  policy = <<JSON
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Principal": "*"}]}
JSON
}
resource "aws_s3_bucket_policy" "broken" {
  bucket = "b"
  policy = "{\"Version\": "
}
`})
	dup := doc.BucketPolicies[0].Policy.Problems
	if len(dup) != 1 || dup[0].Range != rg("main.tf", 4, 61, 4, 69) {
		t.Errorf("duplicate key problems: %+v", dup)
	}
	broken := doc.BucketPolicies[1].Policy
	if len(broken.Problems) != 1 || broken.Problems[0].Range.File != "main.tf" || broken.Problems[0].Range.Line != 9 {
		t.Errorf("invalid JSON: %+v", broken.Problems)
	}
}
