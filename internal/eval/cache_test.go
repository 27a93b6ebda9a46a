package eval

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/metrics"

	"github.com/ctlint/ctlint/internal/eval/astcodec"
	"github.com/ctlint/ctlint/internal/filecache"
)

// TestCachedRulesCompileAlike writes the compiled built-in rules to a cache
// and reads them back: every part's modules must print as the compiled
// ones, the metadata must be the same, and only compiledStages may run on
// the decoded modules.
func TestCachedRulesCompileAlike(t *testing.T) {
	RegisterBuiltins()
	cache := filecache.New(t.TempDir())
	compiled, rules, _, fromCache, err := builtinCompilers(2, cache)
	if err != nil {
		t.Fatal(err)
	}
	if fromCache {
		t.Fatal("an empty cache was read")
	}
	decoded, cachedRules, _, fromCache, err := builtinCompilers(2, cache)
	if err != nil {
		t.Fatal(err)
	}
	if !fromCache {
		t.Fatal("the second engine compiled the rules instead of reading the cache")
	}
	if !reflect.DeepEqual(cachedRules, rules) {
		t.Errorf("rule metadata differs after the cache:\n got %+v\nwant %+v", cachedRules, rules)
	}
	if len(decoded) != len(compiled) {
		t.Fatalf("%d parts from the cache, %d compiled", len(decoded), len(compiled))
	}
	for i := range compiled {
		if got, want := moduleNames(decoded[i]), moduleNames(compiled[i]); !reflect.DeepEqual(got, want) {
			t.Fatalf("part %d: modules %v from the cache, %v compiled", i, got, want)
		}
		for name, m := range compiled[i].Modules {
			if got, want := decoded[i].Modules[name].String(), withoutAnnotations(m).String(); got != want {
				t.Errorf("part %d: %s differs from the cache:\n--- cache\n%s\n--- compiled\n%s", i, name, got, want)
			}
		}
	}

	// Which stages ran: a stage a newer OPA adds would run on the decoded
	// modules, and belongs in allStages.
	enc, err := astcodec.Encode(compiled[0].Modules)
	if err != nil {
		t.Fatal(err)
	}
	modules, err := astcodec.Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	for _, indexed := range []bool{true, false} {
		want := len(compiledStages)
		if !indexed {
			want--
		}
		m := metrics.New()
		c := decodedCompiler(indexed).WithMetrics(m)
		c.Compile(modules)
		if c.Failed() {
			t.Fatal(c.Errors)
		}
		var ran []string
		for k := range m.All() {
			if strings.HasPrefix(k, "timer_compile_stage") {
				ran = append(ran, k)
			}
		}
		sort.Strings(ran)
		if len(ran) != want {
			t.Errorf("indexed %v: stages run on decoded modules: %v; want %d", indexed, ran, want)
		}
	}
}

