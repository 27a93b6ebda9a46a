package astcodec_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/eval/astcodec"
)

// embeddedModules returns the embedded rule modules as parsed.
func embeddedModules(t testing.TB) map[string]*ast.Module {
	t.Helper()
	eval.RegisterBuiltins()
	modules, err := eval.LoadModules(nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(modules) < 10 {
		t.Fatalf("only %d embedded modules", len(modules))
	}
	return modules
}

func newCompiler() *ast.Compiler {
	return ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithEnablePrintStatements(false)
}

// compiled returns the embedded rule modules after compilation.
func compiled(t testing.TB) map[string]*ast.Module {
	t.Helper()
	c := newCompiler()
	c.Compile(embeddedModules(t))
	if c.Failed() {
		t.Fatal(c.Errors)
	}
	return c.Modules
}

func roundTrip(t *testing.T, modules map[string]*ast.Module) map[string]*ast.Module {
	t.Helper()
	data, err := astcodec.Encode(modules)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := astcodec.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return decoded
}

func TestRoundTripCompiledEmbeddedModules(t *testing.T) {
	modules := compiled(t)
	assertRoundTrip(t, modules, roundTrip(t, modules))
}

func TestRoundTripParsedEmbeddedModules(t *testing.T) {
	modules := embeddedModules(t)
	assertRoundTrip(t, modules, roundTrip(t, modules))
}

// assertRoundTrip checks that decoded holds the same modules as orig, less
// annotations and comments, down to every term's location.
func assertRoundTrip(t *testing.T, orig, decoded map[string]*ast.Module) {
	t.Helper()
	if len(decoded) != len(orig) {
		t.Fatalf("decoded %d modules, want %d", len(decoded), len(orig))
	}
	for name, want := range orig {
		got, ok := decoded[name]
		if !ok {
			t.Errorf("module %s missing", name)
			continue
		}
		// Module.String prints annotations; the codec drops them.
		stripped := withoutMetadata(want)
		if g, w := got.String(), stripped.String(); g != w {
			t.Errorf("module %s: String differs:\n got: %s\nwant: %s", name, g, w)
		}
		if !got.Equal(stripped) {
			t.Errorf("module %s: not Equal", name)
		}
		if g, w := got.RegoVersionSpan(), want.RegoVersionSpan(); g != w {
			t.Errorf("module %s: rego version %v, want %v", name, g, w)
		}
		if got.Package.Location == nil || !got.Package.Location.Equal(want.Package.Location) {
			t.Errorf("module %s: package location %v, want %v", name, got.Package.Location, want.Package.Location)
		}
		assertRuleModules(t, name, got)
		assertLocations(t, name, got, want)
	}
}

// withoutMetadata returns a copy of m without what the codec drops.
func withoutMetadata(m *ast.Module) *ast.Module {
	cpy := m.Copy()
	cpy.Annotations = nil
	cpy.Comments = nil
	for _, r := range cpy.Rules {
		for ; r != nil; r = r.Else {
			r.Annotations = nil
		}
	}
	return cpy
}

func assertRuleModules(t *testing.T, name string, m *ast.Module) {
	t.Helper()
	for i, r := range m.Rules {
		for depth := 0; r != nil; r, depth = r.Else, depth+1 {
			if r.Module != m {
				t.Errorf("module %s: rule %d (else depth %d) does not point to its module", name, i, depth)
			}
		}
	}
}

// assertLocations compares the locations of every term and of every rule,
// head, expression and import, in walk order.
func assertLocations(t *testing.T, name string, got, want *ast.Module) {
	t.Helper()
	g, w := locations(got), locations(want)
	if len(g) != len(w) {
		t.Fatalf("module %s: %d located nodes, want %d", name, len(g), len(w))
	}
	for i := range g {
		if !sameLocation(g[i].loc, w[i].loc) {
			t.Errorf("module %s: node %d (%s): location %s, want %s", name, i, w[i].what, describe(g[i].loc), describe(w[i].loc))
		}
	}
}

type located struct {
	what string
	loc  *ast.Location
}

// locations lists the locations of m's package, imports and rules and of
// every node and term inside them (not of annotations and comments, which
// the codec drops), in walk order.
func locations(m *ast.Module) []located {
	var out []located
	add := func(x any) {
		ast.WalkNodes(x, func(n ast.Node) bool {
			out = append(out, located{fmt.Sprintf("%T %v", n, n), n.Loc()})
			return false
		})
		ast.WalkTerms(x, func(term *ast.Term) bool {
			out = append(out, located{"term " + term.String(), term.Location})
			return false
		})
	}
	add(m.Package)
	for _, imp := range m.Imports {
		add(imp)
		out = append(out, located{"import alias", imp.AliasLocation})
	}
	for _, r := range m.Rules {
		add(r)
	}
	return out
}

func sameLocation(a, b *ast.Location) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.File == b.File && a.Row == b.Row && a.Col == b.Col && a.Offset == b.Offset &&
		bytes.Equal(a.Text, b.Text) && slices.Equal(a.Tabs, b.Tabs) && (a.Tabs == nil) == (b.Tabs == nil)
}

func describe(l *ast.Location) string {
	if l == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%s:%d:%d@%d %q tabs=%v", l.File, l.Row, l.Col, l.Offset, l.Text, l.Tabs)
}

func TestEncodeIsDeterministic(t *testing.T) {
	modules := compiled(t)
	first, err := astcodec.Encode(modules)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		again, err := astcodec.Encode(modules)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("two encodings of the same modules differ")
		}
	}
	// Encoding what was decoded gives the same bytes: nothing is lost or
	// reordered on the way.
	decoded, err := astcodec.Decode(first)
	if err != nil {
		t.Fatal(err)
	}
	again, err := astcodec.Encode(decoded)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Fatal("encoding the decoded modules gives other bytes")
	}
}
