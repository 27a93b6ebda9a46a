package terraform

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// syntaxNode builds the tree of a jsonencode() argument from its HCL syntax,
// so that every statement, element and value keeps the range it was written
// at. Only leaves are evaluated. Locals and variables holding object or
// tuple syntax are followed, with ranges where they are written.
func (e *env) syntaxNode(expr hclsyntax.Expression, depth int) *tree.Node {
	p := e.m.p
	rng := p.rng(expr.Range())
	if depth > maxFollow {
		return e.valueNode(expr)
	}
	switch x := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		n := &tree.Node{Kind: tree.Object, Range: rng}
		for _, item := range x.Items {
			key, ok := e.objectKey(item.KeyExpr)
			if !ok {
				// A key that cannot be known: the whole object is unknown
				// rather than missing a member silently.
				return &tree.Node{Kind: tree.Unknown, Text: model.Unknown(p.text(expr.Range())), Range: rng}
			}
			n.Keys = append(n.Keys, &tree.Field{Key: key, KeyRange: p.rng(item.KeyExpr.Range()), Value: e.syntaxNode(item.ValueExpr, depth+1)})
		}
		return n
	case *hclsyntax.TupleConsExpr:
		n := &tree.Node{Kind: tree.Array, Range: rng}
		for _, el := range x.Exprs {
			n.Items = append(n.Items, e.syntaxNode(el, depth+1))
		}
		return n
	case *hclsyntax.ParenthesesExpr:
		return e.syntaxNode(x.Expression, depth+1)
	case *hclsyntax.ScopeTraversalExpr:
		names := traversalNames(x.Traversal)
		if len(names) == 2 && len(x.Traversal) == 2 {
			if src, ok := e.followSyntax(names[0], names[1]); ok {
				return src.env.syntaxNode(src.expr.(hclsyntax.Expression), depth+1)
			}
		}
	}
	return e.valueNode(expr)
}

// followSyntax returns the expression that defines local.<name> or
// var.<name> when it is written as object or tuple syntax.
func (e *env) followSyntax(root, name string) (exprIn, bool) {
	m := e.m
	var src exprIn
	switch root {
	case "local":
		a := m.cfg.locals[name]
		if a == nil || m.localState[name] == visiting {
			return exprIn{}, false
		}
		src = exprIn{expr: a.Expr, env: m.env()}
	case "var":
		if _, cli := m.p.opts.Vars[name]; cli && m.parent == nil {
			return exprIn{}, false
		}
		s, ok := m.variableSource(name)
		if !ok {
			return exprIn{}, false
		}
		src = s
	default:
		return exprIn{}, false
	}
	switch src.expr.(type) {
	case *hclsyntax.ObjectConsExpr, *hclsyntax.TupleConsExpr:
		return src, true
	}
	return exprIn{}, false
}

// objectKey evaluates an object constructor key: a bare name is the name
// itself, as in jsonencode({ Version = "..." }).
func (e *env) objectKey(k hclsyntax.Expression) (string, bool) {
	if key, isKey := k.(*hclsyntax.ObjectConsKeyExpr); isKey {
		if !key.ForceNonLiteral {
			if kw := hcl.ExprAsKeyword(key.Wrapped); kw != "" {
				return kw, true
			}
		}
		k = key.Wrapped
	}
	v := e.eval(k)
	s, known := stringOf(v)
	if !known {
		return "", false
	}
	return s, true
}

// valueNode evaluates a leaf and converts its value; a value that is one
// marker becomes an Unknown node.
func (e *env) valueNode(expr hcl.Expression) *tree.Node {
	return valueTree(e.eval(expr), e.m.p.rng(expr.Range()), 0)
}

func valueTree(v cty.Value, r model.Range, depth int) *tree.Node {
	if v.IsNull() {
		return &tree.Node{Kind: tree.Null, Range: r}
	}
	if depth > maxFollow*4 {
		return &tree.Node{Kind: tree.Unknown, Text: model.Unknown("nested value"), Range: r}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		s := v.AsString()
		if isMarkerOnly(s) {
			return &tree.Node{Kind: tree.Unknown, Text: s, Range: r}
		}
		return &tree.Node{Kind: tree.String, Text: s, Range: r}
	case ty == cty.Number:
		return &tree.Node{Kind: tree.Number, Text: v.AsBigFloat().Text('f', -1), Range: r}
	case ty == cty.Bool:
		return &tree.Node{Kind: tree.Bool, Text: strconv.FormatBool(v.True()), Range: r}
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		n := &tree.Node{Kind: tree.Array, Range: r}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			n.Items = append(n.Items, valueTree(el, r, depth+1))
		}
		return n
	case ty.IsMapType() || ty.IsObjectType():
		n := &tree.Node{Kind: tree.Object, Range: r}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			n.Keys = append(n.Keys, &tree.Field{Key: k.AsString(), KeyRange: r, Value: valueTree(el, r, depth+1)})
		}
		return n
	}
	return &tree.Node{Kind: tree.Unknown, Text: model.Unknown("value"), Range: r}
}
