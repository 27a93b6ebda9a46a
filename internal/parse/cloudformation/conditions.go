package cloudformation

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// tri is a condition's value when it may not be decidable offline.
type tri uint8

const (
	undecided tri = iota
	no
	yes
)

func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

// maxVariants caps the documents one template yields; conditions beyond
// the cap stay undecided (Fn::If keeps both values, resources are kept).
const maxVariants = 16

// condValue is the value of a named condition in this variant.
func (r *resolver) condValue(name string) tri {
	if v, ok := r.condMemo[name]; ok {
		return v
	}
	def := r.t.conditions[name]
	if def == nil || r.condBusy[name] {
		return undecided
	}
	r.condBusy[name] = true
	v := r.evalCond(def, 0)
	delete(r.condBusy, name)
	if a, assumed := r.assign[name]; assumed && v == undecided {
		v = triOf(a)
	}
	r.condMemo[name] = v
	return v
}

// evalCond evaluates a condition function (Fn::Equals, Fn::Not, Fn::And,
// Fn::Or, Condition) with three-valued logic.
func (r *resolver) evalCond(n *tree.Node, depth int) tri {
	if n == nil || n.Kind != tree.Object || len(n.Keys) != 1 || depth > maxResolveDepth {
		return undecided
	}
	fn, arg := n.Keys[0].Key, n.Keys[0].Value
	if fn == "Condition" {
		return r.condValue(arg.Text)
	}
	if arg.Kind != tree.Array {
		return undecided
	}
	switch fn {
	case "Fn::Equals":
		if len(arg.Items) != 2 {
			return undecided
		}
		return equal(r.resolve(arg.Items[0], depth), r.resolve(arg.Items[1], depth))
	case "Fn::Not":
		if len(arg.Items) != 1 {
			return undecided
		}
		switch r.evalCond(arg.Items[0], depth+1) {
		case yes:
			return no
		case no:
			return yes
		}
		return undecided
	case "Fn::And", "Fn::Or":
		// And is false as soon as one operand is false, whatever the
		// undecided ones; Or is true as soon as one is true.
		decisive, other := no, yes
		if fn == "Fn::Or" {
			decisive, other = yes, no
		}
		out := other
		for _, it := range arg.Items {
			switch r.evalCond(it, depth+1) {
			case decisive:
				return decisive
			case undecided:
				out = undecided
			}
		}
		return out
	}
	return undecided
}

// equal compares two resolved values as CloudFormation does (as text);
// a value holding an unknown decides nothing.
func equal(a, b *tree.Node) tri {
	if a == nil || b == nil {
		return undecided
	}
	if a.Kind == tree.Array && b.Kind == tree.Array {
		if len(a.Items) != len(b.Items) {
			return no
		}
		out := yes
		for i := range a.Items {
			switch equal(a.Items[i], b.Items[i]) {
			case no:
				return no
			case undecided:
				out = undecided
			}
		}
		return out
	}
	as, ok1 := textOf(a)
	bs, ok2 := textOf(b)
	if !ok1 || !ok2 || model.HasUnknown(as) || model.HasUnknown(bs) {
		return undecided
	}
	return triOf(as == bs)
}

// variant is one assignment of the conditions that cannot be decided
// offline.
type variant struct {
	name   string
	assign map[string]bool
}

// variants enumerates the assignments of the undecidable conditions that the
// resources use. A condition is a free variable when its definition compares
// values that are unknown offline; conditions built only from other
// conditions follow from them. Assignments that yield the same effective
// variant (a free condition decided by the others) are merged.
func variants(t *template, opts Options) ([]variant, []model.Unresolved) {
	free := freeConditions(t, opts)
	var dropped []string
	if len(free) > 4 {
		free, dropped = free[:4], free[4:]
	}
	seen := map[string]bool{}
	var out []variant
	for bits := 0; bits < 1<<len(free); bits++ {
		assign := map[string]bool{}
		for i, c := range free {
			assign[c] = bits&(1<<i) == 0
		}
		// Name the variant by the assumptions it relies on: a free condition
		// that the others decide is a consequence, not an assumption.
		r := newResolver(t, opts, nil)
		var parts []string
		for _, c := range free {
			if r.evalCondWith(c, assign) == undecided {
				parts = append(parts, fmt.Sprintf("%s=%t", c, assign[c]))
			}
		}
		name := strings.Join(parts, ",")
		if !seen[name] {
			seen[name] = true
			out = append(out, variant{name: name, assign: assign})
		}
	}
	var unresolved []model.Unresolved
	if len(dropped) > 0 {
		unresolved = append(unresolved, model.Unresolved{
			Expr:   strings.Join(dropped, ", "),
			Reason: fmt.Sprintf("more conditions than can be checked as separate variants (at most %d); these stay undecided", maxVariants),
		})
	}
	return out, unresolved
}

// evalCondWith evaluates condition c's definition with every other free
// condition assumed as in assign, c itself not assumed: undecided means c's
// value in this variant is an assumption, not a consequence.
func (r *resolver) evalCondWith(c string, assign map[string]bool) tri {
	others := map[string]bool{}
	for k, v := range assign {
		if k != c {
			others[k] = v
		}
	}
	r.assign = others
	r.condMemo = map[string]tri{}
	return r.evalCond(r.t.conditions[c], 0)
}

// freeConditions returns, sorted, the conditions the modeled resources depend
// on (directly, through Fn::If, or through other conditions) whose
// definition compares values unknown offline. Conditions that only decide
// resources ctlint does not model (CDK's CDKMetadataAvailable) split nothing.
func freeConditions(t *template, opts Options) []string {
	used := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if used[name] || t.conditions[name] == nil {
			return
		}
		used[name] = true
		tree.Walk(t.conditions[name], func(n *tree.Node) {
			if f := n.Field("Condition"); f != nil && len(n.Keys) == 1 && f.Value.Kind == tree.String {
				visit(f.Value.Text)
			}
		})
	}
	for _, res := range t.resources {
		if !modeled[res.Type] {
			continue
		}
		if res.Condition != "" {
			visit(res.Condition)
		}
		tree.Walk(res.Properties, func(n *tree.Node) {
			if name, arg, ok := intrinsicOf(n); ok && name == "Fn::If" && arg.Kind == tree.Array && len(arg.Items) > 0 {
				visit(arg.Items[0].Text)
			}
		})
	}
	r := newResolver(t, opts, nil)
	var free []string
	for name := range used {
		if comparesUnknown(r, t.conditions[name]) {
			free = append(free, name)
		}
	}
	sort.Strings(free)
	return free
}

func comparesUnknown(r *resolver, def *tree.Node) bool {
	found := false
	tree.Walk(def, func(n *tree.Node) {
		if name, arg, ok := intrinsicOf(n); ok && name == "Fn::Equals" && arg.Kind == tree.Array && len(arg.Items) == 2 {
			if equal(r.value(arg.Items[0]), r.value(arg.Items[1])) == undecided {
				found = true
			}
		}
	})
	return found
}
