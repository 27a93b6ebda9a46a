package eval

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// rulesQuery collects every rule's report and undecided entries in one
// evaluation. One query rather than one per set matters: OPA caches the
// helpers the rules share (lib.policies, probes, IAM decisions) for the
// duration of one evaluation only, so two queries would compute them twice.
const rulesQuery = `report := {[pkg, f] | some pkg; some f in data.ctlint.rules[pkg].report}
undecided := {[pkg, f] | some pkg; some f in data.ctlint.rules[pkg].undecided}`

// ruleEntry is one entry of a rule's report or undecided set.
type ruleEntry struct {
	pkg   string
	entry any
}

// evalRules evaluates the prepared rules queries over input and returns the
// report and undecided entries, each tagged with its rule's package.
func (e *Engine) evalRules(ctx context.Context, input ast.Value) (report, undecided []ruleEntry, err error) {
	for _, q := range e.queries {
		r, u, err := e.evalQuery(ctx, q, input)
		if err != nil {
			return nil, nil, err
		}
		report = append(report, r...)
		undecided = append(undecided, u...)
	}
	return report, undecided, nil
}

// evalQuery evaluates a rules query (rulesQuery or rulesQueryFor).
func (e *Engine) evalQuery(ctx context.Context, q rego.PreparedEvalQuery, input ast.Value, opts ...rego.EvalOption) (report, undecided []ruleEntry, err error) {
	rs, err := q.Eval(ctx, append([]rego.EvalOption{rego.EvalParsedInput(input)}, opts...)...)
	if err != nil {
		return nil, nil, err
	}
	if len(rs) != 1 {
		return nil, nil, fmt.Errorf("rules query: %d results, want 1", len(rs))
	}
	return entries(rs[0].Bindings["report"]), entries(rs[0].Bindings["undecided"]), nil
}

// entries reads a set of [package, entry] pairs.
func entries(v any) []ruleEntry {
	pairs, _ := v.([]any)
	out := make([]ruleEntry, 0, len(pairs))
	for _, p := range pairs {
		pair, ok := p.([]any)
		if !ok || len(pair) != 2 {
			continue
		}
		pkg, _ := pair[0].(string)
		out = append(out, ruleEntry{pkg: pkg, entry: pair[1]})
	}
	return out
}
