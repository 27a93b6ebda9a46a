package tfplan

import (
	"strings"

	"github.com/ctlint/ctlint/internal/parse/tree"
)

// cfgModule is one module of the plan's configuration section: its
// resources' expressions and its module calls.
type cfgModule struct {
	resources map[string]*tree.Node // local address -> expressions
	calls     map[string]*cfgCall
}

type cfgCall struct {
	source string
	module *cfgModule
}

func readConfig(c *tree.Node) *cfgModule {
	return readCfgModule(c.Get("root_module"), 0)
}

func readCfgModule(m *tree.Node, depth int) *cfgModule {
	if m == nil || m.Kind != tree.Object || depth > maxModuleDepth {
		return nil
	}
	cm := &cfgModule{resources: map[string]*tree.Node{}, calls: map[string]*cfgCall{}}
	if rs := m.Get("resources"); rs != nil && rs.Kind == tree.Array {
		for _, r := range rs.Items {
			if addr := text(r.Get("address")); addr != "" {
				expr := r.Get("expressions")
				if expr == nil {
					expr = &tree.Node{Kind: tree.Object, Range: r.Range}
				}
				cm.resources[addr] = expr
			}
		}
	}
	if calls := m.Get("module_calls"); calls != nil && calls.Kind == tree.Object {
		for _, f := range calls.Keys {
			cm.calls[f.Key] = &cfgCall{source: text(f.Value.Get("source")), module: readCfgModule(f.Value.Get("module"), depth+1)}
		}
	}
	return cm
}

// module returns the configuration of the module at path, or nil.
func (m *cfgModule) module(path []string) *cfgModule {
	for _, name := range path {
		if m == nil {
			return nil
		}
		call := m.calls[name]
		if call == nil {
			return nil
		}
		m = call.module
	}
	return m
}

// resource returns the expressions of a resource of the module at path;
// ok is false when the plan has no configuration for it (a state file).
func (m *cfgModule) resource(path []string, local string) (*tree.Node, bool) {
	mod := m.module(path)
	if mod == nil {
		return nil, false
	}
	expr, ok := mod.resources[local]
	return expr, ok
}

// expression returns the expression object at path inside a resource's
// expressions: attribute names and, for nested blocks (arrays of objects),
// element indexes.
func expression(exprs *tree.Node, path []any) *tree.Node {
	n := exprs
	for _, step := range path {
		if n == nil {
			return nil
		}
		switch s := step.(type) {
		case string:
			if n.Kind == tree.Array && len(n.Items) > 0 { // a single block written as a list
				n = n.Items[0]
			}
			n = n.Get(s)
		case int:
			if n.Kind != tree.Array {
				continue // a block Terraform rendered as one object
			}
			if s < 0 || s >= len(n.Items) {
				return nil
			}
			n = n.Items[s]
		}
	}
	return n
}

// references lists the references of the expression at path
// (["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"]).
func references(exprs *tree.Node, path ...any) []string {
	e := expression(exprs, path)
	refs := e.Get("references")
	if refs == nil || refs.Kind != tree.Array {
		return nil
	}
	var out []string
	for _, r := range refs.Items {
		if s := text(r); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// refTarget splits a reference into the resource it names and the instance
// key written after it: "aws_s3_bucket.logs[0].id" with prefix
// "aws_s3_bucket." gives ("logs", "[0]", true).
func refTarget(ref, prefix string) (name, key string, ok bool) {
	rest, found := strings.CutPrefix(ref, prefix)
	if !found {
		return "", "", false
	}
	end := strings.IndexAny(rest, ".[")
	if end < 0 {
		end = len(rest)
	}
	name, rest = rest[:end], rest[end:]
	if name == "" {
		return "", "", false
	}
	if strings.HasPrefix(rest, "[") {
		n := keyLength(rest)
		if n < 0 {
			return "", "", false
		}
		key = rest[:n]
	}
	return name, key, true
}
