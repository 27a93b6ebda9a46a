package eval

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ctlint/ctlint/policies"
)

// The embedded rules must be formatted and compile in strict mode.
func TestEmbeddedRulesCheck(t *testing.T) {
	problems, err := CheckSources(policies.FS, "policies/")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func TestCheckSourcesReportsProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"a.rego": {Data: []byte("package a\nx   :=  1\n")},
		"b.rego": {Data: []byte("package b\n\nf(x) := y if {\n\ty := 1\n}\n")},
	}
	problems, err := CheckSources(fsys, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"a.rego: not formatted": false, "unused argument x": false}
	for _, p := range problems {
		for w := range want {
			if strings.Contains(p, w) {
				want[w] = true
			}
		}
	}
	for w, seen := range want {
		if !seen {
			t.Errorf("no problem mentions %q; got %q", w, problems)
		}
	}
}
