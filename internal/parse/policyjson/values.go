package policyjson

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// attr returns the setting written in the first of the members names of n,
// as written (see the package documentation), or nil when none is written.
func attr(n *tree.Node, names ...string) *model.Attr {
	for _, name := range names {
		if v := n.Get(name); v != nil {
			return v.Attr()
		}
	}
	return nil
}

// object returns the member name of n when it is an object, nil when it is
// not written, and an error when it is something else.
func object(n *tree.Node, name string) (*tree.Node, error) {
	v := n.Get(name)
	if v == nil || v.Kind == tree.Null {
		return nil, nil
	}
	if v.Kind != tree.Object {
		return nil, parse.Errorf(v.Range, "%s must be an object, not %s", name, typeName(v))
	}
	return v, nil
}

// objects returns the member name of n when it is a list of objects.
func objects(n *tree.Node, name string) ([]*tree.Node, error) {
	v := n.Get(name)
	if v == nil || v.Kind == tree.Null {
		return nil, nil
	}
	if v.Kind != tree.Array {
		return nil, parse.Errorf(v.Range, "%s must be a list of objects, not %s", name, typeName(v))
	}
	for i, it := range v.Items {
		if it.Kind != tree.Object {
			return nil, parse.Errorf(it.Range, "%s[%d] must be an object, not %s", name, i, typeName(it))
		}
	}
	return v.Items, nil
}

// values returns the scalars of the list member name of n as text; a single
// scalar counts as a list of one.
func values(n *tree.Node, name string) ([]model.Value, error) {
	out := []model.Value{}
	v := n.Get(name)
	if v == nil || v.Kind == tree.Null {
		return out, nil
	}
	items := v.Items
	if v.Kind != tree.Array {
		items = []*tree.Node{v}
	}
	for _, it := range items {
		if !it.IsScalar() {
			return nil, parse.Errorf(it.Range, "%s values must be strings, not %s", name, typeName(it))
		}
		out = append(out, model.Value{Value: it.Text, Range: it.Range})
	}
	return out, nil
}

func typeName(n *tree.Node) string {
	switch n.Kind {
	case tree.Object, tree.Array:
		return "an " + n.Kind.String()
	case tree.Null:
		return "null"
	}
	return "a " + n.Kind.String()
}