// A part with comprehensions OPA indexes keeps its indices through the
// cache: the entry says so, and the stage runs again.
func TestIndexedComprehensionsAreRecorded(t *testing.T) {
	mod := func(src string) *ast.Module {
		return ast.MustParseModuleWithOpts(src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	}
	modules := map[string]*ast.Module{
		"lib.rego": mod("package ctlint.lib\nx := 1\n"),
		"a.rego": mod(`package ctlint.rules.a
report contains n if {
	some i
	k := input.xs[i].k
	ys := [y | some j; input.ys[j].k == k; y := input.ys[j]]
	n := count(ys)
}
`),
		"b.rego": mod("package ctlint.rules.b\nreport contains 1 if input.x\n"),
	}
	compilers, indexed, err := compileBuiltinParts(modules, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(indexed, []bool{true, false}) {
		t.Fatalf("indexed comprehensions per part: %v, want [true false]", indexed)
	}
	data, err := encodeCompiled(compilers, indexed, nil)
	if err != nil {
		t.Fatal(err)
	}
	decoded, _, err := decodeCompiled(data)
	if err != nil {
		t.Fatal(err)
	}
	var term *ast.Term
	ast.WalkTerms(decoded[0].Modules["a.rego"], func(t *ast.Term) bool {
		if _, ok := t.Value.(*ast.ArrayComprehension); ok {
			term = t
		}
		return false
	})
	if term == nil || decoded[0].ComprehensionIndex(term) == nil {
		t.Fatal("the decoded part has no index for its comprehension")
	}
}

func moduleNames(c *ast.Compiler) []string {
	var names []string
	for name := range c.Modules {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// An entry that is intact on disk but does not decode (written by a buggy
// version under the same key) is a miss, and is replaced.
func TestUndecodableEntryIsRecompiled(t *testing.T) {
	RegisterBuiltins()
	dir := t.TempDir()
	cache := filecache.New(dir)
	if _, _, _, _, err := builtinCompilers(1, cache); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("cache holds %v (%v), want one entry", entries, err)
	}
	name := entries[0].Name()
	if !strings.HasPrefix(name, "rules-") || !strings.HasSuffix(name, "-p1") {
		t.Fatalf("entry %q, want rules-<key>-p1", name)
	}
	good, ok := cache.Get(name)
	if !ok {
		t.Fatal("the entry written does not read back")
	}
	for _, bad := range [][]byte{[]byte("not an entry"), good[:len(good)/2], append(good[:len(good):len(good)], 1)} {
		if err := cache.Put(name, bad); err != nil {
			t.Fatal(err)
		}
		_, rules, _, fromCache, err := builtinCompilers(1, cache)
		if err != nil {
			t.Fatal(err)
		}
		if fromCache || len(rules) < 40 {
			t.Fatalf("fromCache %v with %d rules: a bad entry was used", fromCache, len(rules))
		}
		if again, _ := cache.Get(name); !reflect.DeepEqual(again, good) {
			t.Fatal("the bad entry was not replaced by a good one")
		}
	}
}

func TestCacheKeyCoversTheSources(t *testing.T) {
	RegisterBuiltins()
	base := fstest.MapFS{
		"lib/a.rego":            {Data: []byte("package ctlint.lib\nx := 1\n")},
		"rules/r/r.rego":        {Data: []byte("package ctlint.rules.r\nreport contains 1\n")},
		"rules/r/r_test.rego":   {Data: []byte("package ctlint.rules.r_test\n")},
		"rules/r/examples/a.tf": {Data: []byte("resource x y {}\n")},
	}
	key := func(fsys fstest.MapFS) string {
		t.Helper()
		k, err := builtinKey(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	with := func(name, data string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		if data == "" {
			delete(m, name)
		} else {
			m[name] = &fstest.MapFile{Data: []byte(data)}
		}
		return m
	}
	k := key(base)
	if k != key(base) {
		t.Fatal("the key is not deterministic")
	}
	for _, tc := range []struct {
		what, name, data string
		changes          bool
	}{
		{"a rule changes", "rules/r/r.rego", "package ctlint.rules.r\nreport contains 2\n", true},
		{"a rule is added", "rules/s/s.rego", "package ctlint.rules.s\n", true},
		{"a library file is removed", "lib/a.rego", "", true},
		{"a rule moves", "rules/r/r.rego", "", true},
		{"a test changes", "rules/r/r_test.rego", "package ctlint.rules.r_test\nx := 1\n", false},
		{"an example changes", "rules/r/examples/a.tf", "resource x z {}\n", false},
	} {
		fsys := with(tc.name, tc.data)
		if tc.what == "a rule moves" {
			fsys["rules/q/r.rego"] = base["rules/r/r.rego"]
		}
		if got := key(fsys) != k; got != tc.changes {
			t.Errorf("%s: key changed = %v, want %v", tc.what, got, tc.changes)
		}
	}
}

// The engine reports whether it read the cache (for the tests in eval_test).
func TestEngineFromCache(t *testing.T) {
	dir := t.TempDir()
	for i, want := range []bool{false, true} {
		e, err := New(context.Background(), Options{Parts: 1, CacheDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if e.fromCache != want {
			t.Errorf("engine %d: fromCache %v, want %v", i, e.fromCache, want)
		}
	}
	// Custom rules are always compiled, and the cache is not written.
	custom := t.TempDir()
	if err := os.WriteFile(filepath.Join(custom, "x.rego"), []byte("package custom.x\nreport := set()\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(dir)
	e, err := New(context.Background(), Options{PolicyDirs: []string{custom}, CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadDir(dir)
	if e.fromCache || len(after) != len(before) {
		t.Errorf("with custom rules: fromCache %v, entries %d -> %d", e.fromCache, len(before), len(after))
	}
}

// withoutAnnotations is m as a cache entry holds it: the rules' metadata
// is stored beside the modules, and comments are not kept.
func withoutAnnotations(m *ast.Module) *ast.Module {
	m = m.Copy()
	m.Annotations, m.Comments = nil, nil
	for _, r := range m.Rules {
		for ; r != nil; r = r.Else {
			r.Annotations = nil
		}
	}
	return m
}
