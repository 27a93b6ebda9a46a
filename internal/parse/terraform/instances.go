package terraform

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/parse"
)

// instance is one instance of a resource, data source or module call.
type instance struct {
	// key is the count index or for_each key; cty.NilVal for a block without
	// count / for_each, or when the keys cannot be known.
	key  cty.Value
	addr string // full address, with module path and instance key
	env  *env
}

// collection tells how a block's instances are addressed in references.
type collection uint8

const (
	single      collection = iota // no count / for_each: an object
	counted                       // count: a tuple
	keyed                         // for_each: an object by key
	unknownKeys                   // count / for_each unknown: one instance standing for all
)

// expand returns the instances of a block with the given count / for_each
// arguments. An unknown count or for_each gives one template instance whose
// count.index / each.key / each.value are markers; a known one larger than
// parse.MaxInstances is cut there and reported.
func (m *moduleInst) expand(base string, count, forEach *hcl.Attribute) ([]*instance, collection) {
	e := m.env()
	e.resource = base
	switch {
	case count != nil:
		v := e.eval(count.Expr)
		n, ok := countValue(v)
		if !ok {
			inst := &instance{addr: base, env: e.with(map[string]cty.Value{
				"count": cty.ObjectVal(map[string]cty.Value{"index": markerVal("count.index")}),
			})}
			return []*instance{inst}, unknownKeys
		}
		if n > parse.MaxInstances {
			m.p.errorAt(m.p.rng(count.Range), true, "count exceeds %d: only the first %d instances are checked", parse.MaxInstances, parse.MaxInstances)
			n = parse.MaxInstances
		}
		out := make([]*instance, 0, n)
		for i := 0; i < n; i++ {
			idx := cty.NumberIntVal(int64(i))
			out = append(out, &instance{key: idx, addr: base + "[" + strconv.Itoa(i) + "]", env: e.with(map[string]cty.Value{
				"count": cty.ObjectVal(map[string]cty.Value{"index": idx}),
			})})
		}
		return out, counted
	case forEach != nil:
		pairs, known := e.iterate(forEach.Expr, forEach.Range)
		if !known {
			inst := &instance{addr: base, env: e.with(map[string]cty.Value{
				"each": cty.ObjectVal(map[string]cty.Value{"key": markerVal("each.key"), "value": markerVal("each.value")}),
			})}
			return []*instance{inst}, unknownKeys
		}
		out := make([]*instance, 0, len(pairs))
		for _, kv := range pairs {
			inst := &instance{key: kv[0], addr: base + "[" + keyText(kv[0]) + "]", env: e.with(map[string]cty.Value{
				"each": cty.ObjectVal(map[string]cty.Value{"key": kv[0], "value": kv[1]}),
			})}
			out = append(out, inst)
		}
		return out, keyed
	}
	return []*instance{{addr: base, env: e}}, single
}

// countValue reads a known, whole, non-negative count.
func countValue(v cty.Value) (int, bool) {
	if v.IsNull() || !v.IsKnown() {
		return 0, false
	}
	if v.Type() == cty.String {
		if isMarker(v) {
			return 0, false
		}
		n, err := strconv.Atoi(v.AsString())
		return max(n, 0), err == nil
	}
	if v.Type() != cty.Number {
		return 0, false
	}
	bf := v.AsBigFloat()
	if !bf.IsInt() {
		return 0, false
	}
	if bf.Sign() < 0 {
		return 0, true
	}
	if bf.Cmp(big.NewFloat(float64(parse.MaxInstances+1))) > 0 {
		return parse.MaxInstances + 1, true
	}
	i, _ := bf.Int64()
	return int(i), true
}

// iterate evaluates a for_each expression into (key, value) pairs in key
// order. known is false when the collection cannot be known offline.
func (e *env) iterate(expr hcl.Expression, rng hcl.Range) (pairs [][2]cty.Value, known bool) {
	v := e.eval(expr)
	if v.IsNull() || !v.IsWhollyKnown() {
		return nil, false
	}
	ty := v.Type()
	if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType() || ty.IsListType() || ty.IsTupleType()) {
		return nil, false
	}
	n := v.LengthInt()
	if n > parse.MaxInstances {
		e.m.p.errorAt(e.m.p.rng(rng), true, "for_each has %d elements: only the first %d are checked", n, parse.MaxInstances)
	}
	for it := v.ElementIterator(); it.Next() && len(pairs) < parse.MaxInstances; {
		k, val := it.Element()
		if ty.IsSetType() {
			k = val // a set's each.key is the element itself
		}
		pairs = append(pairs, [2]cty.Value{k, val})
	}
	return pairs, true
}

// keyText renders an instance key as in a Terraform address: [0] or ["a"].
func keyText(k cty.Value) string {
	if k.Type() == cty.String {
		return strconv.Quote(k.AsString())
	}
	if k.Type() == cty.Number {
		return k.AsBigFloat().Text('f', -1)
	}
	return fmt.Sprintf("%q", k.GoString())
}
