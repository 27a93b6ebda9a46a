package eval

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

// CheckSources is `opa fmt --list` and `opa check --strict` for Rego sources
// in fsys: every .rego file must be formatted as opa fmt would, and all of
// them (tests included) must compile in strict mode with ctlint's builtins.
// It returns one message per problem, sorted.
func CheckSources(fsys fs.FS, prefix string) ([]string, error) {
	RegisterBuiltins()
	var problems []string
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isRego(p, true) {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := prefix + p
		formatted, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
			return nil
		}
		if !bytes.Equal(formatted, src) {
			problems = append(problems, fmt.Sprintf("%s: not formatted (run opa fmt -w, or ctlint's regocheck -w)", name))
		}
		m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			problems = append(problems, err.Error())
			return nil
		}
		modules[name] = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithStrict(true).WithEnablePrintStatements(true)
	c.Compile(modules)
	for _, e := range c.Errors {
		problems = append(problems, e.Error())
	}
	sort.Strings(problems)
	return problems, nil
}
