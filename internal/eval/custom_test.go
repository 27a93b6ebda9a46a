package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/policyjson"
)

// customRule writes a custom rule package into its own directory.
func customRule(t *testing.T, id, pkg, body string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), pkg)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "# METADATA\n# title: Custom " + id + "\n# custom:\n#   id: " + id + "\n#   name: " + strings.ReplaceAll(pkg, "_", "-") + "\n#   severity: low\npackage ctlint.rules." + pkg + "\n\n" + body + "\n"
	if err := os.WriteFile(filepath.Join(dir, "rule.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A custom rule that fails at run time is reported with its ID and source
// location, and neither the built-in findings nor another custom rule's
// findings are lost.
func TestCustomRuleRuntimeErrors(t *testing.T) {
	data, err := os.ReadFile("../../examples/seed-000-bucket-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := policyjson.Parse(parse.File{Path: "bp.json", Data: data}, policyjson.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good := customRule(t, "CX900", "custom_good", `report contains {"message": "custom finding"} if { true }`)
	tests := []struct {
		name, id, pkg, body string
		timeout             time.Duration
		wantErr             []string // substrings of the error
	}{
		{name: "builtin error", id: "CX901", pkg: "custom_number",
			body:    `report contains {"message": sprintf("%v", [n])} if { n := to_number("x") }`,
			wantErr: []string{"rule CX901: ", "custom_number/rule.rego:9: eval_builtin_error: to_number: "}},
		{name: "entry not an object", id: "CX902", pkg: "custom_string",
			body:    `report contains "just a string" if { true }`,
			wantErr: []string{"rule CX902: ", "custom_string/rule.rego:1: report entries must be objects"}},
		{name: "conflicting values", id: "CX903", pkg: "custom_conflict",
			body:    "x := 1\nx := 2 if { true }\nreport contains {\"message\": \"m\"} if { x == 1 }",
			wantErr: []string{"rule CX903: ", "eval_conflict_error"}},
		{name: "timeout", id: "CX904", pkg: "custom_loop", timeout: time.Second,
			// 10^10 iterations: only the timeout ends it.
			body:    `report contains {"message": "m"} if { some i in numbers.range(1, 100000); some j in numbers.range(1, 100000); i * j < 0 }`,
			wantErr: []string{"rule CX904: ", "eval_cancel_error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			e, err := New(ctx, Options{PolicyDirs: []string{good, customRule(t, tt.id, tt.pkg, tt.body)}})
			if err != nil {
				t.Fatal(err)
			}
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			start := time.Now()
			fs, err := e.Eval(ctx, doc)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("Eval took %s", d)
			}
			var re *RuleError
			if !errors.As(err, &re) || re.Rule != tt.id {
				t.Fatalf("err = %v, want a RuleError of %s", err, tt.id)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %q, want it to contain %q", err, want)
				}
			}
			got := map[string]int{}
			for _, f := range fs {
				got[f.RuleID]++
			}
			if got["CT101"] != 2 || got["CX900"] != 1 {
				t.Errorf("findings by rule = %v, want CT101 twice and CX900 once", got)
			}
		})
	}
}
