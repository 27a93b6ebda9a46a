package eval

import (
	"context"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// rulesQuery collects every rule's report and undecided entries in one
// evaluation. One query rather than one per set matters: OPA caches the
// helpers the rules share (lib.policies, probes, IAM decisions) for the
// duration of one evaluation only, so two queries would compute them twice.
const rulesQuery = `report := {[pkg, f] | some pkg; some f in data.ctlint.rules[pkg].report}
undecided := {[pkg, f] | some pkg; some f in data.ctlint.rules[pkg].undecided}`

// ruleEntry is one entry of a rule's report or undecided set. Its JSON form
// is what the result cache stores (results.go).
type ruleEntry struct {
	Package string `json:"package"`
	Entry   any    `json:"entry"`
}

// evalRules evaluates the prepared rules queries over input and returns the
// report and undecided entries, each tagged with its rule's package. The
// parts' queries run concurrently: a run with fewer documents than cores
// (a pre-commit hook on one file) would otherwise leave cores idle, and a
// run with more keeps them busy either way.
func (e *Engine) evalRules(ctx context.Context, input ast.Value) (report, undecided []ruleEntry, err error) {
	type result struct {
		report, undecided []ruleEntry
		err               error
	}
	results := make([]result, len(e.queries))
	var wg sync.WaitGroup
	for i, q := range e.queries[1:] {
		wg.Go(func() {
			r := &results[i+1]
			r.report, r.undecided, r.err = e.evalQuery(ctx, q, input)
		})
	}
	r := &results[0]
	r.report, r.undecided, r.err = e.evalQuery(ctx, e.queries[0], input)
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			return nil, nil, r.err
		}
		report = append(report, r.report...)
		undecided = append(undecided, r.undecided...)
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
		out = append(out, ruleEntry{Package: pkg, Entry: pair[1]})
	}
	return out
}
