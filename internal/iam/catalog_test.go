package iam

import (
	"strings"
	"testing"
)

func TestActionKnown(t *testing.T) {
	tests := []struct {
		action string
		want   bool
	}{
		{"s3:GetBucketAcl", true},
		{"s3:getbucketacl", true},
		{"S3:GETBUCKETACL", true},
		{"s3:PutObject", true},
		{"kms:ReEncryptFrom", true},
		{"kms:ReEncryptTo", true},
		{"kms:GenerateDataKey*", true},
		{"kms:GenerateDataKey", true},
		{"kms:Decrypt", true},
		{"kms:DecryptDataKey", false},
		{"s3:GetBucketVersioning", true}, // real, though CloudTrail does not need it
		{"s3:Put*", true},
		{"s3:*Object", true},
		{"s3:P?tObject", true},
		{"s3:Zzz*", false},
		{"kms:*", true},
		{"KMS:*", true},
		{"*", true},
		{"nosuchservice:*", false},
		{"nosuchservice:GetObject", false},
		{"s*:GetBucketAcl", true},
		{"*:GetBucketAcl", true},
		{"*:NoSuchAction", false},
		{"PutObject", false},
		{"", false},
		{"s3:", false},
		{"s3:«var.action»", true}, // cannot be judged offline
	}
	for _, tt := range tests {
		if got := ActionKnown(tt.action); got != tt.want {
			t.Errorf("ActionKnown(%q) = %v, want %v", tt.action, got, tt.want)
		}
	}
}

func TestSuggestAction(t *testing.T) {
	tests := []struct {
		action string
		want   string
	}{
		// GenerateDataKey is fewer edits away, but Decrypt is a prefix of
		// the typo, which halves its distance.
		{"kms:DecryptDataKey", "kms:Decrypt"},
		{"kms:GenerateDataKeys", "kms:GenerateDataKey"},
		{"s3:PutObjects", "s3:PutObject"},
		{"s3:getbucketacll", "s3:GetBucketAcl"},
		{"S3:GetBucketACLs", "s3:GetBucketAcl"},
		{"kmss:Decrypt", "kms:Decrypt"},
		{"s3:PutObject", ""},     // known: nothing to suggest
		{"s3:Xq", ""},            // nothing close
		{"kms:«var.action»", ""}, // cannot be judged
		{"cloudtrail:StartLoging", "cloudtrail:StartLogging"},
	}
	for _, tt := range tests {
		if got := SuggestAction(tt.action); got != tt.want {
			t.Errorf("SuggestAction(%q) = %q, want %q", tt.action, got, tt.want)
		}
	}
}

func TestCatalogLoads(t *testing.T) {
	c := loadCatalog()
	if !strings.Contains(CatalogSource(), "Service Authorization Reference") {
		t.Errorf("CatalogSource() = %q, want the catalog's _source", CatalogSource())
	}
	if len(c.services) < 400 || c.services["kms"] == nil || c.services["s3"] == nil {
		t.Fatalf("catalog has %d services, want the full catalog with kms and s3", len(c.services))
	}
	actions := 0
	for _, p := range c.prefixes {
		if p != strings.ToLower(p) {
			t.Errorf("service prefix %q is not lowercase", p)
		}
		// Every service decodes (they are decoded on first use at run time).
		actions += len(c.services[p].actions().lower)
	}
	if actions < 15000 {
		t.Errorf("catalog has %d actions, want the full catalog", actions)
	}
	if got := len(c.services["kms"].actions().index); got < 50 {
		t.Errorf("kms has %d actions", got)
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"décrypt", "decrypt", 1},
	}
	for _, tt := range tests {
		if got := levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// ActionKnown must stay cheap for policies with very many statements.
func BenchmarkActionKnown(b *testing.B) {
	for b.Loop() {
		ActionKnown("kms:GenerateDataKey")
		ActionKnown("s3:Put*")
	}
}
