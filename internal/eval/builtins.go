package eval

import (
	"fmt"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/ctlint/ctlint/internal/iam"
	"github.com/ctlint/ctlint/internal/model"
)

// The builtins below expose internal/iam to rules. They are registered
// globally (once) so that the OPA compiler, the rule tests run by `go test`
// and `ctlint test`, and custom rules all see the same functions.
//
//	ctlint.iam.decide(policy, request)      -> {"effect", "allowing", "denying", "uncertain"}
//	ctlint.iam.matches(statement, request)  -> "true" | "false" | "unknown"
//	ctlint.iam.action_known(action)         -> boolean
//	ctlint.iam.suggest_action(action)       -> string ("" when nothing is close)
//	ctlint.iam.operator_known(operator)     -> boolean
//	ctlint.glob.match(pattern, value)       -> "true" | "false" | "unknown"
//	ctlint.display(string)                  -> string with unknown markers as ${expr}
//
// A request is {"principal": {"type", "id"}, "action", "resource",
// "context": {key: string | [string]}}; policy and statement are the objects
// of the input document (input.bucket_policies[_].policy, ...).
var registerOnce sync.Once

// RegisterBuiltins makes ctlint's builtins known to OPA. It is idempotent.
func RegisterBuiltins() {
	registerOnce.Do(func() {
		request := types.NewObject(nil, types.NewDynamicProperty(types.S, types.A))
		rego.RegisterBuiltin2(&rego.Function{
			Name: "ctlint.iam.decide",
			Decl: types.NewFunction(types.Args(types.A, request), types.NewObject(nil, types.NewDynamicProperty(types.S, types.A))),
			// Not Memoize: OPA's memo key is the arguments' text, which
			// costs the size of the whole policy on every call (quadratic
			// on a policy with thousands of statements). decideBuiltin
			// keeps the converted policy by its id instead.
		}, decideBuiltin)
		rego.RegisterBuiltin2(&rego.Function{
			Name: "ctlint.iam.matches",
			Decl: types.NewFunction(types.Args(types.A, request), types.S),
			// Not Memoize either: rules call it through lib.matches, whose
			// results OPA already caches by argument value, and Memoize
			// would print the whole statement as its key on every call.
		}, matchesBuiltin)
		rego.RegisterBuiltin1(&rego.Function{
			Name:    "ctlint.iam.action_known",
			Decl:    types.NewFunction(types.Args(types.S), types.B),
			Memoize: true,
		}, stringFunc(func(s string) ast.Value { return ast.Boolean(iam.ActionKnown(s)) }))
		rego.RegisterBuiltin1(&rego.Function{
			Name:    "ctlint.iam.suggest_action",
			Decl:    types.NewFunction(types.Args(types.S), types.S),
			Memoize: true,
		}, stringFunc(func(s string) ast.Value { return ast.String(iam.SuggestAction(s)) }))
		rego.RegisterBuiltin1(&rego.Function{
			Name:    "ctlint.iam.operator_known",
			Decl:    types.NewFunction(types.Args(types.S), types.B),
			Memoize: true,
		}, stringFunc(func(s string) ast.Value { return ast.Boolean(iam.OperatorKnown(s)) }))
		rego.RegisterBuiltin2(&rego.Function{
			Name: "ctlint.glob.match",
			Decl: types.NewFunction(types.Args(types.S, types.S), types.S),
		}, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			p, ok1 := a.Value.(ast.String)
			v, ok2 := b.Value.(ast.String)
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("ctlint.glob.match: operands must be strings")
			}
			return ast.StringTerm(iam.GlobMatch(string(p), string(v), false).String()), nil
		})
		rego.RegisterBuiltin1(&rego.Function{
			Name: "ctlint.display",
			Decl: types.NewFunction(types.Args(types.S), types.S),
		}, stringFunc(func(s string) ast.Value { return ast.String(model.Display(s)) }))
	})
}

func stringFunc(f func(string) ast.Value) rego.Builtin1 {
	return func(_ rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
		s, ok := a.Value.(ast.String)
		if !ok {
			return nil, fmt.Errorf("operand must be a string, got %s", ast.ValueName(a.Value))
		}
		return ast.NewTerm(f(string(s))), nil
	}
}

