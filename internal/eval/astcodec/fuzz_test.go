package astcodec_test

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/ctlint/ctlint/internal/eval/astcodec"
)

func FuzzDecode(f *testing.F) {
	small := map[string]*ast.Module{
		"a.rego": ast.MustParseModule("package a\n\nimport data.b as c\n\ndefault d := false\n\nx contains y if {\n\tsome y in [1, {\"k\": {2}}, 2.5e3]\n\tnot c.z with input as {}\n\tevery k, v in input { k != v }\n\tq := [w | w := y]\n}\n\nf(v) := 1 if v > 1 else := 2\n"),
	}
	c := newCompiler()
	c.Compile(map[string]*ast.Module{"a.rego": small["a.rego"].Copy(), "b.rego": ast.MustParseModule("package b\n\nz := 1")})
	if c.Failed() {
		f.Fatal(c.Errors)
	}
	for _, modules := range []map[string]*ast.Module{small, c.Modules} {
		data, err := astcodec.Encode(modules)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("CTAC\x01"))
	f.Add([]byte("CTAC\x01\x00\x00\x00\x01"))
	f.Add([]byte("garbage"))

	f.Fuzz(func(t *testing.T, data []byte) {
		first, err := astcodec.Decode(data)
		if err != nil {
			return
		}
		again, err := astcodec.Encode(first)
		if err != nil {
			t.Fatalf("decoded modules do not encode: %v", err)
		}
		second, err := astcodec.Decode(again)
		if err != nil {
			t.Fatalf("re-encoding does not decode: %v", err)
		}
		if len(second) != len(first) {
			t.Fatalf("%d modules, then %d", len(first), len(second))
		}
		for name, m := range first {
			m2, ok := second[name]
			if !ok {
				t.Fatalf("module %q lost", name)
			}
			if s1, s2 := m.String(), m2.String(); s1 != s2 {
				t.Fatalf("module %q:\n%s\nthen\n%s", name, s1, s2)
			}
		}
	})
}
