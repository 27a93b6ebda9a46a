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
// examples and the acceptance inputs with the rules compiled in one part
// and in three: the findings must be the same, in the same order.
func TestPartsDoNotChangeFindings(t *testing.T) {
	paths, err := filepath.Glob("../../policies/rules/*/*/examples/*")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "../../examples", "../../testdata/acceptance")
	run := func(parts int) *lint.Result {
		t.Helper()
		e, err := eval.New(context.Background(), eval.Options{Parts: parts})
		if err != nil {
			t.Fatal(err)
		}
		res, err := lint.Run(context.Background(), paths, lint.Options{Engine: e, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	one, three := run(1), run(3)
	if len(one.Findings) < 200 {
		t.Fatalf("only %d findings: the inputs were not linted", len(one.Findings))
	}
	if !reflect.DeepEqual(one.Findings, three.Findings) {
		for i := range min(len(one.Findings), len(three.Findings)) {
			if !reflect.DeepEqual(one.Findings[i], three.Findings[i]) {
				t.Fatalf("finding %d differs:\none part:    %+v\nthree parts: %+v", i, one.Findings[i], three.Findings[i])
			}
		}
		t.Fatalf("one part: %d findings, three parts: %d", len(one.Findings), len(three.Findings))
	}
}
