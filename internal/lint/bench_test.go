package lint

import (
	"context"
	"io"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/report"
	"github.com/ctlint/ctlint/tools/gencorpus/corpus"
)

// Benchmarks run over a generated corpus (tools/gencorpus) written to a
// temporary directory; they are the numbers BENCHMARKS.md reports. The
// corpus size is modules per sub-benchmark; files per module is about 4.4.
var benchSizes = []struct {
	name    string
	modules int
}{
	{"modules=100", 100},
	{"modules=1000", 1000},
}

// benchCorpus writes a corpus of n modules into a fresh temporary directory
// and makes it the working directory, as a user linting their repository
// would, so that scopes display relative paths.
func benchCorpus(b *testing.B, n int) {
	b.Helper()
	dir := b.TempDir()
	if _, err := corpus.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	b.Chdir(dir)
}

var (
	benchEngineOnce sync.Once
	benchEngine     *eval.Engine
	benchEngineErr  error
)

func engineForBench(b *testing.B) *eval.Engine {
	b.Helper()
	// One part, as `ctlint lint .` compiles the rules for a directory.
	benchEngineOnce.Do(func() { benchEngine, benchEngineErr = eval.New(context.Background(), eval.Options{Parts: 1}) })
	if benchEngineErr != nil {
		b.Fatal(benchEngineErr)
	}
	return benchEngine
}

func benchOptions(e *eval.Engine) Options {
	return Options{Engine: e, MaxFileSize: DefaultMaxFileSize, RetentionDays: 365, LogBucketScope: "cloudtrail"}
}

// BenchmarkParseOnly is the floor: discover, read and parse every scope to
// documents on all cores, with no rule evaluated.
func BenchmarkParseOnly(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			benchCorpus(b, size.modules)
			r := &runner{opts: benchOptions(engineForBench(b))}
			r.opts.Workers = runtime.GOMAXPROCS(0)
			b.ReportAllocs()
			for b.Loop() {
				scopes, errs := r.discover([]string{"."})
				if len(errs) > 0 {
					b.Fatal(errs[0])
				}
				parallel(len(scopes), r.opts.Workers, func(i int) {
					if _, errs := r.loadAndParse(scopes[i]); hasError(errs) {
						b.Error(errs[0])
					}
				})
			}
		})
	}
}

// loadAndParse reads the content of a scope that discovery dropped, as
// lintScope does, and parses the scope.
func (r *runner) loadAndParse(sc scope) ([]*model.Document, []*parse.Error) {
	if err := sc.load(r.opts.MaxFileSize); err != nil {
		return nil, []*parse.Error{err}
	}
	return r.parse(sc)
}

// BenchmarkLint is the whole pipeline as `ctlint lint .` runs it, without
// the rule compilation (BenchmarkStartup in internal/eval) and the report.
func BenchmarkLint(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			benchCorpus(b, size.modules)
			lintCorpus(b, benchOptions(engineForBench(b)))
		})
	}
}

// BenchmarkLintCachedResults is BenchmarkLint run again over an unchanged
// corpus with the result cache (internal/eval/results.go) holding every
// document's answers: what a re-run costs when nothing changed.
func BenchmarkLintCachedResults(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			benchCorpus(b, size.modules)
			e, err := eval.New(context.Background(), eval.Options{Parts: 1, CacheDir: b.TempDir()})
			if err != nil {
				b.Fatal(err)
			}
			opts := benchOptions(e)
			if _, err := Run(context.Background(), []string{"."}, opts); err != nil {
				b.Fatal(err)
			}
			lintCorpus(b, opts)
		})
	}
}

// lintCorpus lints the working directory once per iteration; every run
// must find something and fail on nothing.
func lintCorpus(b *testing.B, opts Options) {
	b.ReportAllocs()
	for b.Loop() {
		res, err := Run(context.Background(), []string{"."}, opts)
		if err != nil {
			b.Fatal(err)
		}
		if res.HasErrors() || len(res.Findings) == 0 {
			b.Fatalf("%d errors, %d findings", len(res.Errors), len(res.Findings))
		}
	}
}

// BenchmarkStage measures each stage of the pipeline alone, on one core, over
// the 100-module corpus: parse (read and parse every scope), input (build the
// Rego input of every document), eval (evaluate the rules on every
// document) and report (render the findings as JSON and SARIF).
func BenchmarkStage(b *testing.B) {
	benchCorpus(b, 100)
	e := engineForBench(b)
	r := &runner{opts: benchOptions(e)}
	scopes, errs := r.discover([]string{"."})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	var docs []*model.Document
	for _, sc := range scopes {
		ds, errs := r.loadAndParse(sc)
		if hasError(errs) {
			b.Fatal(errs[0])
		}
		for _, d := range ds {
			d.Settings = model.Settings{RetentionDays: 365, LogBucketScope: "cloudtrail"}
		}
		docs = append(docs, ds...)
	}
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, sc := range scopes {
				r.parse(sc)
			}
		}
	})
	b.Run("input", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				eval.Input(d)
			}
		}
	})
	b.Run("eval", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				if _, err := e.Eval(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	res, err := Run(context.Background(), []string{"."}, benchOptions(e))
	if err != nil {
		b.Fatal(err)
	}
	rep := &report.Result{Findings: res.Findings, Errors: res.Errors, Files: len(res.Files)}
	for _, format := range []string{"json", "sarif"} {
		b.Run("report/"+format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := report.Write(io.Discard, format, rep, report.Options{Source: readSource}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func readSource(file string) []byte {
	data, _ := os.ReadFile(file)
	return data
}

func hasError(errs []*parse.Error) bool {
	for _, e := range errs {
		if !e.Warning {
			return true
		}
	}
	return false
}

// parallel calls fn(0..n-1) on workers goroutines.
func parallel(n, workers int, fn func(int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fn(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
