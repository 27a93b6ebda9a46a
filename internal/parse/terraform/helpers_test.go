package terraform

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// rg builds an expected range.
func rg(file string, line, col, endLine, endCol int) model.Range {
	return model.Range{File: file, Line: line, Column: col, EndLine: endLine, EndColumn: endCol}
}

// start is the position part of a range, for assertions on where a value
// begins.

// parseDir parses a fixture under testdata and fails on any error.
func parseDir(t *testing.T, dir string) *model.Document {
	t.Helper()
	doc, errs := Parse(os.DirFS("testdata"), Options{Dir: dir})
	for _, e := range errs {
		t.Errorf("unexpected error: %v", e)
	}
	return doc
}

// parseMap parses the root module of an in-memory file set.
func parseMap(t *testing.T, files map[string]string, opts Options) (*model.Document, []*parse.Error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(strings.TrimLeft(src, "\n"))}
	}
	if opts.Dir == "" {
		opts.Dir = "."
	}
	return Parse(fsys, opts)
}

// mustParseMap is parseMap failing on any error.
func mustParseMap(t *testing.T, files map[string]string) *model.Document {
	t.Helper()
	doc, errs := parseMap(t, files, Options{})
	for _, e := range errs {
		t.Errorf("unexpected error: %v", e)
	}
	return doc
}

func bucket(t *testing.T, d *model.Document, id string) *model.Bucket {
	t.Helper()
	for _, b := range d.Buckets {
		if b.ID == id {
			return b
		}
	}
	t.Fatalf("no bucket %q; have %v", id, ids(d))
	return nil
}

func ids(d *model.Document) []string {
	var out []string
	for _, b := range d.Buckets {
		out = append(out, b.ID)
	}
	for _, b := range d.BucketPolicies {
		out = append(out, b.ID)
	}
	for _, k := range d.Keys {
		out = append(out, k.ID)
	}
	for _, tr := range d.Trails {
		out = append(out, tr.ID)
	}
	return out
}

func attrEq(t *testing.T, name string, a *model.Attr, want any, known bool, r model.Range) {
	t.Helper()
	if a == nil {
		t.Errorf("%s: nil, want %v", name, want)
		return
	}
	if a.Value != want || a.Known != known || a.Range != r {
		t.Errorf("%s = %#v known=%v at %s\nwant %#v known=%v at %s", name, a.Value, a.Known, full(a.Range), want, known, full(r))
	}
}

// full renders a range with its end, for failure messages.
func full(r model.Range) string {
	return fmt.Sprintf("%s:%d:%d-%d:%d", r.File, r.Line, r.Column, r.EndLine, r.EndColumn)
}
