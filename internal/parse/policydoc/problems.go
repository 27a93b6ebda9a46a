package policydoc

import (
	"fmt"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

func problemf(r model.Range, format string, args ...any) model.Problem {
	return model.Problem{Message: fmt.Sprintf(format, args...), Range: r}
}

// duplicates reports every object key written twice anywhere in the
// document: IAM rejects such policies, and which occurrence a tool reads
// differs between tools. The first occurrence is the one normalized.
func (b *builder) duplicates(n *tree.Node) {
	if n == nil || len(n.Alternatives) > 0 {
		return
	}
	first := make(map[string]*tree.Field, len(n.Keys)) // linear on huge objects
	for _, f := range n.Keys {
		if g, ok := first[f.Key]; ok {
			b.problem(f.KeyRange, "duplicate key %q (first at %d:%d): IAM rejects a policy that repeats a key", f.Key, g.KeyRange.Line, g.KeyRange.Column)
		} else {
			first[f.Key] = f
		}
		b.duplicates(f.Value)
	}
	for _, it := range n.Items {
		b.duplicates(it)
	}
}

// isUnknown reports whether n cannot be known offline, and its marker.
// Nodes with alternatives count as unknown: the CloudFormation parser
// evaluates each variant itself.
func isUnknown(n *tree.Node) (bool, string) {
	if n.Kind != tree.Unknown && len(n.Alternatives) == 0 {
		return false, ""
	}
	if model.HasUnknown(n.Text) {
		return true, n.Text
	}
	if n.Text != "" {
		return true, model.Unknown(n.Text)
	}
	return true, model.Unknown("conditional value")
}

// exprOf returns the expression of a whole marker.
func exprOf(marker string) string {
	if model.IsUnknown(marker) {
		return model.Segments(marker)[0].Text
	}
	return marker
}

// article names a node's type for messages: "a number", "an object".
func article(n *tree.Node) string {
	switch n.Kind {
	case tree.Object, tree.Array, tree.Unknown:
		return "an " + n.Kind.String()
	case tree.Null:
		return "null"
	}
	return "a " + n.Kind.String()
}

// suggest returns the allowed name that key most likely meant: the same name
// in another case or with stray white space.
func suggest(key string, allowed []string) string {
	k := strings.TrimSpace(key)
	for _, a := range allowed {
		if strings.EqualFold(k, a) {
			return a
		}
	}
	return ""
}

func joinNames(names []string) string { return strings.Join(names, ", ") }
