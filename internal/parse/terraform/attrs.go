package terraform

import (
	"math/big"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
)

func isMarkerString(s string) bool { return model.IsUnknown(s) }

func rangeOfFile(file string) model.Range { return model.Range{File: file} }

// str reads a string argument; nil when it is not written or null.
func (c *content) str(name string) *model.Attr {
	a := c.attrs[name]
	if a == nil {
		return nil
	}
	return c.env.toAttr(a, c.env.eval(a.Expr), cty.String)
}

func (c *content) boolean(name string) *model.Attr {
	a := c.attrs[name]
	if a == nil {
		return nil
	}
	return c.env.toAttr(a, c.env.eval(a.Expr), cty.Bool)
}

func (c *content) number(name string) *model.Attr {
	a := c.attrs[name]
	if a == nil {
		return nil
	}
	return c.env.toAttr(a, c.env.eval(a.Expr), cty.Number)
}

// toAttr converts an evaluated argument to a model attribute of the wanted
// primitive type, converting like Terraform ("true" is a bool). A value that
// is unknown or of the wrong shape becomes an unknown attribute naming the
// expression, so rules can say it could not be decided; a known string where
// a number is wanted ("abc", which Terraform rejects) stays a known string,
// as a template or JSON policy would give it, so that rules checking the
// number report it.
func (e *env) toAttr(a *hcl.Attribute, v cty.Value, want cty.Type) *model.Attr {
	p := e.m.p
	r := p.rng(a.Range)
	if v.IsNull() {
		return nil
	}
	unknown := model.UnknownAttr(p.text(a.Expr.Range()), r)
	if !v.IsWhollyKnown() {
		return unknown
	}
	if v.Type() == cty.String && model.HasUnknown(v.AsString()) {
		if want == cty.String {
			return model.Str(v.AsString(), r)
		}
		return &model.Attr{Value: v.AsString(), Known: false, Range: r}
	}
	switch want {
	case cty.String:
		switch v.Type() {
		case cty.String:
			return model.Str(v.AsString(), r)
		case cty.Bool:
			return model.Str(strconv.FormatBool(v.True()), r)
		case cty.Number:
			return model.Str(v.AsBigFloat().Text('f', -1), r)
		}
	case cty.Bool:
		switch v.Type() {
		case cty.Bool:
			return model.Bool(v.True(), r)
		case cty.String:
			if b, err := strconv.ParseBool(v.AsString()); err == nil {
				return model.Bool(b, r)
			}
		}
	case cty.Number:
		switch v.Type() {
		case cty.Number:
			f, _ := v.AsBigFloat().Float64()
			return model.Num(f, r)
		case cty.String:
			if f, ok := new(big.Float).SetString(v.AsString()); ok {
				n, _ := f.Float64()
				return model.Num(n, r)
			}
			return model.Str(v.AsString(), r)
		}
	}
	return unknown
}

// values reads a list-of-strings argument. Each element keeps the range of
// the expression that wrote it when the list is written literally; otherwise
// every element points at the whole argument.
func (c *content) values(name string) []model.Value {
	a := c.attrs[name]
	if a == nil {
		return nil
	}
	return c.env.valuesOf(a.Expr)
}

func (e *env) valuesOf(expr hcl.Expression) []model.Value {
	p := e.m.p
	if tup, ok := expr.(*hclsyntax.TupleConsExpr); ok {
		var out []model.Value
		for _, el := range tup.Exprs {
			out = append(out, e.valuesOf(el)...)
		}
		return out
	}
	v := e.eval(expr)
	r := p.rng(expr.Range())
	return flattenStrings(v, r, p.text(expr.Range()))
}

// flattenStrings lists the strings of a value: a string, a list or set of
// them (nested lists flattened, as IAM documents allow).
func flattenStrings(v cty.Value, r model.Range, text string) []model.Value {
	if v.IsNull() {
		return nil
	}
	if !v.IsWhollyKnown() {
		return []model.Value{{Value: model.Unknown(text), Range: r}}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return []model.Value{{Value: v.AsString(), Range: r}}
	case ty == cty.Number:
		return []model.Value{{Value: v.AsBigFloat().Text('f', -1), Range: r}}
	case ty == cty.Bool:
		return []model.Value{{Value: strconv.FormatBool(v.True()), Range: r}}
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var out []model.Value
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			out = append(out, flattenStrings(el, r, text)...)
		}
		return out
	}
	return []model.Value{{Value: model.Unknown(text), Range: r}}
}

// blocks returns the nested blocks of the given type.
func (c *content) blocksOf(typ string) []*block {
	var out []*block
	for _, b := range c.blocks {
		if b.typ == typ {
			out = append(out, b)
		}
	}
	return out
}

// first returns the content of the first nested block of the given type.
func (c *content) first(typ string) (*content, bool) {
	for _, b := range c.blocks {
		if b.typ == typ {
			return b.read(), true
		}
	}
	return nil, false
}

// span is the content's block range as a model range.
func (c *content) span() model.Range { return c.env.m.p.rng(c.rng) }
