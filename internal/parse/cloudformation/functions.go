package cloudformation

import (
	"strconv"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// The list-taking intrinsic functions. Each resolves its operands first and
// yields an unknown marker when an operand it needs is unknown.

// args resolves the operands of a function that takes a list.
func (r *resolver) args(arg *tree.Node, depth int, min, max int) ([]*tree.Node, bool) {
	if arg == nil || arg.Kind != tree.Array || len(arg.Items) < min || len(arg.Items) > max {
		return nil, false
	}
	out := make([]*tree.Node, len(arg.Items))
	for i, it := range arg.Items {
		out[i] = r.resolve(it, depth)
	}
	return out, true
}

func (r *resolver) join(arg *tree.Node, rng model.Range, depth int) *tree.Node {
	a, ok := r.args(arg, depth, 2, 2)
	if !ok {
		return r.unknown("Fn::Join", rng, "Fn::Join takes [delimiter, list]")
	}
	sep, ok := textOf(a[0])
	if !ok || a[1] == nil || a[1].Kind != tree.Array {
		return unknownNode("Fn::Join", rng)
	}
	parts := make([]string, 0, len(a[1].Items))
	for _, it := range a[1].Items {
		s, ok := textOf(it)
		if !ok {
			return unknownNode("Fn::Join", rng)
		}
		parts = append(parts, s)
	}
	return strNode(strings.Join(parts, sep), rng)
}

func (r *resolver) selectFn(arg *tree.Node, rng model.Range, depth int) *tree.Node {
	a, ok := r.args(arg, depth, 2, 2)
	if !ok {
		return r.unknown("Fn::Select", rng, "Fn::Select takes [index, list]")
	}
	idx, ok := textOf(a[0])
	i, err := strconv.Atoi(idx)
	if !ok || err != nil || a[1] == nil || a[1].Kind != tree.Array || i < 0 || i >= len(a[1].Items) {
		return unknownNode("Fn::Select", rng)
	}
	return withRange(a[1].Items[i], rng)
}

func (r *resolver) split(arg *tree.Node, rng model.Range, depth int) *tree.Node {
	a, ok := r.args(arg, depth, 2, 2)
	if !ok {
		return r.unknown("Fn::Split", rng, "Fn::Split takes [delimiter, string]")
	}
	sep, ok1 := textOf(a[0])
	s, ok2 := textOf(a[1])
	if !ok1 || !ok2 || sep == "" || a[1].Kind == tree.Unknown {
		return unknownNode("Fn::Split", rng)
	}
	out := &tree.Node{Kind: tree.Array, Range: rng}
	for _, part := range splitOutsideMarkers(s, sep) {
		out.Items = append(out.Items, strNode(part, rng))
	}
	return out
}

// splitOutsideMarkers splits s at sep, leaving unknown markers whole
// («AWS::AccountId» holds the ':' that ARNs are split on).
func splitOutsideMarkers(s, sep string) []string {
	var out []string
	start, inMarker := 0, false
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "«"):
			inMarker = true
			i += len("«")
		case strings.HasPrefix(s[i:], "»"):
			inMarker = false
			i += len("»")
		case !inMarker && strings.HasPrefix(s[i:], sep):
			out = append(out, s[start:i])
			i += len(sep)
			start = i
		default:
			i++
		}
	}
	return append(out, s[start:])
}

func (r *resolver) findInMap(arg *tree.Node, rng model.Range, depth int) *tree.Node {
	a, ok := r.args(arg, depth, 3, 4)
	if !ok {
		return r.unknown("Fn::FindInMap", rng, "Fn::FindInMap takes [map, key, key]")
	}
	keys := make([]string, 3)
	for i := range keys {
		s, ok := textOf(a[i])
		if !ok || model.HasUnknown(s) {
			return unknownNode("Fn::FindInMap", rng)
		}
		keys[i] = s
	}
	if v := r.t.mappings.Get(keys[0]).Get(keys[1]).Get(keys[2]); v != nil {
		return withRange(r.resolve(v, depth), rng)
	}
	if len(a) == 4 && a[3] != nil {
		if d := a[3].Get("DefaultValue"); d != nil {
			return withRange(d, rng)
		}
	}
	return r.unknown("Fn::FindInMap "+strings.Join(keys, "."), rng, "no such entry in Mappings")
}

func (r *resolver) ifFn(arg *tree.Node, rng model.Range, depth int) *tree.Node {
	if arg == nil || arg.Kind != tree.Array || len(arg.Items) != 3 || arg.Items[0].Kind != tree.String {
		return r.unknown("Fn::If", rng, "Fn::If takes [condition, value if true, value if false]")
	}
	cond := arg.Items[0].Text
	switch r.condValue(cond) {
	case yes:
		return r.resolve(arg.Items[1], depth)
	case no:
		return r.resolve(arg.Items[2], depth)
	}
	// Undecided even in this variant (more conditions than variants): keep
	// both possibilities.
	return &tree.Node{
		Kind: tree.Unknown, Text: model.Unknown("Fn::If " + cond), Range: rng,
		Alternatives: []*tree.Node{orNull(r.resolve(arg.Items[1], depth), rng), orNull(r.resolve(arg.Items[2], depth), rng)},
	}
}
