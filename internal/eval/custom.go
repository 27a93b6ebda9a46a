package eval

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Custom rules are evaluated apart from the built-in ones, each in its own
// prepared query: a custom rule that fails at run time (conflicting values,
// a timeout) must not take the built-in findings down with it, nor another
// custom rule's. Built-in function errors in a custom rule's own files
// (to_number("x")), which OPA otherwise turns silently into "undefined",
// are collected and reported as *RuleError; the built-in library keeps its
// lenient behaviour.

// customQuery is one custom rule's prepared query.
type customQuery struct {
	rule  *Rule
	query rego.PreparedEvalQuery
}

// rulesQueryFor is rulesQuery restricted to the given packages.
func rulesQueryFor(pkgs []string) string {
	quoted := make([]string, len(pkgs))
	for i, p := range pkgs {
		quoted[i] = strconv.Quote(p)
	}
	set := "{" + strings.Join(quoted, ", ") + "}"
	return fmt.Sprintf(`report := {[pkg, f] | some pkg in %s; some f in data.ctlint.rules[pkg].report}
undecided := {[pkg, f] | some pkg in %s; some f in data.ctlint.rules[pkg].undecided}`, set, set)
}

// prepareQueries prepares, for each compiled part, the query over its
// built-in rules, and one query per custom rule.
func (e *Engine) prepareQueries(ctx context.Context, compilers []*ast.Compiler) error {
	builtin := make([][]string, len(compilers))
	for _, r := range e.rules {
		if r.Custom {
			pq, err := rego.New(rego.Query(rulesQueryFor([]string{r.Package})), rego.Compiler(compilers[r.part])).PrepareForEval(ctx)
			if err != nil {
				return fmt.Errorf("prepare rule %s: %w", r.ID, err)
			}
			e.custom = append(e.custom, customQuery{rule: r, query: pq})
			continue
		}
		builtin[r.part] = append(builtin[r.part], r.Package)
	}
	for i, c := range compilers {
		query := rulesQuery
		if len(e.custom) > 0 {
			sort.Strings(builtin[i])
			query = rulesQueryFor(builtin[i])
		}
		pq, err := rego.New(rego.Query(query), rego.Compiler(c)).PrepareForEval(ctx)
		if err != nil {
			return fmt.Errorf("prepare rules: %w", err)
		}
		e.queries = append(e.queries, pq)
	}
	return nil
}

// evalCustom evaluates one custom rule. Its entries are returned with the
// errors it raised: a hard evaluation error, or built-in function errors
// located in custom (not embedded) sources.
func (e *Engine) evalCustom(ctx context.Context, c customQuery, input ast.Value) (report, undecided []ruleEntry, errs []error) {
	var builtinErrs []topdown.Error
	report, undecided, err := e.evalQuery(ctx, c.query, input, rego.EvalBuiltinErrorList(&builtinErrs))
	if err != nil {
		return nil, nil, []error{&RuleError{Rule: c.rule.ID, Err: err}}
	}
	seen := map[string]bool{}
	for _, be := range builtinErrs {
		if be.Location == nil || strings.HasPrefix(be.Location.File, "policies/") {
			continue // the embedded library may meet odd input; it is lenient by design
		}
		msg := be.Error()
		if seen[msg] {
			continue // once per location, not once per statement
		}
		seen[msg] = true
		errs = append(errs, &RuleError{Rule: c.rule.ID, Err: fmt.Errorf("%s", msg)})
	}
	return report, undecided, errs
}
