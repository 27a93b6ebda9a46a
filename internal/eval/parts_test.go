package eval_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/lint"
)

// TestPartsDoNotChangeFindings lints every rule's examples, the bundled
// examples and the acceptance inputs with the rules compiled in one part,
// in three, and read back from the cache (written by an earlier engine):
// the findings must be the same, in the same order.
func TestPartsDoNotChangeFindings(t *testing.T) {
	paths, err := filepath.Glob("../../policies/rules/*/*/examples/*")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "../../examples", "../../testdata/acceptance")
	cacheDir := t.TempDir()
	if _, err := eval.New(context.Background(), eval.Options{Parts: 2, CacheDir: cacheDir}); err != nil {
		t.Fatal(err)
	}
	run := func(opts eval.Options) *lint.Result {
		t.Helper()
		e, err := eval.New(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if opts.CacheDir != "" && !eval.FromCache(e) {
			t.Fatal("the engine did not read the cache")
		}
		res, err := lint.Run(context.Background(), paths, lint.Options{Engine: e, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	one := run(eval.Options{Parts: 1})
	if len(one.Findings) < 200 {
		t.Fatalf("only %d findings: the inputs were not linted", len(one.Findings))
	}
	for name, opts := range map[string]eval.Options{
		"three parts":    {Parts: 3},
		"two from cache": {Parts: 2, CacheDir: cacheDir},
	} {
		other := run(opts)
		if reflect.DeepEqual(one.Findings, other.Findings) {
			continue
		}
		for i := range min(len(one.Findings), len(other.Findings)) {
			if !reflect.DeepEqual(one.Findings[i], other.Findings[i]) {
				t.Fatalf("finding %d differs:\none part: %+v\n%s: %+v", i, one.Findings[i], name, other.Findings[i])
			}
		}
		t.Fatalf("one part: %d findings, %s: %d", len(one.Findings), name, len(other.Findings))
	}
}
