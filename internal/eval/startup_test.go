package eval

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestSkippedStagesChangeNothing compiles the built-in rules with every
// compiler stage and with verifiedStages skipped: the compiled modules must
// print the same. A built-in rule that starts using print, rego.metadata or
// template strings fails here rather than misbehaving at run time.
func TestSkippedStagesChangeNothing(t *testing.T) {
	RegisterBuiltins()
	compile := func(skip ...ast.StageID) *ast.Compiler {
		t.Helper()
		modules, err := LoadModules(nil, false)
		if err != nil {
			t.Fatal(err)
		}
		c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithEnablePrintStatements(false).WithSkipStages(skip...)
		c.Compile(modules)
		if c.Failed() {
			t.Fatal(c.Errors)
		}
		return c
	}
	full, skipped := compile(), compile(verifiedStages...)
	if len(full.Modules) < 40 {
		t.Fatalf("only %d modules compiled", len(full.Modules))
	}
	for name, m := range full.Modules {
		if got, want := skipped.Modules[name].String(), m.String(); got != want {
			t.Errorf("%s compiles differently with stages skipped:\n--- skipped\n%s\n--- every stage\n%s", name, got, want)
		}
	}
}

// TestPartitionKeepsPackagesWhole checks how rule packages are dealt out:
// each rule package in exactly one part with all its files, the library in
// every part.
func TestPartitionKeepsPackagesWhole(t *testing.T) {
	mod := func(src string) *ast.Module {
		return ast.MustParseModuleWithOpts(src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	}
	modules := map[string]*ast.Module{
		"lib/a.rego":   mod("package ctlint.lib\nx := 1"),
		"lib/b.rego":   mod("package ctlint.lib\ny := 2"),
		"r1/a.rego":    mod("package ctlint.rules.r1\nreport contains 1"),
		"r1/b.rego":    mod("package ctlint.rules.r1\nreport contains 2"),
		"r2/a.rego":    mod("package ctlint.rules.r2\nreport contains 1"),
		"r3/a.rego":    mod("package ctlint.rules.r3\nreport contains 1"),
		"rules.rego":   mod("package ctlint.rules\nz := 3"),
		"other/a.rego": mod("package other\nw := 4"),
	}
	shared := []string{"lib/a.rego", "lib/b.rego", "rules.rego", "other/a.rego"}
	tests := []struct {
		parts int
		want  [][]string // rule files per group
	}{
		{1, [][]string{{"r1/a.rego", "r1/b.rego", "r2/a.rego", "r3/a.rego"}}},
		{2, [][]string{{"r1/a.rego", "r1/b.rego", "r3/a.rego"}, {"r2/a.rego"}}},
		{5, [][]string{{"r1/a.rego", "r1/b.rego"}, {"r2/a.rego"}, {"r3/a.rego"}}},
	}
	for _, tc := range tests {
		groups := partition(modules, tc.parts)
		if len(groups) != len(tc.want) {
			t.Fatalf("parts=%d: %d groups, want %d", tc.parts, len(groups), len(tc.want))
		}
		for i, g := range groups {
			for _, name := range shared {
				if g[name] == nil {
					t.Errorf("parts=%d group %d lacks %s", tc.parts, i, name)
				} else if i > 0 && g[name] == modules[name] {
					t.Errorf("parts=%d group %d shares %s with group 0 instead of a copy", tc.parts, i, name)
				}
			}
			if got := len(g) - len(shared); got != len(tc.want[i]) {
				t.Errorf("parts=%d group %d: %d rule files, want %v", tc.parts, i, got, tc.want[i])
			}
			for _, name := range tc.want[i] {
				if g[name] == nil {
					t.Errorf("parts=%d group %d lacks %s", tc.parts, i, name)
				}
			}
		}
	}
}
