package cloudformation

import (
	"strconv"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// builder turns the resolved resources of one variant into a document.
type builder struct {
	r       *resolver
	doc     *model.Document
	present map[string]bool // resources that exist in this variant
	aliases []*alias
}

type alias struct {
	name  string
	key   string // linked key ID, or ""
	value string // TargetKeyId as resolved
}

func build(t *template, opts Options, v variant) (*model.Document, map[string]bool) {
	b := &builder{
		r: newResolver(t, opts, v.assign),
		doc: &model.Document{
			Scope: model.Scope{Kind: model.ScopeCloudFormation, Path: t.file, Files: []string{t.file}, Variant: v.name},
		},
		present: map[string]bool{},
	}
	for _, res := range t.resources {
		if res.Condition != "" && b.r.condValue(res.Condition) == no {
			continue
		}
		b.present[res.ID] = true
		b.r.resource = res.ID
		props := b.r.value(res.Properties)
		if props != nil && props.Kind != tree.Object {
			if props.Kind == tree.Unknown {
				b.r.unknown(props.Text, props.Range, "the properties of "+res.ID+" cannot be resolved offline")
			}
			props = nil
		}
		switch res.Type {
		case typeBucket:
			b.bucket(res, props)
		case typeBucketPolicy:
			b.bucketPolicy(res, props)
		case typeKey:
			b.key(res, props)
		case typeAlias:
			b.alias(props)
		case typeTrail:
			b.trail(res, props)
		}
	}
	b.attachAliases()
	b.doc.Unresolved = append(b.doc.Unresolved, b.r.unresolved...)
	return b.doc, b.present
}

// field returns the named property, or nil when it is not written (or
// removed by AWS::NoValue).
func field(obj *tree.Node, name string) *tree.Field {
	if obj == nil {
		return nil
	}
	return obj.Field(name)
}

// propRange spans a property from its key to the end of its value, so that
// findings point at the property's line. A value that comes from elsewhere
// (a Mappings entry) leaves the key's range alone.
func propRange(f *tree.Field) model.Range {
	v := f.Value.Range
	if v.IsZero() || v.Line < f.KeyRange.Line || (v.Line == f.KeyRange.Line && v.Column < f.KeyRange.Column) {
		return f.KeyRange
	}
	return spanOf(f.KeyRange, v)
}

// attr converts a scalar property; nil when not written (a null value, as
// CloudFormation reads it, is not written either).
func (b *builder) attr(obj *tree.Node, name string) *model.Attr {
	f := field(obj, name)
	if f == nil || f.Value.Kind == tree.Null {
		return nil
	}
	return nodeAttr(f.Value, propRange(f))
}

func nodeAttr(n *tree.Node, rng model.Range) *model.Attr {
	switch n.Kind {
	case tree.Array, tree.Object:
		return model.UnknownAttr("an "+n.Kind.String()+" where a single value belongs", rng) // array, object
	}
	a := n.Attr()
	a.Range = rng
	return a
}

// boolAttr converts a boolean property; CloudFormation accepts "true" and
// "false" as strings too.
func (b *builder) boolAttr(obj *tree.Node, name string) *model.Attr {
	a := b.attr(obj, name)
	if a == nil || !a.Known {
		return a
	}
	if s, ok := a.Value.(string); ok {
		switch strings.ToLower(s) {
		case "true":
			return model.Bool(true, a.Range)
		case "false":
			return model.Bool(false, a.Range)
		}
	}
	return a
}

// numAttr converts a numeric property; numbers written as strings count.
func (b *builder) numAttr(obj *tree.Node, name string) *model.Attr {
	a := b.attr(obj, name)
	if a == nil || !a.Known {
		return a
	}
	if s, ok := a.Value.(string); ok {
		if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return model.Num(f, a.Range)
		}
	}
	return a
}

// linkOf returns the logical ID the property refers to, if any.
func (b *builder) linkOf(obj *tree.Node, name string) string {
	if f := field(obj, name); f != nil {
		return b.r.links[f.Value]
	}
	return ""
}

// values converts a list of strings (or one string) to policy-style values.
func values(obj *tree.Node, name string) []model.Value {
	f := field(obj, name)
	if f == nil {
		return nil
	}
	items := []*tree.Node{f.Value}
	if f.Value.Kind == tree.Array {
		items = f.Value.Items
	}
	out := make([]model.Value, 0, len(items))
	for _, it := range items {
		s, ok := textOf(it)
		if !ok {
			s = model.Unknown("a " + it.Kind.String() + " where a string belongs")
		}
		out = append(out, model.Value{Value: s, Range: it.Range})
	}
	return out
}

// objects returns the property as a list of objects (a single object counts
// as a list of one), skipping anything else.
func objects(obj *tree.Node, name string) []*tree.Node {
	f := field(obj, name)
	if f == nil {
		return nil
	}
	items := []*tree.Node{f.Value}
	if f.Value.Kind == tree.Array {
		items = f.Value.Items
	}
	var out []*tree.Node
	for _, it := range items {
		if it.Kind == tree.Object {
			out = append(out, it)
		}
	}
	return out
}

// object returns the property if it is an object.
func object(obj *tree.Node, name string) (*tree.Node, model.Range) {
	f := field(obj, name)
	if f == nil || f.Value.Kind != tree.Object {
		return nil, model.Range{}
	}
	return f.Value, propRange(f)
}
