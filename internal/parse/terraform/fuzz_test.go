package terraform

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
)

// FuzzParse parses arbitrary HCL as a module's main.tf, next to a policy
// file and a local module. Invariants: no panic, bounded time, and every
// range in the document lies inside the file it names.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"seed001", "seed001_document", "seed001_heredoc", "seed001_file"} {
		if src, err := os.ReadFile(filepath.Join("testdata", dir, "main.tf")); err == nil {
			f.Add(string(src))
		}
	}
	f.Add(splitConfig)
	f.Add(`locals { a = local.b
b = local.a }
resource "aws_s3_bucket" "x" { count = 100000000
bucket = "${local.a}-${count.index}" }`)
	f.Add(`module "m" { source = "./mod"
x = "y" }
resource "aws_s3_bucket_policy" "p" { policy = templatefile("p.tpl", {}) }`)
	f.Add(`resource "aws_kms_key" "k" { policy = <<-EOF
  {"Statement": [{"Effect": "Deny"}]}
  EOF
}`)
	f.Fuzz(func(t *testing.T, src string) {
		fsys := fstest.MapFS{
			"main.tf":      {Data: []byte(src)},
			"policy.json":  {Data: []byte(`{"Statement": [{"Effect": "Allow"}]}`)},
			"p.tpl":        {Data: []byte(`{"Statement": [${x}]}`)},
			"mod/mod.tf":   {Data: []byte(`variable "x" {}` + "\n" + `resource "aws_s3_bucket" "b" { bucket = var.x }`)},
			"mod/again.tf": {Data: []byte(`module "again" { source = "../mod" }`)},
		}
		begin := time.Now()
		doc, errs := Parse(fsys, Options{Dir: "."})
		if d := time.Since(begin); d > 10*time.Second {
			t.Fatalf("took %v", d)
		}
		if doc == nil {
			t.Fatal("nil document")
		}
		lines := map[string]*jsonpos.Lines{}
		for name, file := range fsys {
			lines[name] = jsonpos.NewLines(file.Data)
		}
		check := func(r model.Range) {
			if r.IsZero() {
				return
			}
			l := lines[r.File]
			if l == nil {
				t.Fatalf("range names unknown file %q", r.File)
			}
			if _, ok := l.Offset(r.Line, r.Column); !ok {
				t.Fatalf("range start %s outside its file", r)
			}
			if _, ok := l.Offset(r.EndLine, r.EndColumn); !ok {
				t.Fatalf("range end %s:%d:%d outside its file", r.File, r.EndLine, r.EndColumn)
			}
			if r.EndLine < r.Line || (r.EndLine == r.Line && r.EndColumn < r.Column) {
				t.Fatalf("range %s ends before it starts", r)
			}
		}
		for _, e := range errs {
			if e.Line > 0 {
				check(model.Range{File: e.File, Line: e.Line, Column: e.Column, EndLine: e.Line, EndColumn: e.Column})
			}
		}
		walkRanges(doc, check)
	})
}
