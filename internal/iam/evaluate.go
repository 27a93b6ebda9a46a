package iam

import (
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// CurrentVersion is the policy language version under which policy
// variables are substituted; under 2008-10-17, or without a Version, they
// are literal text.
const CurrentVersion = "2012-10-17"

// evaluator holds what every statement of one evaluation shares.
type evaluator struct {
	req  Request
	ctx  context
	vars bool // substitute policy variables
}

func newEvaluator(req Request, vars bool) *evaluator {
	return &evaluator{req: req, ctx: newContext(req.Context), vars: vars}
}

func evaluate(p *model.Policy, req Request) Decision {
	if p == nil {
		return Decision{Effect: ImplicitDeny}
	}
	if p.Unresolved != "" {
		return Decision{Effect: Undecided}
	}
	e := newEvaluator(req, variablesEnabled(p))
	var d Decision
	denyMaybe, allowMaybe := false, false
	for _, s := range p.Statements {
		effect, ok := statementEffect(s)
		if !ok {
			continue
		}
		switch e.statement(s) {
		case True:
			if effect == "Deny" {
				d.Denying = append(d.Denying, s.Index)
			} else {
				d.Allowing = append(d.Allowing, s.Index)
			}
		case Maybe:
			d.Uncertain = append(d.Uncertain, s.Index)
			if effect == "Deny" {
				denyMaybe = true
			} else {
				allowMaybe = true
			}
		}
	}
	switch {
	case len(d.Denying) > 0:
		d.Effect = Deny
	case len(d.Allowing) > 0 && denyMaybe:
		d.Effect = Undecided
	case len(d.Allowing) > 0:
		d.Effect = Allow
	case allowMaybe:
		d.Effect = Undecided
	default:
		d.Effect = ImplicitDeny
	}
	slices.Sort(d.Allowing)
	slices.Sort(d.Denying)
	slices.Sort(d.Uncertain)
	return d
}

// statementEffect returns a statement's effect when the statement is one
// AWS would accept: Effect exactly Allow or Deny, and only condition
// operators IAM defines.
func statementEffect(s *model.Statement) (string, bool) {
	if s == nil || s.Effect == nil || !s.Effect.Known {
		return "", false
	}
	effect := s.Effect.String()
	if effect != "Allow" && effect != "Deny" {
		return "", false
	}
	for _, c := range s.Conditions {
		if c == nil || !OperatorKnown(c.Operator) {
			return "", false
		}
	}
	return effect, true
}

func variablesEnabled(p *model.Policy) bool {
	return p.Version != nil && p.Version.Known && p.Version.String() == CurrentVersion
}

func matchStatement(s *model.Statement, req Request) Tri {
	return newEvaluator(req, true).statement(s)
}

// MatchStatementIn is MatchStatement with the policy's Version deciding
// whether policy variables are substituted (MatchStatement assumes the
// current version, 2012-10-17).
func MatchStatementIn(p *model.Policy, s *model.Statement, req Request) Tri {
	return newEvaluator(req, p != nil && variablesEnabled(p)).statement(s)
}

// statement ANDs principal, action, resource and conditions, cheapest
// first, stopping at the first certain mismatch.
func (e *evaluator) statement(s *model.Statement) Tri {
	if s == nil {
		return False
	}
	t := matchPrincipal(s.Principal, e.req.Principal)
	if t == False {
		return False
	}
	if t = t.And(e.action(s.Action)); t == False {
		return False
	}
	if t = t.And(e.resource(s.Resource)); t == False {
		return False
	}
	return t.And(e.conditions(s.Conditions))
}

// action matches Action or NotAction. A statement with neither grants
// nothing (AWS rejects it; CT001 reports it).
func (e *evaluator) action(el *model.Element) Tri {
	if el == nil {
		return False
	}
	var value []token // tokenized on first need
	t := False
	for _, v := range el.Values {
		m, ok := literalMatch(v.Value, e.req.Action, true, true)
		if !ok {
			if value == nil {
				value = tokenize(partsOf(e.req.Action, true), false, true)
			}
			m = matchTokens(tokenize(partsOf(v.Value, false), true, true), value)
		}
		if t = t.Or(m); t == True {
			break
		}
	}
	return negateIf(t, el.Negated)
}

// resource matches Resource or NotResource, case-sensitively, with policy
// variables. A statement with neither applies to any resource.
func (e *evaluator) resource(el *model.Element) Tri {
	if el == nil {
		return True
	}
	var value []token // tokenized on first need
	t := False
	for _, v := range el.Values {
		m, ok := e.literalMatch(v.Value, e.req.Resource, true, false)
		if !ok {
			pattern, resolved := e.policyTokens(v.Value, true, false)
			if !resolved {
				continue // a variable the request lacks: this value cannot match
			}
			if value == nil {
				value = tokenize(partsOf(e.req.Resource, true), false, false)
			}
			m = matchTokens(pattern, value)
		}
		if t = t.Or(m); t == True {
			break
		}
	}
	return negateIf(t, el.Negated)
}

// literalMatch is the package literalMatch for policy values, which may
// also hold policy variables.
func (e *evaluator) literalMatch(pattern, value string, like, fold bool) (Tri, bool) {
	if e.vars && strings.Contains(pattern, "${") {
		return False, false
	}
	return literalMatch(pattern, value, like, fold)
}

// policyTokens tokenizes a policy value after substituting variables; ok is
// false when a variable is absent from the request.
func (e *evaluator) policyTokens(s string, like, fold bool) ([]token, bool) {
	parts, ok := policyParts(s, e.vars, e.ctx)
	if !ok {
		return nil, false
	}
	return tokenize(parts, like, fold), true
}

// policyText substitutes variables in a policy value that is compared as a
// scalar; markers in it stay markers.
func (e *evaluator) policyText(s string) (string, bool) {
	parts, ok := policyParts(s, e.vars, e.ctx)
	if !ok {
		return "", false
	}
	var out []byte
	for _, p := range parts {
		if p.marker {
			out = append(out, model.Unknown(p.text)...)
		} else {
			out = append(out, p.text...)
		}
	}
	return string(out), true
}
