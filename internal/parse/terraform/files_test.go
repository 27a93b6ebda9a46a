package terraform

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ctlint/ctlint/internal/model"
)

// recordingFS records every path opened, to prove files outside the lint
// root are never read.
type recordingFS struct {
	fs.FS
	opened []string
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.opened = append(r.opened, name)
	return r.FS.Open(name)
}

func TestFileOutsideRootNeverRead(t *testing.T) {
	tmp := t.TempDir()
	secret := "TOP-SECRET-CONTENT"
	if err := os.WriteFile(filepath.Join(tmp, "outside"), []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(tmp, "lint", "env")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	main := `resource "aws_s3_bucket_policy" "a" {
  bucket = "b"
  policy = file("../../outside")
}
resource "aws_s3_bucket_policy" "b" {
  bucket = "b"
  policy = file("/etc/passwd")
}
`
	if err := os.WriteFile(filepath.Join(root, "main.tf"), []byte(main), 0o600); err != nil {
		t.Fatal(err)
	}
	osRoot, err := os.OpenRoot(filepath.Join(tmp, "lint"))
	if err != nil {
		t.Fatal(err)
	}
	defer osRoot.Close()
	rec := &recordingFS{FS: osRoot.FS()}
	doc, errs := Parse(rec, Options{Dir: "env"})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	for _, name := range rec.opened {
		if name != "env" && name != "env/main.tf" && name != "." {
			t.Errorf("opened %q", name)
		}
	}
	want := []model.Unresolved{
		{Expr: `file("../../outside")`, Reason: reasonOutsideRoot, Resource: "aws_s3_bucket_policy.a", Range: rg("env/main.tf", 3, 12, 3, 33)},
		{Expr: `file("/etc/passwd")`, Reason: reasonOutsideRoot, Resource: "aws_s3_bucket_policy.b", Range: rg("env/main.tf", 7, 12, 7, 31)},
	}
	if len(doc.Unresolved) != len(want) {
		t.Fatalf("unresolved: %+v", doc.Unresolved)
	}
	for i, w := range want {
		if doc.Unresolved[i] != w {
			t.Errorf("unresolved[%d] = %+v\nwant %+v", i, doc.Unresolved[i], w)
		}
	}
	for _, bp := range doc.BucketPolicies {
		if bp.Policy.Unresolved == "" || strings.Contains(bp.Policy.Unresolved, secret) || len(bp.Policy.Statements) != 0 {
			t.Errorf("%s: policy must be unresolved: %+v", bp.ID, bp.Policy)
		}
	}
}

func TestNoFileFunctions(t *testing.T) {
	files := map[string]string{
		"main.tf": `
resource "aws_s3_bucket_policy" "a" {
  bucket = "b"
  policy = templatefile("policy.json.tpl", { bucket = "b" })
}
`,
		"policy.json.tpl": `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "arn:aws:s3:::${bucket}/*"}]}`,
	}
	doc, _ := parseMap(t, files, Options{NoFileFunctions: true})
	if len(doc.Unresolved) != 1 || doc.Unresolved[0].Reason != reasonFileFunctions || doc.Unresolved[0].Expr != `templatefile("policy.json.tpl")` {
		t.Errorf("unresolved: %+v", doc.Unresolved)
	}
	if doc.BucketPolicies[0].Policy.Unresolved == "" {
		t.Error("policy resolved with file functions disabled")
	}

	// Enabled, the template's positions are those of the template file.
	doc = mustParseMap(t, files)
	pol := doc.BucketPolicies[0].Policy
	if len(pol.Statements) != 1 {
		t.Fatalf("statements: %+v", pol)
	}
	v := pol.Statements[0].Resource.Values[0]
	if v.Value != "arn:aws:s3:::b/*" || v.Range != rg("policy.json.tpl", 1, 73, 1, 99) {
		t.Errorf("resource %q at %s", v.Value, full(v.Range))
	}
}

func TestMissingFileIsUnresolved(t *testing.T) {
	doc, errs := Parse(fstest.MapFS{"main.tf": {Data: []byte(`resource "aws_kms_key" "k" {
  policy = file("nope.json")
}`)}}, Options{Dir: "."})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(doc.Unresolved) != 1 || doc.Unresolved[0].Reason != reasonFileMissing || doc.Keys[0].Policy.Unresolved != `«file("nope.json")»` {
		t.Errorf("unresolved %+v policy %+v", doc.Unresolved, doc.Keys[0].Policy)
	}
}
