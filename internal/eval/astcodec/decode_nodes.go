package astcodec

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

func (d *decoder) module() (string, *ast.Module) {
	name := d.str()
	lo, hi := ast.RegoVersion(d.byte()), ast.RegoVersion(d.byte())
	if d.err != nil {
		return "", nil
	}
	span, err := ast.NewRegoVersionSpan(lo, hi)
	if err != nil {
		d.fail("module %q: %v", name, err)
		return "", nil
	}
	m := &ast.Module{Package: &ast.Package{Location: d.loc()}}
	m.SetRegoVersionSpan(span)
	m.Package.Path = d.terms1()

	if n, ok := d.optCount(); ok {
		m.Imports = make([]*ast.Import, n)
		for i := range m.Imports {
			imp := &ast.Import{Location: d.loc(), AliasLocation: d.loc()}
			imp.Alias = ast.Var(d.str())
			imp.Path = d.termReq()
			m.Imports[i] = imp
		}
	}
	if n, ok := d.optCount(); ok {
		m.Rules = make([]*ast.Rule, n)
		for i := range m.Rules {
			m.Rules[i] = d.rule(m)
		}
	}
	return name, m
}

func (d *decoder) rule(m *ast.Module) *ast.Rule {
	if !d.enter() {
		return nil
	}
	defer d.leave()
	r := &ast.Rule{Location: d.loc(), Module: m}
	flags := d.byte()
	if flags&^3 != 0 {
		d.fail("rule flags %#x", flags)
		return nil
	}
	r.Default = flags&1 != 0
	r.Head = d.head()
	r.Body = d.body()
	if flags&2 != 0 && d.err == nil {
		r.Else = d.rule(m)
	}
	return r
}

func (d *decoder) head() *ast.Head {
	h := &ast.Head{Location: d.loc()}
	h.Name = ast.Var(d.str())
	switch d.byte() {
	case 0:
	case 1:
		h.Assign = true
	default:
		d.fail("head assign flag")
		return nil
	}
	if n, ok := d.optCount(); ok {
		h.Reference = d.termList(n)
	}
	if n, ok := d.optCount(); ok {
		h.Args = d.termList(n)
	}
	h.Key = d.term()
	h.Value = d.term()
	return h
}

func (d *decoder) body() ast.Body {
	if !d.enter() {
		return nil
	}
	defer d.leave()
	n, ok := d.optCount()
	if !ok {
		return nil
	}
	b := make(ast.Body, n)
	for i := range b {
		b[i] = d.expr()
		if d.err != nil {
			return nil
		}
	}
	return b
}

func (d *decoder) expr() *ast.Expr {
	x := d.newExpr()
	x.Location = d.loc()
	flags := d.byte()
	if flags&^(flagGenerated|flagNegated) != 0 {
		d.fail("expression flags %#x", flags)
		return nil
	}
	x.Generated = flags&flagGenerated != 0
	x.Negated = flags&flagNegated != 0
	x.Index = d.int()

	if n, ok := d.optCount(); ok {
		x.With = make([]*ast.With, n)
		for i := range x.With {
			x.With[i] = &ast.With{Location: d.loc(), Target: d.termReq(), Value: d.termReq()}
		}
	}

	switch kind := d.byte(); kind {
	case exprTerm:
		x.Terms = d.termReq()
	case exprCall:
		x.Terms = d.terms1()
	case exprSome:
		some := &ast.SomeDecl{Location: d.loc()}
		some.Symbols = d.terms1()
		x.Terms = some
	case exprEvery:
		every := &ast.Every{Location: d.loc()}
		every.Key = d.term()
		every.Value = d.termReq()
		every.Domain = d.termReq()
		every.Body = d.body()
		x.Terms = every
	default:
		d.fail("expression kind %d", kind)
	}
	return x
}

// termList reads n required terms.
func (d *decoder) termList(n int) []*ast.Term {
	ts := d.termSlice(n)
	for i := range ts {
		ts[i] = d.termReq()
		if d.err != nil {
			return nil
		}
	}
	return ts
}

// terms1 reads a length and that many terms, at least one: refs, calls and
// some-declarations are never empty, and printing an empty one panics.
func (d *decoder) terms1() []*ast.Term {
	n := d.count()
	if d.err == nil && n == 0 {
		d.fail("empty ref, call or declaration")
	}
	if d.err != nil {
		return nil
	}
	return d.termList(n)
}

func (d *decoder) termReq() *ast.Term {
	t := d.term()
	if t == nil && d.err == nil {
		d.fail("missing term")
	}
	return t
}

// term reads an optional term; nil means absent (or an error, in d.err).
func (d *decoder) term() *ast.Term {
	tag := d.byte()
	if d.err != nil || tag == tagNil {
		return nil
	}
	if !d.enter() {
		return nil
	}
	defer d.leave()
	t := d.newTerm()
	if tag&tagHasLocation != 0 {
		tag &^= tagHasLocation
		if t.Location = d.loc(); t.Location == nil && d.err == nil {
			d.fail("term marked with a location has none")
		}
	}
	t.Value = d.value(tag)
	if d.err != nil {
		return nil
	}
	return t
}

func (d *decoder) value(tag byte) ast.Value {
	switch tag {
	case tagNull:
		return ast.Null{}
	case tagFalse:
		return ast.Boolean(false)
	case tagTrue:
		return ast.Boolean(true)
	case tagNumber:
		v := d.boxed(d.numbers, boxNumber)
		if v != nil && !isNumber(string(v.(ast.Number))) {
			d.fail("malformed number %q", string(v.(ast.Number)))
		}
		return v
	case tagString:
		return d.boxed(d.strings, boxString)
	case tagVar:
		return d.boxed(d.vars, boxVar)
	case tagRef:
		return ast.Ref(d.terms1())
	case tagCall:
		return ast.Call(d.terms1())
	case tagArray:
		ts := d.termList(d.count())
		if d.err != nil {
			return nil
		}
		return ast.NewArray(ts...)
	case tagSet:
		ts := d.termList(d.count())
		if d.err != nil {
			return nil
		}
		return ast.NewSet(ts...)
	case tagObject:
		n := d.count()
		if d.err != nil {
			return nil
		}
		pairs := make([][2]*ast.Term, n)
		for i := range pairs {
			pairs[i] = [2]*ast.Term{d.termReq(), d.termReq()}
			if d.err != nil {
				return nil
			}
		}
		return ast.NewObject(pairs...)
	case tagArrayComprehension:
		return &ast.ArrayComprehension{Term: d.termReq(), Body: d.body()}
	case tagSetComprehension:
		return &ast.SetComprehension{Term: d.termReq(), Body: d.body()}
	case tagObjectComprehension:
		return &ast.ObjectComprehension{Key: d.termReq(), Value: d.termReq(), Body: d.body()}
	}
	d.fail("term tag %d", tag)
	return nil
}

func boxNumber(s string) ast.Value { return ast.Number(s) }
func boxString(s string) ast.Value { return ast.String(s) }
func boxVar(s string) ast.Value    { return ast.Var(s) }

// isNumber reports whether s is a JSON number, the only form ast.Number
// holds; comparing a malformed one would fail deep inside evaluation.
func isNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i == len(s) || !isDigit(s[i]) {
			return false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i == len(s) || !isDigit(s[i]) {
			return false
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i == len(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
