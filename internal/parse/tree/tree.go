// Package tree is the format-neutral value tree with positions that parsers
// build from JSON, YAML and HCL, so that policy documents and configuration
// blocks are normalized by one piece of code whatever the input format.
package tree

import (
	"strconv"

	"github.com/ctlint/ctlint/internal/model"
)

// Kind is the type of a Node.
type Kind uint8

// Node kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
	// Unknown is a value that cannot be resolved offline; Text holds its
	// marker (model.Unknown(expr)).
	Unknown
)

func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object", "unknown"}[k]
}

// Node is one value with the range of source text that produced it.
type Node struct {
	Kind Kind
	// Text is the scalar as text: a string (possibly holding unknown
	// markers), a number as written, "true"/"false", or an unknown's marker.
	Text  string
	Items []*Node  // Array elements
	Keys  []*Field // Object members, in source order
	Range model.Range
	// Alternatives holds the possible values of a node whose value depends on
	// a condition that cannot be decided offline (CloudFormation Fn::If with
	// an unknown condition). Kind is then Unknown.
	Alternatives []*Node
}

// Field is one member of an object.
type Field struct {
	Key      string
	KeyRange model.Range
	Value    *Node
}

// Get returns the value of the first member named key (exact match), or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for _, f := range n.Keys {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Field returns the first member named key (exact match), or nil.
func (n *Node) Field(key string) *Field {
	if n == nil || n.Kind != Object {
		return nil
	}
	for _, f := range n.Keys {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// IsScalar reports whether n is a string, number or boolean.
func (n *Node) IsScalar() bool {
	return n != nil && (n.Kind == String || n.Kind == Number || n.Kind == Bool)
}

// Float returns a number node's value (or a numeric string's).
func (n *Node) Float() (float64, bool) {
	if n == nil || (n.Kind != Number && n.Kind != String) {
		return 0, false
	}
	f, err := strconv.ParseFloat(n.Text, 64)
	return f, err == nil
}

// Attr converts a scalar or unknown node to a model attribute: strings stay
// strings, numbers become float64, booleans bool. It returns nil for nil.
func (n *Node) Attr() *model.Attr {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Bool:
		return model.Bool(n.Text == "true", n.Range)
	case Number:
		if f, ok := n.Float(); ok {
			return model.Num(f, n.Range)
		}
		return model.Str(n.Text, n.Range)
	case String:
		return model.Str(n.Text, n.Range)
	case Unknown:
		return &model.Attr{Value: n.Text, Known: false, Range: n.Range}
	}
	return &model.Attr{Value: nil, Known: true, Range: n.Range}
}

// Walk calls fn for n and every node below it, depth first.
func Walk(n *Node, fn func(*Node)) {
	if n == nil {
		return
	}
	fn(n)
	for _, it := range n.Items {
		Walk(it, fn)
	}
	for _, f := range n.Keys {
		Walk(f.Value, fn)
	}
	for _, a := range n.Alternatives {
		Walk(a, fn)
	}
}
