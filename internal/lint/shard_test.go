package lint

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/tools/gencorpus/corpus"
)

var (
	testEngineOnce sync.Once
	testEngine     *eval.Engine
	testEngineErr  error
)

func sharedEngine(t testing.TB) *eval.Engine {
	t.Helper()
	testEngineOnce.Do(func() { testEngine, testEngineErr = eval.New(context.Background(), eval.Options{}) })
	if testEngineErr != nil {
		t.Fatal(testEngineErr)
	}
	return testEngine
}

// corpusDir writes a small generated corpus and makes it the working
// directory, so that scopes have the relative display paths shards hash.
func corpusDir(t *testing.T, modules int) {
	t.Helper()
	dir := t.TempDir()
	if _, err := corpus.Write(dir, modules); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
}

func findingKeys(fs []finding.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s:%d:%d:%d:%d %s %s %s", f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.RuleID, f.Resource, f.Message)
	}
	return out
}

func TestShardsCoverEveryScopeOnce(t *testing.T) {
	corpusDir(t, 12) // 48 Terraform files in 12 scopes, 6 templates
	opts := Options{Engine: sharedEngine(t)}
	all, err := Run(context.Background(), []string{"."}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if all.Scopes != 18 || len(all.Files) != 54 || len(all.Findings) == 0 {
		t.Fatalf("unsharded run: %d scopes, %d files, %d findings; want 18, 54, some", all.Scopes, len(all.Files), len(all.Findings))
	}
	const n = 3
	var scopes int
	var files, findings []string
	for k := 1; k <= n; k++ {
		opts.Shard = Shard{Index: k, Count: n}
		res, err := Run(context.Background(), []string{"."}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if res.Scopes == 0 || res.Scopes == all.Scopes {
			t.Errorf("shard %d/%d has %d of %d scopes: not a proper part", k, n, res.Scopes, all.Scopes)
		}
		scopes += res.Scopes
		files = append(files, res.Files...)
		findings = append(findings, findingKeys(res.Findings)...)
	}
	if scopes != all.Scopes {
		t.Errorf("shards lint %d scopes together, want %d", scopes, all.Scopes)
	}
	slices.Sort(files)
	if !slices.Equal(files, all.Files) {
		t.Errorf("shards lint files\n%v\nwant\n%v", files, all.Files)
	}
	slices.Sort(findings)
	want := findingKeys(all.Findings)
	slices.Sort(want)
	if !slices.Equal(findings, want) {
		t.Errorf("shards find %d findings together, the unsharded run %d", len(findings), len(want))
	}
}

func TestShardSelectsByHashedPath(t *testing.T) {
	// FNV-1a("a") = 0xe40c292c = 3826002220; mod 4 = 0, mod 3 = 1.
	for _, tc := range []struct {
		key   string
		shard Shard
		want  bool
	}{
		{"a", Shard{1, 4}, true},
		{"a", Shard{2, 4}, false},
		{"a", Shard{2, 3}, true},
		{"a", Shard{1, 3}, false},
		{"a", Shard{}, true},
		{"a", Shard{1, 1}, true},
	} {
		if got := tc.shard.selects(tc.key); got != tc.want {
			t.Errorf("Shard %v selects %q = %v, want %v", tc.shard, tc.key, got, tc.want)
		}
	}
}

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Shard
		wantErr bool
	}{
		{"1/1", Shard{1, 1}, false},
		{"2/4", Shard{2, 4}, false},
		{"4/4", Shard{4, 4}, false},
		{"0/4", Shard{}, true},
		{"5/4", Shard{}, true},
		{"1/0", Shard{}, true},
		{"-1/2", Shard{}, true},
		{"2", Shard{}, true},
		{"a/b", Shard{}, true},
		{"", Shard{}, true},
	} {
		got, err := ParseShard(tc.in)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("ParseShard(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

// One worker or several: the same findings, errors and files, in the same
// order.
func TestWorkersDoNotChangeResults(t *testing.T) {
	corpusDir(t, 12)
	var results []*Result
	for _, workers := range []int{1, 4} {
		res, err := Run(context.Background(), []string{"."}, Options{Engine: sharedEngine(t), Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
	}
	one, many := results[0], results[1]
	if !slices.Equal(findingKeys(one.Findings), findingKeys(many.Findings)) {
		t.Errorf("1 worker: %d findings; 4 workers: %d findings, or a different order", len(one.Findings), len(many.Findings))
	}
	if !slices.Equal(one.Files, many.Files) || len(one.Errors) != len(many.Errors) || len(one.Findings) == 0 {
		t.Errorf("1 worker: %d files, %d errors, %d findings; 4 workers: %d, %d, %d",
			len(one.Files), len(one.Errors), len(one.Findings), len(many.Files), len(many.Errors), len(many.Findings))
	}
}
