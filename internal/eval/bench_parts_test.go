package eval_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/lint"
	"github.com/ctlint/ctlint/tools/gencorpus/corpus"
)

// BenchmarkEvalParts lints a 20-module corpus with one worker and the rules
// compiled in one, two and four parts. The allocations are what compiling
// in parts (BenchmarkStartup) costs at evaluation: each part evaluates the
// library's shared helpers again. The time shows what evaluating a
// document's parts concurrently gains when cores are idle.
func BenchmarkEvalParts(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpus.Write(dir, 20); err != nil {
		b.Fatal(err)
	}
	b.Chdir(dir)
	for _, parts := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("parts=%d", parts), func(b *testing.B) {
			e, err := eval.New(context.Background(), eval.Options{Parts: parts})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				res, err := lint.Run(context.Background(), []string{"."}, lint.Options{Engine: e, Workers: 1})
				if err != nil || len(res.Findings) == 0 {
					b.Fatal(err, len(res.Findings))
				}
			}
		})
	}
}
