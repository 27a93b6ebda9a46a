package tfplan

import (
	"strconv"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// val is a value of a resource instance: its planned value, whether it is
// known only after apply, and its path from the resource, which names it in
// unknown markers and locates it in the configuration.
type val struct {
	p    *parser
	in   *instance
	n    *tree.Node // planned value; nil or null when not set
	u    *tree.Node // matching after_unknown node
	path []any      // attribute names and list indexes
}

func (p *parser) valueOf(in *instance) val {
	return val{p: p, in: in, n: in.after, u: in.unknown}
}

// get returns the member name of an object value.
func (v val) get(name string) val {
	var u *tree.Node
	if v.wholeUnknown() {
		u = v.u
	} else {
		u = v.u.Get(name)
	}
	return val{p: v.p, in: v.in, n: v.n.Get(name), u: u, path: appendPath(v.path, name)}
}

// index returns element i of a list value.
func (v val) index(i int) val {
	out := val{p: v.p, in: v.in, path: appendPath(v.path, i)}
	if v.n != nil && v.n.Kind == tree.Array && i < len(v.n.Items) {
		out.n = v.n.Items[i]
	}
	switch {
	case v.wholeUnknown():
		out.u = v.u
	case v.u != nil && v.u.Kind == tree.Array && i < len(v.u.Items):
		out.u = v.u.Items[i]
	}
	return out
}

func appendPath(path []any, step any) []any {
	out := make([]any, len(path), len(path)+1)
	copy(out, path)
	return append(out, step)
}

// wholeUnknown reports whether the value is known only after apply.
func (v val) wholeUnknown() bool {
	return v.u != nil && v.u.Kind == tree.Bool && v.u.Text == "true"
}

// unset reports whether the value counts as not written: null, or known
// only after apply while the configuration does not set it (a Computed
// attribute the provider fills in, such as a default rotation period: the
// AWS default applies, which the rules know).
func (v val) unset() bool {
	if v.wholeUnknown() {
		return v.in.hasCfg && expression(v.in.cfg, v.path) == nil
	}
	return v.isNull()
}

// blank reports whether the value is not set or an empty string.
func (v val) blank() bool {
	if v.wholeUnknown() {
		return false
	}
	return v.isNull() || (v.n.Kind == tree.String && v.n.Text == "")
}

// isNull reports whether the value is not set (and not unknown).
func (v val) isNull() bool {
	return !v.wholeUnknown() && (v.n == nil || v.n.Kind == tree.Null)
}

// expr names the value in unknown markers: <address>.<attribute path>.
func (v val) expr() string {
	var b strings.Builder
	b.WriteString(v.in.addr)
	for _, s := range v.path {
		switch s := s.(type) {
		case string:
			b.WriteString("." + s)
		case int:
			b.WriteString("[" + strconv.Itoa(s) + "]")
		}
	}
	return b.String()
}

// rng is where the value is written: its attribute in the .tf block when
// the configuration is mapped, else its place in the plan file.
func (v val) rng() model.Range {
	if r, ok := v.p.tf.locate(v.in, v.path); ok {
		return r
	}
	switch {
	case v.n != nil && v.n.Kind != tree.Null:
		return v.n.Range
	case v.u != nil && !v.u.Range.IsZero():
		return v.u.Range
	}
	return v.in.node.Range
}

// items returns the elements of a nested block list. A block known only
// after apply is one element whose every value is unknown; a block written
// as an object (not a list) is its only element.
func (v val) items(name string) []val {
	b := v.get(name)
	switch {
	case b.unset():
		return nil
	case b.wholeUnknown():
		return []val{b}
	case b.n == nil:
		return nil
	case b.n.Kind == tree.Object:
		return []val{b}
	case b.n.Kind != tree.Array:
		return nil
	}
	out := make([]val, 0, len(b.n.Items))
	for i := range b.n.Items {
		out = append(out, b.index(i))
	}
	return out
}

// first returns the first element of a nested block list.
func (v val) first(name string) (val, bool) {
	items := v.items(name)
	if len(items) == 0 {
		return val{}, false
	}
	return items[0], true
}

// str reads a string argument. Empty strings count as not set: SDK-based
// providers write "" into plans and states for optional strings nobody set.
func (v val) str(name string) *model.Attr {
	a := v.get(name)
	if a.unset() {
		return nil
	}
	if a.wholeUnknown() {
		return model.UnknownAttr(a.expr(), a.rng())
	}
	switch a.n.Kind {
	case tree.String:
		if a.n.Text == "" {
			return nil
		}
		return model.Str(a.n.Text, a.rng())
	case tree.Bool, tree.Number:
		return model.Str(a.n.Text, a.rng())
	}
	return model.UnknownAttr(a.expr(), a.rng())
}

// boolean reads a bool argument ("true" strings included, as Terraform
// converts them).
func (v val) boolean(name string) *model.Attr {
	a := v.get(name)
	if a.unset() {
		return nil
	}
	if a.wholeUnknown() {
		return model.UnknownAttr(a.expr(), a.rng())
	}
	if a.n.Kind == tree.Bool || a.n.Kind == tree.String {
		if b, err := strconv.ParseBool(a.n.Text); err == nil {
			return model.Bool(b, a.rng())
		}
	}
	return model.UnknownAttr(a.expr(), a.rng())
}

// number reads a numeric argument.
func (v val) number(name string) *model.Attr {
	a := v.get(name)
	if a.unset() {
		return nil
	}
	if a.wholeUnknown() {
		return model.UnknownAttr(a.expr(), a.rng())
	}
	if f, ok := a.n.Float(); ok {
		return model.Num(f, a.rng())
	}
	return model.UnknownAttr(a.expr(), a.rng())
}

// count reads a number of days, versions or years for which AWS accepts
// only positive values: a 0 in a plan or state is the provider's way of
// writing "not set" (AWS would reject a real 0), so it counts as not set.
func (v val) count(name string) *model.Attr {
	a := v.number(name)
	if a != nil && a.Known && a.Value == float64(0) {
		return nil
	}
	return a
}

// values reads a list (or set) of strings.
func (v val) values(name string) []model.Value {
	a := v.get(name)
	if a.unset() {
		return []model.Value{}
	}
	if a.wholeUnknown() {
		return []model.Value{{Value: model.Unknown(a.expr()), Range: a.rng()}}
	}
	if a.n.Kind != tree.Array {
		if a.n.IsScalar() {
			return []model.Value{{Value: a.n.Text, Range: a.rng()}}
		}
		return []model.Value{{Value: model.Unknown(a.expr()), Range: a.rng()}}
	}
	out := make([]model.Value, 0, len(a.n.Items))
	for i, it := range a.n.Items {
		el := a.index(i)
		if el.wholeUnknown() || !it.IsScalar() {
			out = append(out, model.Value{Value: model.Unknown(el.expr()), Range: el.rng()})
			continue
		}
		out = append(out, model.Value{Value: it.Text, Range: el.rng()})
	}
	return out
}

// written reports whether the configuration sets the argument. Without a
// configuration (a state), a value that is set counts as written.
func (v val) written(name string) bool {
	if v.in.hasCfg {
		return expression(v.in.cfg, appendPath(v.path, name)) != nil
	}
	a := v.get(name)
	if a.isNull() {
		return false
	}
	if a.n != nil && (a.n.Kind == tree.Array || a.n.Kind == tree.Object) {
		return len(a.n.Items) > 0 || len(a.n.Keys) > 0
	}
	return true
}
