package terraform

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// spec names the nested blocks of a body, for .tf.json files where blocks and
// attributes look alike and only a schema tells them apart. Native syntax
// bodies do not need it.
type spec map[string]spec

// block is one nested block, after dynamic expansion, with the environment
// (iterator variables) its expressions are evaluated in.
type block struct {
	typ    string
	labels []string
	body   hcl.Body
	rng    hcl.Range
	env    *env
	spec   spec
}

// content is a body's attributes and blocks.
type content struct {
	attrs  map[string]*hcl.Attribute
	blocks []*block
	env    *env
	rng    hcl.Range
}

// metaArguments are Terraform's own arguments, never provider settings.
var metaArguments = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true, "lifecycle": true}

// read returns the content of body, evaluated in e. Dynamic blocks are
// expanded when their for_each is known, or become one instance whose
// iterator is unknown.
func (e *env) read(body hcl.Body, sp spec, rng hcl.Range) *content {
	c := &content{attrs: map[string]*hcl.Attribute{}, env: e, rng: rng}
	if body == nil {
		return c
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		for name, a := range sb.Attributes {
			if !metaArguments[name] {
				c.attrs[name] = a.AsHCLAttribute()
			}
		}
		for _, b := range sb.Blocks {
			switch {
			case b.Type == "dynamic" && len(b.Labels) == 1:
				c.blocks = append(c.blocks, e.expandDynamic(b, sp)...)
			case metaArguments[b.Type]:
			default:
				c.blocks = append(c.blocks, &block{typ: b.Type, labels: b.Labels, body: b.Body, rng: b.Range(), env: e, spec: sp[b.Type]})
			}
		}
		return c
	}
	schema := &hcl.BodySchema{}
	names := make([]string, 0, len(sp))
	for name := range sp {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		schema.Blocks = append(schema.Blocks, hcl.BlockHeaderSchema{Type: name})
	}
	bc, remain, _ := body.PartialContent(schema)
	if bc != nil {
		for _, b := range bc.Blocks {
			c.blocks = append(c.blocks, &block{typ: b.Type, labels: b.Labels, body: b.Body, rng: blockRange(b), env: e, spec: sp[b.Type]})
		}
		sort.SliceStable(c.blocks, func(i, j int) bool { return rangeLess(c.blocks[i].rng, c.blocks[j].rng) })
	}
	if remain != nil {
		attrs, _ := remain.JustAttributes()
		for name, a := range attrs {
			if !metaArguments[name] {
				c.attrs[name] = a
			}
		}
	}
	return c
}

// readBlock returns the content of a nested block.
func (b *block) read() *content { return b.env.read(b.body, b.spec, b.rng) }

// expandDynamic expands `dynamic "label" { for_each = ... content { ... } }`.
func (e *env) expandDynamic(d *hclsyntax.Block, sp spec) []*block {
	label := d.Labels[0]
	iterator := label
	var forEach hcl.Expression
	if a := d.Body.Attributes["iterator"]; a != nil {
		if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
			iterator = kw
		}
	}
	if a := d.Body.Attributes["for_each"]; a != nil {
		forEach = a.Expr
	}
	var tmpl *hclsyntax.Block
	for _, b := range d.Body.Blocks {
		if b.Type == "content" {
			tmpl = b
		}
	}
	if tmpl == nil || forEach == nil {
		return nil
	}
	mk := func(key, value cty.Value) *block {
		inner := e.with(map[string]cty.Value{iterator: cty.ObjectVal(map[string]cty.Value{"key": key, "value": value})})
		return &block{typ: label, body: tmpl.Body, rng: d.Range(), env: inner, spec: sp[label]}
	}
	pairs, known := e.iterate(forEach, d.Range())
	if !known {
		return []*block{mk(markerVal(iterator+".key"), markerVal(iterator+".value"))}
	}
	out := make([]*block, 0, len(pairs))
	for _, kv := range pairs {
		out = append(out, mk(kv[0], kv[1]))
	}
	return out
}
