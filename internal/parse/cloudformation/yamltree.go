package cloudformation

import (
	"regexp"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// shortForms maps CloudFormation's YAML short-form tags to the long-form key
// they stand for, so that the rest of the package sees one notation.
var shortForms = map[string]string{
	"!Ref":          "Ref",
	"!Condition":    "Condition",
	"!Sub":          "Fn::Sub",
	"!GetAtt":       "Fn::GetAtt",
	"!Join":         "Fn::Join",
	"!Select":       "Fn::Select",
	"!Split":        "Fn::Split",
	"!If":           "Fn::If",
	"!Equals":       "Fn::Equals",
	"!Not":          "Fn::Not",
	"!And":          "Fn::And",
	"!Or":           "Fn::Or",
	"!FindInMap":    "Fn::FindInMap",
	"!ImportValue":  "Fn::ImportValue",
	"!Base64":       "Fn::Base64",
	"!Cidr":         "Fn::Cidr",
	"!GetAZs":       "Fn::GetAZs",
	"!Length":       "Fn::Length",
	"!ToJsonString": "Fn::ToJsonString",
}

// parseYAML reads a YAML (or JSON) template into a positioned tree. yaml.v3
// keeps aliases as references, so the conversion is where alias expansion is
// bounded: every alias adds the size of what it stands for to the node count,
// and the nesting it adds to the depth, without copying anything.
func parseYAML(src *source) (*tree.Node, *parse.Error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src.data, &doc); err != nil {
		return nil, yamlError(src, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &parse.Error{File: src.file, Line: 1, Column: 1, Message: "empty template"}
	}
	c := &yamlConverter{src: src, memo: map[*yaml.Node]converted{}}
	n := c.convert(doc.Content[0], 1, false)
	if c.err != nil {
		return nil, c.err
	}
	return n.node, nil
}

var yamlLine = regexp.MustCompile(`^yaml: (line \d+: )?`)

// yamlError turns a yaml.v3 error into a positioned error. yaml.v3 reports
// no column, and its line is often that of the enclosing construct (or
// missing when that is line 1), so the line is found by bisection instead:
// the first line at which the text stops being valid YAML.
func yamlError(src *source, err error) *parse.Error {
	msg := yamlLine.ReplaceAllString(err.Error(), "")
	return &parse.Error{File: src.file, Line: firstBadLine(src), Message: "invalid YAML: " + msg}
}

func firstBadLine(src *source) int {
	valid := func(lines int) bool {
		end := len(src.data)
		if lines < len(src.lineStart) {
			end = src.lineStart[lines]
		}
		var n yaml.Node
		return yaml.Unmarshal(src.data[:end], &n) == nil
	}
	lo, hi := 0, len(src.lineStart) // the first lo lines parse, the first hi do not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if valid(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

type converted struct {
	node   *tree.Node
	size   int // nodes after alias expansion
	height int // nesting after alias expansion
}

// maxAliasValues bounds the values that aliases may add to a template, far
// below parse.MaxNodes: every value is resolved once per variant and may
// become a policy statement, so a few hundred bytes of nested aliases must
// not turn into millions of statements. Real templates reuse anchors for a
// handful of tags or statements.
const maxAliasValues = 100000

type yamlConverter struct {
	src         *source
	nodes       int
	aliasValues int                      // values added by alias expansion
	memo        map[*yaml.Node]converted // anchored nodes, converted once
	err         *parse.Error
}

func (c *yamlConverter) fail(n *yaml.Node, format string, args ...any) converted {
	if c.err == nil {
		r := c.src.span(c.start(n), c.start(n))
		c.err = parse.Errorf(r, format, args...)
	}
	return converted{}
}

func (c *yamlConverter) start(n *yaml.Node) int { return c.src.offset(n.Line, n.Column) }

// convert converts n, which sits at nesting depth, in flow or block context.
func (c *yamlConverter) convert(n *yaml.Node, depth int, flow bool) converted {
	if c.err != nil {
		return converted{}
	}
	if depth > parse.MaxDepth {
		return c.fail(n, "template nested deeper than %d levels", parse.MaxDepth)
	}
	if n.Kind == yaml.AliasNode {
		return c.alias(n, depth, flow)
	}
	if done, ok := c.memo[n]; ok {
		return done
	}
	c.nodes++
	if c.nodes > parse.MaxNodes {
		return c.fail(n, "template has more than %d values (after alias expansion)", parse.MaxNodes)
	}
	var out converted
	switch {
	case n.Tag != "" && strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!"):
		out = c.tagged(n, depth, flow)
	default:
		out = c.plain(n, depth, flow)
	}
	if n.Anchor != "" && c.err == nil {
		c.memo[n] = out
	}
	return out
}

func (c *yamlConverter) alias(n *yaml.Node, depth int, flow bool) converted {
	if n.Alias == nil {
		return c.fail(n, "unknown alias %q", n.Value)
	}
	target, ok := c.memo[n.Alias]
	if !ok {
		target = c.convert(n.Alias, depth, flow)
		if c.err != nil {
			return converted{}
		}
		return target
	}
	c.nodes += target.size
	c.aliasValues += target.size
	if c.aliasValues > maxAliasValues {
		return c.fail(n, "aliases expand to more than %d values", maxAliasValues)
	}
	if c.nodes > parse.MaxNodes {
		return c.fail(n, "template has more than %d values (after alias expansion)", parse.MaxNodes)
	}
	if depth+target.height > parse.MaxDepth {
		return c.fail(n, "template nested deeper than %d levels (after alias expansion)", parse.MaxDepth)
	}
	// The value is shared, not copied; only its top takes the alias's
	// position, so that a finding on it points where the alias is written.
	start := c.start(n)
	top := *target.node
	top.Range = c.src.span(start, start+1+len(n.Value))
	target.node = &top
	return target
}

// tagged converts a short-form intrinsic (!Ref x) to its long form
// ({"Ref": x}); the object spans the tag and its operand.
func (c *yamlConverter) tagged(n *yaml.Node, depth int, flow bool) converted {
	key, ok := shortForms[n.Tag]
	if !ok {
		return c.fail(n, "unknown tag %s", n.Tag)
	}
	start := c.start(n)
	tagEnd := start
	for tagEnd < len(c.src.data) && !isSpace(c.src.data[tagEnd]) {
		tagEnd++
	}
	operand := *n
	operand.Tag = ""
	if n.Kind == yaml.ScalarNode {
		operand.Tag = "!!str" // the operand of a short form is always text
	}
	inner := c.plain(&operand, depth+1, flow)
	if c.err != nil {
		return converted{}
	}
	obj := &tree.Node{
		Kind:  tree.Object,
		Range: c.src.span(start, c.endOf(inner.node)),
		Keys:  []*tree.Field{{Key: key, KeyRange: c.src.span(start, tagEnd), Value: inner.node}},
	}
	return converted{node: obj, size: inner.size + 1, height: inner.height + 1}
}

func (c *yamlConverter) plain(n *yaml.Node, depth int, flow bool) converted {
	switch n.Kind {
	case yaml.ScalarNode:
		return c.scalar(n, flow)
	case yaml.SequenceNode:
		return c.sequence(n, depth, flow || n.Style&yaml.FlowStyle != 0)
	case yaml.MappingNode:
		return c.mapping(n, depth, flow || n.Style&yaml.FlowStyle != 0)
	}
	return c.fail(n, "unsupported YAML node")
}

func (c *yamlConverter) scalar(n *yaml.Node, flow bool) converted {
	start := c.contentStart(c.start(n))
	end := c.scalarEnd(n, start, flow)
	out := &tree.Node{Kind: tree.String, Text: n.Value, Range: c.src.span(start, end)}
	switch n.ShortTag() {
	case "!!null":
		out.Kind, out.Text = tree.Null, ""
	case "!!bool":
		out.Kind, out.Text = tree.Bool, strings.ToLower(n.Value)
	case "!!int", "!!float":
		out.Kind = tree.Number
	}
	return converted{node: out, size: 1, height: 1}
}

func (c *yamlConverter) sequence(n *yaml.Node, depth int, flow bool) converted {
	start := c.contentStart(c.start(n))
	out := &tree.Node{Kind: tree.Array}
	size, height := 1, 0
	end := start + 1
	for _, item := range n.Content {
		v := c.convert(item, depth+1, flow)
		if c.err != nil {
			return converted{}
		}
		out.Items = append(out.Items, v.node)
		size, height = size+v.size, max(height, v.height)
		end = max(end, c.endOf(v.node))
	}
	if flow {
		end = c.closeBracket(end)
	}
	out.Range = c.src.span(start, end)
	return converted{node: out, size: size, height: height + 1}
}

func (c *yamlConverter) mapping(n *yaml.Node, depth int, flow bool) converted {
	start := c.contentStart(c.start(n))
	out := &tree.Node{Kind: tree.Object}
	size, height := 1, 0
	end := start + 1
	var merges []*tree.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k
		if key.Kind == yaml.AliasNode && key.Alias != nil {
			key = key.Alias
		}
		if key.Kind != yaml.ScalarNode {
			return c.fail(k, "mapping keys must be strings")
		}
		val := c.convert(v, depth+1, flow)
		if c.err != nil {
			return converted{}
		}
		size, height = size+val.size+1, max(height, val.height)
		end = max(end, c.endOf(val.node))
		if key.ShortTag() == "!!merge" {
			merges = append(merges, val.node)
			continue
		}
		ks := c.contentStart(c.start(k))
		out.Keys = append(out.Keys, &tree.Field{
			Key:      key.Value,
			KeyRange: c.src.span(ks, c.scalarEnd(key, ks, flow)),
			Value:    val.node,
		})
	}
	for _, m := range merges {
		mergeInto(out, m)
	}
	if flow {
		end = c.closeBracket(end)
	}
	out.Range = c.src.span(start, end)
	return converted{node: out, size: size, height: height + 1}
}

// mergeInto applies a YAML merge key (<<: *base): members of the merged
// mappings that the mapping does not set itself.
func mergeInto(dst, src *tree.Node) {
	var sources []*tree.Node
	switch src.Kind {
	case tree.Object:
		sources = []*tree.Node{src}
	case tree.Array:
		sources = src.Items
	}
	for _, s := range sources {
		if s == nil || s.Kind != tree.Object {
			continue
		}
		for _, f := range s.Keys {
			if dst.Field(f.Key) == nil {
				dst.Keys = append(dst.Keys, f)
			}
		}
	}
}