type policyCacheKey string

func decideBuiltin(bctx rego.BuiltinContext, pol, req *ast.Term) (*ast.Term, error) {
	obj, ok := pol.Value.(ast.Object)
	if !ok {
		return nil, fmt.Errorf("ctlint.iam.decide: policy must be an object, got %s", ast.ValueName(pol.Value))
	}
	// Converting a policy from the input costs more than deciding a request,
	// and rules ask several questions of one policy: convert once per
	// evaluation. Policy IDs are unique within a document. (Decisions
	// themselves are not memoized here: rules call this through
	// lib.decide, whose results OPA caches by argument value.)
	var p *model.Policy
	key := policyCacheKey(getString(obj, "id"))
	if bctx.Cache != nil && key != "" {
		if cached, ok := bctx.Cache.Get(key); ok {
			p = cached.(*model.Policy)
		}
	}
	if p == nil {
		p = policyFromAST(obj)
		if bctx.Cache != nil && key != "" {
			bctx.Cache.Put(key, p)
		}
	}
	r, err := requestFromAST(req)
	if err != nil {
		return nil, fmt.Errorf("ctlint.iam.decide: %w", err)
	}
	d := iam.Evaluate(p, r)
	return ast.ObjectTerm(
		ast.Item(ast.StringTerm("effect"), ast.StringTerm(d.Effect)),
		ast.Item(ast.StringTerm("allowing"), intsTerm(d.Allowing)),
		ast.Item(ast.StringTerm("denying"), intsTerm(d.Denying)),
		ast.Item(ast.StringTerm("uncertain"), intsTerm(d.Uncertain)),
	), nil
}

// statementCacheKey memoizes a statement's conversion by the identity of its
// input object: rules probe the same input statement with many requests,
// and converting it costs more than matching one request.
type statementCacheKey struct{ obj ast.Object }

func matchesBuiltin(bctx rego.BuiltinContext, stmt, req *ast.Term) (*ast.Term, error) {
	obj, ok := stmt.Value.(ast.Object)
	if !ok {
		return nil, fmt.Errorf("ctlint.iam.matches: statement must be an object, got %s", ast.ValueName(stmt.Value))
	}
	r, err := requestFromAST(req)
	if err != nil {
		return nil, fmt.Errorf("ctlint.iam.matches: %w", err)
	}
	var s *model.Statement
	key := statementCacheKey{obj}
	if bctx.Cache != nil {
		if cached, ok := bctx.Cache.Get(key); ok {
			s = cached.(*model.Statement)
		}
	}
	if s == nil {
		s = statementFromAST(obj)
		if bctx.Cache != nil {
			bctx.Cache.Put(key, s)
		}
	}
	return ast.StringTerm(iam.MatchStatement(s, r).String()), nil
}

func intsTerm(xs []int) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, x := range xs {
		terms[i] = ast.IntNumberTerm(x)
	}
	return ast.ArrayTerm(terms...)
}

func requestFromAST(t *ast.Term) (iam.Request, error) {
	obj, ok := t.Value.(ast.Object)
	if !ok {
		return iam.Request{}, fmt.Errorf("request must be an object, got %s", ast.ValueName(t.Value))
	}
	r := iam.Request{
		Action:   getString(obj, "action"),
		Resource: getString(obj, "resource"),
		Context:  map[string][]string{},
	}
	if p, ok := get(obj, "principal").(ast.Object); ok {
		r.Principal = iam.Principal{Type: getString(p, "type"), ID: getString(p, "id")}
	}
	if c, ok := get(obj, "context").(ast.Object); ok {
		var err error
		c.Foreach(func(k, v *ast.Term) {
			ks, ok := k.Value.(ast.String)
			if !ok {
				err = fmt.Errorf("context keys must be strings")
				return
			}
			key := strings.ToLower(string(ks))
			switch x := v.Value.(type) {
			case ast.String:
				r.Context[key] = append(r.Context[key], string(x))
			case *ast.Array:
				vals := []string{}
				x.Foreach(func(e *ast.Term) { vals = append(vals, scalarText(e.Value)) })
				r.Context[key] = append(r.Context[key], vals...)
			default:
				r.Context[key] = append(r.Context[key], scalarText(x))
			}
		})
		if err != nil {
			return r, err
		}
	}
	return r, nil
}

