package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego test.
type TestResult struct {
	Name     string // package.test_name
	Location string // file:line
	Failed   bool
	Err      error
}

// RunTests runs the Rego tests (test_* rules in *_test.rego files) of the
// built-in rules and of dirs, with ctlint's builtins available and builtin
// errors raised, and returns one result per test, sorted by name.
func RunTests(ctx context.Context, dirs []string) ([]TestResult, error) {
	RegisterBuiltins()
	modules, err := LoadModules(dirs, true)
	if err != nil {
		return nil, err
	}
	compiler := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		SetModules(modules).
		RunTests(ctx, nil)
	if err != nil {
		var errs ast.Errors
		if ok := asASTErrors(err, &errs); ok {
			return nil, &CompileError{Errors: errs}
		}
		return nil, fmt.Errorf("run rule tests: %w", err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Name: r.Package + "." + r.Name, Failed: r.Fail, Err: r.Error}
		if r.Location != nil {
			tr.Location = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		}
		out = append(out, tr)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// WriteTestResults prints results the way `opa test` does and returns the
// number of failures (errors count as failures).
func WriteTestResults(w io.Writer, results []TestResult, verbose bool) int {
	failed := 0
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(w, "ERROR %s (%s): %v\n", r.Name, r.Location, r.Err)
		case r.Failed:
			failed++
			fmt.Fprintf(w, "FAIL  %s (%s)\n", r.Name, r.Location)
		case verbose:
			fmt.Fprintf(w, "PASS  %s\n", r.Name)
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", len(results)-failed, failed)
	return failed
}

func asASTErrors(err error, target *ast.Errors) bool {
	return errors.As(err, target)
}
