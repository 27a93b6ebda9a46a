package tfplan

import (
	"os"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
)

// FuzzParse checks that Parse never panics and that every range of the
// document lies inside the plan file (no configuration is given, so every
// position must be in the plan).
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/modules.plan.json", "testdata/unknown.plan.json", "testdata/rendered.plan.json", "testdata/state.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format_version":"1.0","resource_changes":[{"address":"module.a[0].aws_kms_key.k","module_address":"module.a[0]","type":"aws_kms_key","name":"k","change":{"actions":["create"],"after":{"policy":"{\"Statement\":[]}"},"after_unknown":{"policy":true}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "plan.json"
		doc, errs := Parse(parse.File{Path: file, Data: data}, Options{})
		lines := jsonpos.NewLines(data)
		inFile := func(r model.Range) bool {
			if r.IsZero() {
				return true
			}
			start, ok1 := lines.Offset(r.Line, r.Column)
			end, ok2 := lines.Offset(r.EndLine, r.EndColumn)
			return r.File == file && ok1 && ok2 && start <= end
		}
		for _, e := range errs {
			if e.File != file || (e.Line > 0 && !inFile(model.Range{File: file, Line: e.Line, Column: e.Column, EndLine: e.Line, EndColumn: e.Column})) {
				t.Fatalf("error outside the file: %v", e)
			}
		}
		if doc == nil {
			if len(errs) == 0 {
				t.Fatal("no document and no error")
			}
			return
		}
		walkRanges(doc, func(what string, r model.Range) {
			if !inFile(r) {
				t.Fatalf("%s range %+v outside the file (%d bytes)", what, r, len(data))
			}
		})
	})
}