// policyFromAST rebuilds the parts of a policy the IAM engine reads from its
// Rego input form (see Input).
func policyFromAST(obj ast.Object) *model.Policy {
	p := &model.Policy{
		ID:         getString(obj, "id"),
		Kind:       getString(obj, "kind"),
		Version:    attrFromAST(get(obj, "version")),
		Unresolved: getString(obj, "unresolved"),
	}
	if stmts, ok := get(obj, "statements").(*ast.Array); ok {
		stmts.Foreach(func(t *ast.Term) {
			if s, ok := t.Value.(ast.Object); ok {
				p.Statements = append(p.Statements, statementFromAST(s))
			}
		})
	}
	return p
}

func statementFromAST(obj ast.Object) *model.Statement {
	s := &model.Statement{
		Index:    getInt(obj, "index"),
		Sid:      attrFromAST(get(obj, "sid")),
		Effect:   attrFromAST(get(obj, "effect")),
		Action:   elementFromAST(get(obj, "action")),
		Resource: elementFromAST(get(obj, "resource")),
	}
	if p, ok := get(obj, "principal").(ast.Object); ok {
		s.Principal = &model.Principal{Negated: getBool(p, "negated")}
		if es, ok := get(p, "entries").(*ast.Array); ok {
			es.Foreach(func(t *ast.Term) {
				if e, ok := t.Value.(ast.Object); ok {
					s.Principal.Entries = append(s.Principal.Entries, model.PrincipalEntry{Type: getString(e, "type"), Value: getString(e, "value")})
				}
			})
		}
	}
	if cs, ok := get(obj, "conditions").(*ast.Array); ok {
		cs.Foreach(func(t *ast.Term) {
			if c, ok := t.Value.(ast.Object); ok {
				s.Conditions = append(s.Conditions, &model.Condition{
					Operator: getString(c, "operator"),
					Key:      getString(c, "key"),
					Values:   valuesFromAST(get(c, "values")),
				})
			}
		})
	}
	return s
}

func elementFromAST(v ast.Value) *model.Element {
	obj, ok := v.(ast.Object)
	if !ok {
		return nil
	}
	return &model.Element{Negated: getBool(obj, "negated"), Values: valuesFromAST(get(obj, "values"))}
}

func valuesFromAST(v ast.Value) []model.Value {
	arr, ok := v.(*ast.Array)
	if !ok {
		return nil
	}
	out := make([]model.Value, 0, arr.Len())
	arr.Foreach(func(t *ast.Term) {
		switch x := t.Value.(type) {
		case ast.Object:
			out = append(out, model.Value{Value: getString(x, "value")})
		default:
			out = append(out, model.Value{Value: scalarText(x)})
		}
	})
	return out
}

func attrFromAST(v ast.Value) *model.Attr {
	obj, ok := v.(ast.Object)
	if !ok {
		return nil
	}
	a := &model.Attr{Known: getBool(obj, "known")}
	switch x := get(obj, "value").(type) {
	case ast.String:
		a.Value = string(x)
	case ast.Boolean:
		a.Value = bool(x)
	case ast.Number:
		f, _ := x.Float64()
		a.Value = f
	}
	return a
}

func get(obj ast.Object, key string) ast.Value {
	t := obj.Get(ast.StringTerm(key))
	if t == nil {
		return nil
	}
	return t.Value
}

func getString(obj ast.Object, key string) string {
	s, _ := get(obj, key).(ast.String)
	return string(s)
}

func getBool(obj ast.Object, key string) bool {
	b, _ := get(obj, key).(ast.Boolean)
	return bool(b)
}

func getInt(obj ast.Object, key string) int {
	n, ok := get(obj, key).(ast.Number)
	if !ok {
		return 0
	}
	i, _ := n.Int()
	return i
}

func scalarText(v ast.Value) string {
	switch x := v.(type) {
	case ast.String:
		return string(x)
	case nil:
		return ""
	}
	return v.String()
}
