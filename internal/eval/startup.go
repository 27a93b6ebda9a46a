package eval

import (
	"io/fs"
	"path"
	"runtime"
	"sort"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/metrics"

	"github.com/ctlint/ctlint/internal/iam"
	"github.com/ctlint/ctlint/policies"
)

// Every process compiles the rules before it reads its first file, so
// their compile time is the latency of a pre-commit hook on one file
// (BENCHMARKS.md). Three things keep it down: the built-in rules are
// compiled in parts on all cores, stages whose work the built-in rules do
// not need are skipped, and the sources are parsed in parallel.

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
	ast.StageCheckSafetyRuleHeads,
	ast.StageSetGraph, // read only by the recursion and type checks
	// Rewrites of constructs the built-in rules do not use (print calls,
	// rego.metadata calls, template strings): they would find nothing to
	// do. TestSkippedStagesChangeNothing holds the compiled rules equal to
	// a compilation with every stage.
	ast.StageRewritePrintCalls,
	ast.StageParseMetadataBlocks,
	ast.StageRewriteRegoMetadataCalls,
	ast.StageRewriteTemplateStrings,
}

// maxParts bounds how many parts the built-in rules are compiled in: every
// part compiles the whole library (about a seventh of the compile time)
// and evaluates the helpers its rules share once per document.
const maxParts = 4

// compileBuiltinParts compiles the built-in rules in parts, in parallel: each
// part holds every library module and a share of the rule packages (rules
// never refer to each other, only to the library). One OPA compiler is
// single-threaded and compiling is most of a one-file run, so on n cores
// the rules compile in about 1/n of the time. Evaluating the parts one
// after another costs about what one query over every rule costs: the
// rules share little work beyond reading the input.
//
// indexed[i] says whether part i has comprehensions OPA indexes: a cache
// entry records it so that decoding skips a stage that would find none
// (cache.go).
func compileBuiltinParts(modules map[string]*ast.Module, parts int) (compilers []*ast.Compiler, indexed []bool, err error) {
	groups := partition(modules, partsFor(parts))
	compilers = make([]*ast.Compiler, len(groups))
	ms := make([]metrics.Metrics, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		ms[i] = metrics.New()
		compilers[i] = ast.NewCompiler().
			WithDefaultRegoVersion(ast.RegoV1).
			WithEnablePrintStatements(false).
			WithSkipStages(verifiedStages...).
			WithMetrics(ms[i])
		wg.Go(func() { compilers[i].Compile(g) })
	}
	wg.Wait()
	var errs ast.Errors
	for _, c := range compilers {
		errs = append(errs, c.Errors...)
	}
	if len(errs) > 0 {
		return nil, nil, &CompileError{Errors: errs}
	}
	indexed = make([]bool, len(ms))
	for i, m := range ms {
		indexed[i] = m.Counter(comprehensionIndexCounter).Value().(uint64) > 0
	}
	return compilers, indexed, nil
}

// comprehensionIndexCounter is the compiler's count of comprehension
// indices built.
const comprehensionIndexCounter = "compile_stage_comprehension_index_build"

// partsFor is the number of parts Options.Parts asks for: 0 is one per
// core, up to maxParts.
func partsFor(parts int) int {
	if parts <= 0 {
		return min(runtime.GOMAXPROCS(0), maxParts)
	}
	return min(parts, maxParts)
}

// compileWithCustom compiles the built-in and custom rules together, with
// every check (custom rules have not been verified at build time).
func compileWithCustom(modules map[string]*ast.Module) ([]*ast.Compiler, error) {
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithEnablePrintStatements(false)
	c.Compile(modules)
	if c.Failed() {
		return nil, &CompileError{Errors: c.Errors}
	}
	return []*ast.Compiler{c}, nil
}

// partition splits modules into at most n groups: rule packages (below
// data.ctlint.rules) are dealt out in package order, and every other module
// (the library) goes into each group, copied, so that no two compilers
// share a module.
func partition(modules map[string]*ast.Module, n int) []map[string]*ast.Module {
	rulePrefix := ast.MustParseRef("data." + rulesRoot)
	var pkgs []string
	files := map[string][]string{}
	var shared []string
	for name, m := range modules {
		path := m.Package.Path
		if !path.HasPrefix(rulePrefix) || len(path) == len(rulePrefix) {
			shared = append(shared, name)
			continue
		}
		pkg := path.String()
		if files[pkg] == nil {
			pkgs = append(pkgs, pkg)
		}
		files[pkg] = append(files[pkg], name)
	}
	sort.Strings(pkgs)
	n = max(1, min(n, len(pkgs)))
	groups := make([]map[string]*ast.Module, n)
	for i := range groups {
		groups[i] = map[string]*ast.Module{}
		for _, name := range shared {
			if i == 0 {
				groups[i][name] = modules[name]
			} else {
				groups[i][name] = modules[name].Copy()
			}
		}
	}
	for i, pkg := range pkgs {
		for _, name := range files[pkg] {
			groups[i%n][name] = modules[name]
		}
	}
	return groups
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
