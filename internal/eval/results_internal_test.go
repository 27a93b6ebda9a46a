package eval

import (
	"errors"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestFailedEvaluationIsNotStored: an evaluation that fails (a rule error,
// --timeout) leaves no entry, so the next run evaluates the document again
// instead of reading an empty answer.
func TestFailedEvaluationIsNotStored(t *testing.T) {
	c := newResultCache(t.TempDir(), "rules key")
	if c == nil {
		t.Fatal("no result cache for a directory and a rules key")
	}
	input := ast.MustParseTerm(`{"scope": {"path": "main.tf"}}`).Value
	failed := errors.New("evaluation cancelled")
	if _, _, err := c.getOrEval(input, func() ([]ruleEntry, []ruleEntry, error) { return nil, nil, failed }); !errors.Is(err, failed) {
		t.Fatalf("error %v, want the evaluation's", err)
	}
	want := []ruleEntry{{Package: "trail_logging_disabled", Entry: map[string]any{"message": "m"}}}
	evaluated := 0
	evaluate := func() ([]ruleEntry, []ruleEntry, error) {
		evaluated++
		return want, nil, nil
	}
	for range 2 {
		report, undecided, err := c.getOrEval(input, evaluate)
		if err != nil || !reflect.DeepEqual(report, want) || len(undecided) != 0 {
			t.Fatalf("got %v, %v, %v; want %v", report, undecided, err, want)
		}
	}
	if evaluated != 1 {
		t.Fatalf("evaluated %d times, want once: the failure was stored or the answer was not", evaluated)
	}
	if hits, misses := c.hits.Load(), c.misses.Load(); hits != 1 || misses != 2 {
		t.Fatalf("%d hits, %d misses, want 1 and 2", hits, misses)
	}
}

// TestNoResultCacheWithoutKey: no directory, or no rules key (an engine
// with custom rules), keeps no results.
func TestNoResultCacheWithoutKey(t *testing.T) {
	if c := newResultCache("", "rules key"); c != nil {
		t.Error("a result cache without a directory")
	}
	if c := newResultCache(t.TempDir(), ""); c != nil {
		t.Error("a result cache without a rules key")
	}
}

// TestValueHashTellsValuesApart: values that differ only in how their
// content splits into parts, or in type, must not name the same entry;
// equal values built apart must.
func TestValueHashTellsValuesApart(t *testing.T) {
	c := newResultCache(t.TempDir(), "rules key")
	name := func(src string) string { return c.name(ast.MustParseTerm(src).Value) }
	distinct := []string{
		`["ab"]`, `["a", "b"]`, `["a", "b", ""]`, `[["a"], "b"]`,
		`{"a": "b"}`, `{"ab": ""}`, `{"a": {"b": ""}}`,
		`"1"`, `1`, `1.0`, `"true"`, `true`, `false`, `null`, `""`, `[]`, `{}`, `[null]`,
	}
	seen := map[string]string{}
	for _, src := range distinct {
		n := name(src)
		if other, ok := seen[n]; ok {
			t.Errorf("%s and %s name the same entry", src, other)
		}
		seen[n] = src
	}
	built := ast.NewObject(
		ast.Item(ast.StringTerm("a"), ast.ArrayTerm(ast.IntNumberTerm(1), ast.StringTerm("x"))),
		ast.Item(ast.StringTerm("b"), ast.NullTerm()),
	)
	if name(`{"a": [1, "x"], "b": null}`) != c.name(built) {
		t.Error("equal values name different entries")
	}
	other := newResultCache(t.TempDir(), "other rules key")
	if other.name(ast.String("x")) == c.name(ast.String("x")) {
		t.Error("the rules key does not change the entry name")
	}
}
