package iam

import (
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// conditions ANDs every condition of a statement: several operators, and
// several keys under one operator, must all hold.
func (e *evaluator) conditions(cs []*model.Condition) Tri {
	t := True
	for _, c := range cs {
		if c == nil {
			return False // malformed; Evaluate skips such statements
		}
		if t = t.And(e.condition(c)); t == False {
			return False
		}
	}
	return t
}

// condition evaluates one key under one operator.
//
// Without a set qualifier a multi-valued request key matches when any of
// its values matches any policy value; a negated operator then holds when
// no request value matches any policy value. This is what AWS does for the
// single-valued operators applied to multi-valued keys, and it keeps a
// negated operator the exact complement of its positive form.
func (e *evaluator) condition(c *model.Condition) Tri {
	op, ok := ParseOperator(c.Operator)
	if !ok {
		return False // AWS rejects the policy; CT004 reports it
	}
	if model.HasUnknown(c.Key) {
		return Maybe // which key is tested cannot be told
	}
	reqValues := e.ctx.values(c.Key)
	present := len(reqValues) > 0
	if op.Kind == KindNull {
		return nullCheck(c.Values, present)
	}
	if !present {
		switch op.Set {
		case ForAllValues:
			return True // vacuously: every one of no values matches
		case ForAnyValue:
			return False
		}
		return triOf(op.IfExists || op.Negated)
	}
	cmp := comparisons[baseOperators[strings.ToLower(op.Name)].positive]
	// matchesSome: request value rv equals/matches some policy value (OR).
	matchesSome := func(rv string) Tri {
		t := False
		for _, pv := range c.Values {
			if t = t.Or(cmp(e, pv.Value, rv)); t == True {
				break
			}
		}
		return t
	}
	switch op.Set {
	case ForAllValues:
		t := True
		for _, rv := range reqValues {
			t = t.And(negateIf(matchesSome(rv), op.Negated))
		}
		return t
	case ForAnyValue:
		t := False
		for _, rv := range reqValues {
			t = t.Or(negateIf(matchesSome(rv), op.Negated))
		}
		return t
	}
	t := False
	for _, rv := range reqValues {
		t = t.Or(matchesSome(rv))
	}
	return negateIf(t, op.Negated)
}

func negateIf(t Tri, negate bool) Tri {
	if negate {
		return t.Not()
	}
	return t
}

// nullCheck implements Null: "true" holds when the key is absent, "false"
// when it is present; several values OR. A value that is not a boolean
// never holds.
func nullCheck(values []model.Value, present bool) Tri {
	t := False
	for _, v := range values {
		if model.HasUnknown(v.Value) {
			t = t.Or(Maybe)
			continue
		}
		switch strings.ToLower(v.Value) {
		case "true":
			t = t.Or(triOf(!present))
		case "false":
			t = t.Or(triOf(present))
		}
	}
	return t
}
