package eval

import (
	"io/fs"
	"path"
	"runtime"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/ctlint/ctlint/internal/iam"
	"github.com/ctlint/ctlint/policies"
)

// Every process compiles the rules before it reads its first file, so
// their compile time is the latency of a pre-commit hook on one file
// (BENCHMARKS.md). Two things keep it down.

// verifiedStages are compiler stages that only check the rules (they report
// errors and change nothing evaluation uses). The built-in rules pass them
// all at build time: `go test ./internal/eval` compiles them with every stage,
// in strict mode, and runs their tests. A process linting with the
// built-in rules alone skips them; custom rules (--policy-dir) get every
// check, with the built-ins alongside.
var verifiedStages = []ast.StageID{
	ast.StageCheckUnusedImports,
	ast.StageCheckKeywordOverrides,
	ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRequiredCapabilities,
	ast.StageRewriteTestRulesForTracing,
}

// parseBuiltinModules parses the embedded .rego files on all cores: parsing
// is a quarter of the compile time, and files parse independently. Errors
// are reported for the first failing file in path order, as a sequential
// walk would.
func parseBuiltinModules(withTests bool, popts ast.ParserOptions) (map[string]*ast.Module, error) {
	type source struct {
		name string
		src  []byte
		mod  *ast.Module
		err  error
	}
	var sources []*source
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isRego(p, withTests) {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		sources = append(sources, &source{name: path.Join("policies", p), src: src})
		return nil
	})
	if err != nil {
		return nil, err
	}
	jobs := make(chan *source)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(sources)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				s.mod, s.err = ast.ParseModuleWithOpts(s.name, string(s.src), popts)
			}
		}()
	}
	for _, s := range sources {
		jobs <- s
	}
	close(jobs)
	wg.Wait()
	modules := make(map[string]*ast.Module, len(sources))
	for _, s := range sources {
		if s.err != nil {
			return nil, s.err
		}
		modules[s.name] = s.mod
	}
	return modules, nil
}

// warmCatalog decodes the IAM action catalog (half a megabyte of JSON,
// decoded on first use) on another core while the rules compile, instead of
// in the middle of the first evaluation.
func warmCatalog() {
	go iam.CatalogSource()
}
