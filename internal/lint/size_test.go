package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Terraform file over --max-file-size is hidden from its module; it must
// be reported, whether named or found in a directory, not skipped silently.
func TestLargeTerraformFileIsReported(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.tf")
	if err := os.WriteFile(big, []byte("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \""+strings.Repeat("a", 200)+"\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "small.tf"), []byte("locals {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, big} {
		res, err := Run(context.Background(), []string{path}, Options{Engine: newTestEngine(t), MaxFileSize: 100})
		if err != nil {
			t.Fatal(err)
		}
		want := "skipped: 247 bytes is more than --max-file-size (100 bytes)"
		if len(res.Errors) != 1 || res.Errors[0].File != filepath.ToSlash(big) || !res.Errors[0].Warning || res.Errors[0].Message != want {
			t.Errorf("lint %s: errors = %v, want one warning %q for %s", path, res.Errors, want, big)
		}
	}
}
