package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/lint"
	"github.com/ctlint/ctlint/internal/model"
)

// resultInputs are every rule's examples, the bundled examples and the
// acceptance inputs: every rule reports something on them.
func resultInputs(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../policies/rules/*/*/examples/*")
	if err != nil {
		t.Fatal(err)
	}
	return append(paths, "../../examples", "../../testdata/acceptance")
}

func lintWith(t *testing.T, e *eval.Engine, paths []string) *lint.Result {
	t.Helper()
	res, err := lint.Run(context.Background(), paths, lint.Options{Engine: e, Workers: 2, RetentionDays: 365, LogBucketScope: "cloudtrail"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestCachedResultsEqualEvaluation lints the inputs three times: without a
// cache, then twice with one. The first cached run evaluates every document
// and stores its answers, the second reads every answer back; the findings
// (and the per-file errors) must be the same, in the same order, each time.
func TestCachedResultsEqualEvaluation(t *testing.T) {
	paths := resultInputs(t)
	plain, err := eval.New(context.Background(), eval.Options{Parts: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := lintWith(t, plain, paths)
	if len(want.Findings) < 200 {
		t.Fatalf("only %d findings: the inputs were not linted", len(want.Findings))
	}
	if hits, misses := eval.ResultLookups(plain); hits != 0 || misses != 0 {
		t.Fatalf("an engine without a cache directory looked up results: %d hits, %d misses", hits, misses)
	}

	dir := t.TempDir()
	for run, wantHits := range []bool{false, true} {
		e, err := eval.New(context.Background(), eval.Options{Parts: 1, CacheDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		got := lintWith(t, e, paths)
		hits, misses := eval.ResultLookups(e)
		switch {
		case !wantHits && (hits != 0 || misses == 0):
			t.Fatalf("run %d: %d hits, %d misses in an empty cache", run, hits, misses)
		case wantHits && (misses != 0 || hits == 0):
			t.Fatalf("run %d: %d hits, %d misses, want every document from the cache", run, hits, misses)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			for i := range min(len(got.Findings), len(want.Findings)) {
				if !reflect.DeepEqual(got.Findings[i], want.Findings[i]) {
					t.Fatalf("run %d: finding %d differs:\n got %+v\nwant %+v", run, i, got.Findings[i], want.Findings[i])
				}
			}
			t.Fatalf("run %d: %d findings, want %d", run, len(got.Findings), len(want.Findings))
		}
		if !reflect.DeepEqual(got.Errors, want.Errors) {
			t.Fatalf("run %d: errors %v, want %v", run, got.Errors, want.Errors)
		}
	}
}

// TestResultsAreKeyedByTheWholeInput changes one setting of a document
// between two evaluations: the second must miss, and report what the new
// setting makes true, not what the cache holds.
func TestResultsAreKeyedByTheWholeInput(t *testing.T) {
	e, err := eval.New(context.Background(), eval.Options{Parts: 1, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	doc := func(retention int) *model.Document {
		return &model.Document{
			Scope:    model.Scope{Kind: model.ScopePolicyJSON, Path: "lifecycle.json", Files: []string{"lifecycle.json"}},
			Settings: model.Settings{RetentionDays: retention, LogBucketScope: "all"},
			Lifecycles: []*model.Lifecycle{{
				ID: "lifecycle.json", Bucket: "b",
				Rules: []*model.LifecycleRule{{
					ID:         &model.Attr{Value: "expire", Known: true},
					Status:     &model.Attr{Value: "Enabled", Known: true},
					Expiration: &model.Expiration{Days: &model.Attr{Value: float64(90), Known: true}},
				}},
			}},
		}
	}
	ids := func(retention int) []string {
		t.Helper()
		fs, err := e.Eval(context.Background(), doc(retention))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range fs {
			out = append(out, f.RuleID)
		}
		return out
	}
	short := ids(365)
	long := ids(30)
	if reflect.DeepEqual(short, long) {
		t.Fatalf("retention 365 and 30 gave the same findings %v: the second was read from the first's entry", short)
	}
	if hits, misses := eval.ResultLookups(e); hits != 0 || misses != 2 {
		t.Fatalf("%d hits, %d misses, want 0 and 2", hits, misses)
	}
	if again := ids(365); !reflect.DeepEqual(again, short) {
		t.Fatalf("from the cache %v, evaluated %v", again, short)
	}
	if hits, _ := eval.ResultLookups(e); hits != 1 {
		t.Fatalf("%d hits after evaluating the first document again, want 1", hits)
	}
}

// TestNoResultsWithCustomRules: custom rules are compiled with the built-in
// ones and may change what they answer, so such an engine keeps nothing.
func TestNoResultsWithCustomRules(t *testing.T) {
	dir := t.TempDir()
	e, err := eval.New(context.Background(), eval.Options{PolicyDirs: []string{"../../examples/custom-rules"}, CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	lintWith(t, e, []string{"../../examples"})
	if hits, misses := eval.ResultLookups(e); hits != 0 || misses != 0 {
		t.Fatalf("%d hits, %d misses with custom rules, want no lookups", hits, misses)
	}
	if _, err := os.Stat(filepath.Join(dir, "results")); !os.IsNotExist(err) {
		t.Fatalf("results written with custom rules (stat: %v)", err)
	}
}
