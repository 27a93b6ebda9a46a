package tfplan

import (
	"errors"
	"strconv"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/policydoc"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// policy reads a policy argument: a JSON string in plans. Positions are
// those of the JSON string's content inside the plan file, or, when the
// resource is mapped to its .tf block, the range of the policy argument
// there (exact statement lines of the configuration are not recoverable
// from a rendered string).
func (p *parser) policy(v val, id, kind string) *model.Policy {
	id = p.uniquePolicyID(id)
	var pol *model.Policy
	switch {
	case v.wholeUnknown():
		pol = policydoc.FromNode(&tree.Node{Kind: tree.Unknown, Text: model.Unknown(v.expr()), Range: v.rng()}, id, kind)
	case v.n == nil || v.n.Kind != tree.String:
		pol = policydoc.FromNode(v.n, id, kind)
	default:
		pol = p.policyString(v.n, id, kind)
	}
	if r, ok := p.tf.locate(v.in, v.path); ok {
		retarget(pol, r)
	}
	return pol
}

// policyString parses the policy held by a JSON string literal of the plan.
func (p *parser) policyString(lit *tree.Node, id, kind string) *model.Policy {
	res, err := jsonpos.ParseString(p.file.Path, p.file.Data, lit.Range)
	if err != nil {
		pol := &model.Policy{ID: id, Kind: kind, Range: lit.Range, Statements: []*model.Statement{}}
		at := lit.Range
		msg := err.Error()
		var pe *parse.Error
		if errors.As(err, &pe) {
			at = model.Range{File: pe.File, Line: pe.Line, Column: pe.Column, EndLine: pe.Line, EndColumn: pe.Column + 1}
			msg = pe.Message
		}
		pol.Problems = []model.Problem{{Message: "the policy string is not valid JSON: " + msg, Range: at}}
		return pol
	}
	return policydoc.FromNode(res.Root, id, kind)
}

// uniquePolicyID returns id, or id with a "#policy" suffix when a policy
// with that ID exists already (IAM builtins look policies up by ID).
func (p *parser) uniquePolicyID(id string) string {
	candidate := id
	for i := 1; p.policyIDs[candidate]; i++ {
		candidate = id + "#policy"
		if i > 1 {
			candidate += strconv.Itoa(i)
		}
	}
	p.policyIDs[candidate] = true
	return candidate
}

// retarget points every range of a policy at r.
func retarget(pol *model.Policy, r model.Range) {
	set := func(x *model.Range) {
		*x = r
	}
	attr := func(a *model.Attr) {
		if a != nil {
			set(&a.Range)
		}
	}
	values := func(vs []model.Value) {
		for i := range vs {
			set(&vs[i].Range)
		}
	}
	set(&pol.Range)
	attr(pol.Version)
	for i := range pol.Problems {
		set(&pol.Problems[i].Range)
	}
	for _, s := range pol.Statements {
		set(&s.Range)
		attr(s.Sid)
		attr(s.Effect)
		if s.Principal != nil {
			set(&s.Principal.Range)
			for i := range s.Principal.Entries {
				set(&s.Principal.Entries[i].Range)
			}
		}
		for _, e := range []*model.Element{s.Action, s.Resource} {
			if e != nil {
				set(&e.Range)
				values(e.Values)
			}
		}
		for _, c := range s.Conditions {
			set(&c.Range)
			set(&c.OperatorRange)
			values(c.Values)
		}
	}
}
