package astcodec

import (
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Encode writes modules in a compact binary form, in module-name order
// (deterministic bytes). It returns an error naming the module and location
// for a node it cannot encode.
func Encode(modules map[string]*ast.Module) ([]byte, error) {
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	slices.Sort(names)

	e := &encoder{
		strIndex: map[string]uint64{},
		locIndex: map[*ast.Location]uint64{},
	}
	e.uint(uint64(len(names)))
	for _, name := range names {
		e.module = name
		e.near = nil
		if err := e.writeModule(name, modules[name]); err != nil {
			return nil, err
		}
	}
	return e.assemble(), nil
}

// encoder writes the modules into out while it collects the strings and
// locations they use; assemble puts the tables in front of out.
type encoder struct {
	out      []byte
	strs     []string
	strIndex map[string]uint64
	locs     []*ast.Location
	locIndex map[*ast.Location]uint64

	module string        // module being written, for errors
	near   *ast.Location // last location seen, for errors
	depth  int
}

func (e *encoder) assemble() []byte {
	strBytes := 0
	for _, s := range e.strs {
		strBytes += len(s)
	}
	out := make([]byte, 0, len(magic)+16+len(e.strs)*2+strBytes+len(e.locs)*8+len(e.out))
	out = append(out, magic...)
	out = binary.AppendUvarint(out, FormatVersion)

	out = binary.AppendUvarint(out, uint64(len(e.strs)))
	out = binary.AppendUvarint(out, uint64(strBytes))
	for _, s := range e.strs {
		out = binary.AppendUvarint(out, uint64(len(s)))
	}
	for _, s := range e.strs {
		out = append(out, s...)
	}

	out = binary.AppendUvarint(out, uint64(len(e.locs)))
	for _, loc := range e.locs {
		out = binary.AppendUvarint(out, e.strIndex[loc.File])
		out = binary.AppendVarint(out, int64(loc.Row))
		out = binary.AppendVarint(out, int64(loc.Col))
		out = binary.AppendVarint(out, int64(loc.Offset))
		if loc.Text == nil {
			out = binary.AppendUvarint(out, 0)
		} else {
			out = binary.AppendUvarint(out, e.strIndex[string(loc.Text)]+1)
		}
		if loc.Tabs == nil {
			out = binary.AppendUvarint(out, 0)
		} else {
			out = binary.AppendUvarint(out, uint64(len(loc.Tabs))+1)
			for _, tab := range loc.Tabs {
				out = binary.AppendVarint(out, int64(tab))
			}
		}
	}
	return append(out, e.out...)
}

func (e *encoder) uint(v uint64) { e.out = binary.AppendUvarint(e.out, v) }
func (e *encoder) byte(b byte)   { e.out = append(e.out, b) }

// optLen writes 0 for a nil slice and len+1 otherwise, so nil and empty
// slices stay apart (their String and JSON forms can differ).
func (e *encoder) optLen(isNil bool, n int) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

func (e *encoder) intern(s string) uint64 {
	if i, ok := e.strIndex[s]; ok {
		return i
	}
	i := uint64(len(e.strs))
	e.strs = append(e.strs, s)
	e.strIndex[s] = i
	return i
}

func (e *encoder) str(s string) { e.uint(e.intern(s)) }

// loc writes 0 for no location and the location's table index+1 otherwise.
// Locations are told apart by pointer, so sharing survives a round trip.
func (e *encoder) loc(loc *ast.Location) {
	if loc == nil {
		e.uint(0)
		return
	}
	e.near = loc
	i, ok := e.locIndex[loc]
	if !ok {
		i = uint64(len(e.locs))
		e.locs = append(e.locs, loc)
		e.locIndex[loc] = i
		e.intern(loc.File)
		if loc.Text != nil {
			e.intern(string(loc.Text))
		}
	}
	e.uint(i + 1)
}

func (e *encoder) errorf(format string, args ...any) error {
	where := "unknown location"
	if e.near != nil {
		where = fmt.Sprintf("%s:%d:%d", e.near.File, e.near.Row, e.near.Col)
	}
	return fmt.Errorf("astcodec: encode module %s near %s: %s", e.module, where, fmt.Sprintf(format, args...))
}

func (e *encoder) enter() error {
	e.depth++
	if e.depth > maxDepth {
		return e.errorf("nesting deeper than %d", maxDepth)
	}
	return nil
}

func (e *encoder) leave() { e.depth-- }

func (e *encoder) writeModule(name string, m *ast.Module) error {
	if m == nil || m.Package == nil {
		return e.errorf("module or package is nil")
	}
	e.str(name)
	span := m.RegoVersionSpan()
	e.byte(byte(span.Min()))
	e.byte(byte(span.Max()))

	e.loc(m.Package.Location)
	if err := e.terms(m.Package.Path); err != nil {
		return err
	}

	e.optLen(m.Imports == nil, len(m.Imports))
	for _, imp := range m.Imports {
		if imp == nil || imp.Path == nil {
			return e.errorf("import or import path is nil")
		}
		e.loc(imp.Location)
		e.loc(imp.AliasLocation)
		e.str(string(imp.Alias))
		if err := e.term(imp.Path); err != nil {
			return err
		}
	}

	e.optLen(m.Rules == nil, len(m.Rules))
	for _, r := range m.Rules {
		if err := e.rule(r); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) rule(r *ast.Rule) error {
	if r == nil || r.Head == nil {
		return e.errorf("rule or rule head is nil")
	}
	if err := e.enter(); err != nil {
		return err
	}
	defer e.leave()
	e.loc(r.Location)
	var flags byte
	if r.Default {
		flags |= 1
	}
	if r.Else != nil {
		flags |= 2
	}
	e.byte(flags)
	if err := e.head(r.Head); err != nil {
		return err
	}
	if err := e.body(r.Body); err != nil {
		return err
	}
	if r.Else != nil {
		return e.rule(r.Else)
	}
	return nil
}

func (e *encoder) head(h *ast.Head) error {
	e.loc(h.Location)
	e.str(string(h.Name))
	if h.Assign {
		e.byte(1)
	} else {
		e.byte(0)
	}
	e.optLen(h.Reference == nil, len(h.Reference))
	if err := e.termList(h.Reference); err != nil {
		return err
	}
	e.optLen(h.Args == nil, len(h.Args))
	if err := e.termList(h.Args); err != nil {
		return err
	}
	if err := e.term(h.Key); err != nil {
		return err
	}
	return e.term(h.Value)
}

func (e *encoder) body(b ast.Body) error {
	if err := e.enter(); err != nil {
		return err
	}
	defer e.leave()
	e.optLen(b == nil, len(b))
	for _, expr := range b {
		if err := e.expr(expr); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) expr(x *ast.Expr) error {
	if x == nil {
		return e.errorf("expression is nil")
	}
	e.loc(x.Location)
	var flags byte
	if x.Generated {
		flags |= flagGenerated
	}
	if x.Negated {
		flags |= flagNegated
	}
	e.byte(flags)
	e.out = binary.AppendVarint(e.out, int64(x.Index))

	e.optLen(x.With == nil, len(x.With))
	for _, w := range x.With {
		if w == nil || w.Target == nil || w.Value == nil {
			return e.errorf("with modifier or its target or value is nil")
		}
		e.loc(w.Location)
		if err := e.term(w.Target); err != nil {
			return err
		}
		if err := e.term(w.Value); err != nil {
			return err
		}
	}

	switch t := x.Terms.(type) {
	case *ast.Term:
		if t == nil {
			return e.errorf("expression term is nil")
		}
		e.byte(exprTerm)
		return e.term(t)
	case []*ast.Term:
		e.byte(exprCall)
		return e.terms(t)
	case *ast.SomeDecl:
		e.byte(exprSome)
		e.loc(t.Location)
		return e.terms(t.Symbols)
	case *ast.Every:
		if t.Value == nil || t.Domain == nil {
			return e.errorf("every without value or domain")
		}
		e.byte(exprEvery)
		e.loc(t.Location)
		if err := e.term(t.Key); err != nil {
			return err
		}
		if err := e.term(t.Value); err != nil {
			return err
		}
		if err := e.term(t.Domain); err != nil {
			return err
		}
		return e.body(t.Body)
	default:
		return e.errorf("unsupported expression %T", x.Terms)
	}
}

// termList writes the terms of a list whose length is already written.
func (e *encoder) termList(ts []*ast.Term) error {
	for _, t := range ts {
		if err := e.termReq(t); err != nil {
			return err
		}
	}
	return nil
}

// termReq writes a term that the decoder requires to be present: a nil one
// here would break the decoded value's hashing or printing.
func (e *encoder) termReq(t *ast.Term) error {
	if t == nil {
		return e.errorf("nil term where a term is required")
	}
	return e.term(t)
}

// terms writes a length and the terms of a ref, call, package path or
// some-declaration, which are never empty (printing an empty one panics).
func (e *encoder) terms(ts []*ast.Term) error {
	if len(ts) == 0 {
		return e.errorf("empty ref, call or declaration")
	}
	e.uint(uint64(len(ts)))
	return e.termList(ts)
}

// term writes an optional term: tagNil for nil.
func (e *encoder) term(t *ast.Term) error {
	if t == nil {
		e.byte(tagNil)
		return nil
	}
	if err := e.enter(); err != nil {
		return err
	}
	defer e.leave()

	tag, err := e.tagOf(t.Value)
	if err != nil {
		return err
	}
	if t.Location != nil {
		e.byte(tag | tagHasLocation)
		e.loc(t.Location)
	} else {
		e.byte(tag)
	}
	return e.value(t.Value)
}

func (e *encoder) tagOf(v ast.Value) (byte, error) {
	switch v := v.(type) {
	case ast.Null:
		return tagNull, nil
	case ast.Boolean:
		if v {
			return tagTrue, nil
		}
		return tagFalse, nil
	case ast.Number:
		return tagNumber, nil
	case ast.String:
		return tagString, nil
	case ast.Var:
		return tagVar, nil
	case ast.Ref:
		return tagRef, nil
	case *ast.Array:
		return tagArray, nil
	case ast.Set:
		return tagSet, nil
	case ast.Object:
		return tagObject, nil
	case ast.Call:
		return tagCall, nil
	case *ast.ArrayComprehension:
		return tagArrayComprehension, nil
	case *ast.SetComprehension:
		return tagSetComprehension, nil
	case *ast.ObjectComprehension:
		return tagObjectComprehension, nil
	}
	return 0, e.errorf("unsupported term value %T", v)
}

func (e *encoder) value(v ast.Value) error {
	switch v := v.(type) {
	case ast.Null, ast.Boolean:
		return nil
	case ast.Number:
		e.str(string(v))
	case ast.String:
		e.str(string(v))
	case ast.Var:
		e.str(string(v))
	case ast.Ref:
		return e.terms(v)
	case ast.Call:
		return e.terms(v)
	case *ast.Array:
		n := v.Len()
		e.uint(uint64(n))
		for i := range n {
			if err := e.termReq(v.Elem(i)); err != nil {
				return err
			}
		}
	case ast.Set:
		e.uint(uint64(v.Len()))
		return v.Iter(e.termReq)
	case ast.Object:
		e.uint(uint64(v.Len()))
		return v.Iter(func(k, val *ast.Term) error {
			if err := e.termReq(k); err != nil {
				return err
			}
			return e.termReq(val)
		})
	case *ast.ArrayComprehension:
		if err := e.termReq(v.Term); err != nil {
			return err
		}
		return e.body(v.Body)
	case *ast.SetComprehension:
		if err := e.termReq(v.Term); err != nil {
			return err
		}
		return e.body(v.Body)
	case *ast.ObjectComprehension:
		if err := e.termReq(v.Key); err != nil {
			return err
		}
		if err := e.termReq(v.Value); err != nil {
			return err
		}
		return e.body(v.Body)
	}
	return nil
}
