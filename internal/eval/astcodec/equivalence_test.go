package astcodec_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/ctlint/ctlint/internal/eval/astcodec"
)

// equivalenceModules cover the constructs compilation rewrites most.
var equivalenceModules = map[string]string{
	"a.rego": `package t.a

default allow := false

allow if {
	some x in input.xs
	x > 2
}

names contains n if {
	some n in ["x", "y", "z"]
	n != "y"
}

by_name[n] := i if {
	some i, n in input.names
}

a.b[x] contains y if {
	some x in ["p", "q"]
	some y in [1, 2]
}

doubled := [d | some v in input.xs; d := v * 2]

evens := {v | some v in input.xs; v % 2 == 0}

index := {k: v | some k, v in input.names}

all_small if {
	every x in input.xs {
		x < 10
	}
}

grade(n) := "high" if {
	n > 3
} else := "mid" if {
	n > 1
} else := "low"

grades := [grade(x) | some x in input.xs]

mocked if {
	allow with input.xs as [7]
}

not_empty if not count(input.xs) == 0
`,
	"b.rego": `package t.b

import data.t.a

summary := {
	"allow": a.allow,
	"names": a.names,
	"grades": a.grades,
	"pq": a.a.b,
	"index": a.index,
}

f(x, y) := x + y

sum := f(1, 2)
`,
}

var equivalenceQueries = []string{
	"data.t.a",
	"data.t.b",
	"data.t.b.summary",
	"data.t.a.a.b.p",
	"x := data.t.a.grade(2)",
	"data.t.a.names[n]",
	"data.t.a.mocked",
}

func TestDecodedModulesEvaluateAsCompiled(t *testing.T) {
	parsed := map[string]*ast.Module{}
	for name, src := range equivalenceModules {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		parsed[name] = m
	}
	orig := newCompiler()
	orig.Compile(parsed)
	if orig.Failed() {
		t.Fatal(orig.Errors)
	}

	data, err := astcodec.Encode(orig.Modules)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := astcodec.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	again := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithSkipStages(stagesBut(rerunStages)...)
	again.Compile(decoded)
	if again.Failed() {
		t.Fatal(again.Errors)
	}

	inputs := []map[string]any{
		{"xs": []any{1, 3, 4}, "names": []any{"x", "y"}},
		{"xs": []any{}, "names": []any{}},
		{"xs": []any{12}, "names": []any{"z"}},
	}
	for _, q := range equivalenceQueries {
		for _, input := range inputs {
			want := evalQuery(t, orig, q, input)
			got := evalQuery(t, again, q, input)
			if got != want {
				t.Errorf("query %s on %v:\n got: %s\nwant: %s", q, input, got, want)
			}
			if want == "[]" {
				t.Errorf("query %s on %v is undefined; the case tests nothing", q, input)
			}
		}
	}
}

// rerunStages are the compiler stages that rebuild the compiler's own
// indexes; every other stage rewrites or checks modules, which the decoded
// modules have been through already.
var rerunStages = []ast.StageID{
	ast.StageInitLocalVarGen,
	ast.StageSetModuleTree,
	ast.StageSetRuleTree,
	ast.StageBuildRuleIndices,
	ast.StageBuildComprehensionIndices,
}

func stagesBut(keep []ast.StageID) []ast.StageID {
	var skip []ast.StageID
	for _, s := range ast.AllStages() {
		if !slices.Contains(keep, s) {
			skip = append(skip, s)
		}
	}
	return skip
}

func evalQuery(t *testing.T, c *ast.Compiler, q string, input map[string]any) string {
	t.Helper()
	rs, err := rego.New(rego.Compiler(c), rego.Query(q), rego.Input(input)).Eval(context.Background())
	if err != nil {
		t.Fatalf("query %s: %v", q, err)
	}
	var out []string
	for _, r := range rs {
		v, err := ast.InterfaceToValue(r.Expressions[0].Value)
		if err != nil {
			t.Fatal(err)
		}
		b, err := ast.InterfaceToValue(r.Bindings)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v.String()+" "+b.String())
	}
	slices.Sort(out)
	return "[" + strings.Join(out, "\n") + "]"
}
