package tfplan

import (
	"os"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

func parseFixture(t *testing.T, name string, opts Options) *model.Document {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, errs := Parse(parse.File{Path: name, Data: data}, opts)
	if len(errs) > 0 {
		t.Fatalf("Parse(%s): %v", name, errs)
	}
	return doc
}

func rng(file string, l, c, el, ec int) model.Range {
	return model.Range{File: file, Line: l, Column: c, EndLine: el, EndColumn: ec}
}

func wantRange(t *testing.T, what string, got, want model.Range) {
	t.Helper()
	if got != want {
		t.Errorf("%s range = %#v, want %#v", what, got, want)
	}
}

func wantAttr(t *testing.T, what string, a *model.Attr, value any, known bool) {
	t.Helper()
	if a == nil {
		t.Errorf("%s = nil, want %v", what, value)
		return
	}
	if a.Value != value || a.Known != known {
		t.Errorf("%s = %v (known %v), want %v (known %v)", what, a.Value, a.Known, value, known)
	}
}

// textAt returns the n bytes of the file at line:col, to show that a range
// points at the text it claims to.
func textAt(t *testing.T, name string, r model.Range, n int) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	line := 1
	for i := range data {
		if line == r.Line {
			start := i + r.Column - 1
			return string(data[start:min(start+n, len(data))])
		}
		if data[i] == '\n' {
			line++
		}
	}
	return ""
}
