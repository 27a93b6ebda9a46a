package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

var iamDocSpec = spec{"statement": {"principals": nil, "not_principals": nil, "condition": nil}}

// docUse records an aws_iam_policy_document instance and whether a bucket or
// key policy used it; unused ones are still checked as identity policies.
type docUse struct {
	decl *resourceDecl
	inst *instance
	m    *moduleInst
	used bool
}

// docUse returns the usage record of a policy document instance.
func (p *parser) docUse(addr string) *docUse {
	u := p.docUses[addr]
	if u == nil {
		u = &docUse{}
		p.docUses[addr] = u
	}
	return u
}

// iamDocument builds the policy document an aws_iam_policy_document data
// source renders, as Terraform does: statements from
// source_policy_documents, then this document's statements (replacing source
// statements with the same sid), then override_policy_documents (replacing
// statements with the same sid, or appended). Each statement keeps the range
// of the block that wrote it.
func (m *moduleInst) iamDocument(decl *resourceDecl, inst *instance, depth int) policyResult {
	p := m.p
	p.docUse(inst.addr).used = true
	e := inst.env
	c := e.read(decl.body, iamDocSpec, decl.rng)
	root := &tree.Node{Kind: tree.Object, Range: p.rng(decl.rng)}
	var problems []model.Problem

	version := &tree.Node{Kind: tree.String, Text: "2012-10-17", Range: p.rng(decl.defRange)} // the provider's default
	if a := c.attrs["version"]; a != nil {
		version = e.valueNode(a.Expr)
		version.Range = p.rng(a.Range)
	}
	root.Keys = append(root.Keys, &tree.Field{Key: "Version", KeyRange: version.Range, Value: version})
	if a := c.attrs["policy_id"]; a != nil {
		n := e.valueNode(a.Expr)
		n.Range = p.rng(a.Range)
		root.Keys = append(root.Keys, &tree.Field{Key: "Id", KeyRange: n.Range, Value: n})
	}

	var stmts []*tree.Node
	sources, unresolved, probs := e.documentStatements(c.attrs["source_policy_documents"], depth)
	if unresolved != "" {
		return policyResult{unresolved: unresolved}
	}
	problems = append(problems, probs...)
	stmts = append(stmts, sources...)
	for _, b := range c.blocksOf("statement") {
		stmts = mergeBySid(stmts, b.statementNode())
	}
	overrides, unresolved, probs := e.documentStatements(c.attrs["override_policy_documents"], depth)
	if unresolved != "" {
		return policyResult{unresolved: unresolved}
	}
	problems = append(problems, probs...)
	for _, s := range overrides {
		stmts = mergeBySid(stmts, s)
	}
	arr := &tree.Node{Kind: tree.Array, Range: root.Range, Items: stmts}
	root.Keys = append(root.Keys, &tree.Field{Key: "Statement", KeyRange: root.Range, Value: arr})
	return policyResult{node: root, problems: problems}
}

// documentStatements returns the statements of the documents listed in a
// source_policy_documents / override_policy_documents argument, each with
// the ranges where it was written.
func (e *env) documentStatements(a *hcl.Attribute, depth int) ([]*tree.Node, string, []model.Problem) {
	if a == nil {
		return nil, "", nil
	}
	p := e.m.p
	tup, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil, p.text(a.Expr.Range()), nil
	}
	var out []*tree.Node
	var problems []model.Problem
	for _, el := range tup.Exprs {
		res := e.policyTree(el, depth+1)
		problems = append(problems, res.problems...)
		if res.node == nil {
			if res.unresolved != "" {
				return nil, res.unresolved, nil
			}
			continue
		}
		switch st := res.node.Get("Statement"); {
		case st == nil:
		case st.Kind == tree.Array:
			out = append(out, st.Items...)
		default:
			out = append(out, st)
		}
	}
	return out, "", problems
}

// mergeBySid replaces the statement with the same non-empty Sid, or appends.
func mergeBySid(stmts []*tree.Node, s *tree.Node) []*tree.Node {
	if sid := sidOf(s); sid != "" {
		for i, have := range stmts {
			if sidOf(have) == sid {
				stmts[i] = s
				return stmts
			}
		}
	}
	return append(stmts, s)
}

func sidOf(s *tree.Node) string {
	if n := s.Get("Sid"); n != nil && n.Kind == tree.String {
		return n.Text
	}
	return ""
}

// statementNode renders a statement block as the JSON statement Terraform
// writes, with the block's range on the statement.
func (b *block) statementNode() *tree.Node {
	c := b.read()
	p := b.env.m.p
	r := p.rng(b.rng)
	n := &tree.Node{Kind: tree.Object, Range: r}
	add := func(key string, kr model.Range, v *tree.Node) {
		n.Keys = append(n.Keys, &tree.Field{Key: key, KeyRange: kr, Value: v})
	}
	if a := c.attrs["sid"]; a != nil {
		if v := c.env.valueNode(a.Expr); v.Kind != tree.String || v.Text != "" {
			v.Range = p.rng(a.Range)
			add("Sid", v.Range, v)
		}
	}
	if a := c.attrs["effect"]; a != nil {
		v := c.env.valueNode(a.Expr)
		v.Range = p.rng(a.Range)
		add("Effect", v.Range, v)
	} else {
		add("Effect", r, &tree.Node{Kind: tree.String, Text: "Allow", Range: r}) // the provider's default
	}
	for _, el := range []struct{ arg, key string }{
		{"actions", "Action"}, {"not_actions", "NotAction"}, {"resources", "Resource"}, {"not_resources", "NotResource"},
	} {
		if a := c.attrs[el.arg]; a != nil {
			add(el.key, p.rng(a.NameRange), listNode(c.values(el.arg), p.rng(a.Range)))
		}
	}
	for _, el := range []struct{ block, key string }{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		if pb := c.blocksOf(el.block); len(pb) > 0 {
			add(el.key, p.rng(pb[0].rng), principalNode(pb))
		}
	}
	if cb := c.blocksOf("condition"); len(cb) > 0 {
		add("Condition", p.rng(cb[0].rng), conditionNode(cb))
	}
	return n
}

func listNode(vals []model.Value, r model.Range) *tree.Node {
	n := &tree.Node{Kind: tree.Array, Range: r}
	for _, v := range vals {
		kind := tree.String
		if model.IsUnknown(v.Value) {
			kind = tree.Unknown
		}
		n.Items = append(n.Items, &tree.Node{Kind: kind, Text: v.Value, Range: v.Range})
	}
	return n
}

// principalNode merges principals blocks by type; a lone "*" type with "*"
// identifiers is rendered as "Principal": "*", as the provider does.
func principalNode(blocks []*block) *tree.Node {
	p := blocks[0].env.m.p
	r := p.rng(blocks[0].rng)
	if len(blocks) == 1 {
		c := blocks[0].read()
		typ, ids := c.str("type"), c.values("identifiers")
		if typ.String() == "*" && len(ids) == 1 && ids[0].Value == "*" {
			return &tree.Node{Kind: tree.String, Text: "*", Range: r}
		}
	}
	n := &tree.Node{Kind: tree.Object, Range: r}
	for _, b := range blocks {
		c := b.read()
		typ := c.str("type")
		if typ == nil {
			continue
		}
		ids := listNode(c.values("identifiers"), p.rng(b.rng))
		if f := n.Field(typ.String()); f != nil {
			f.Value.Items = append(f.Value.Items, ids.Items...)
			continue
		}
		n.Keys = append(n.Keys, &tree.Field{Key: typ.String(), KeyRange: typ.Range, Value: ids})
	}
	return n
}

// conditionNode renders condition blocks as {test: {variable: [values]}}.
// Each condition key's range, and its values array's, is the range of the
// block that wrote it, so a finding on a condition points at its block.
func conditionNode(blocks []*block) *tree.Node {
	p := blocks[0].env.m.p
	n := &tree.Node{Kind: tree.Object, Range: p.rng(blocks[0].rng)}
	for _, b := range blocks {
		c := b.read()
		br := p.rng(b.rng)
		test, variable := c.str("test"), c.str("variable")
		if test == nil || variable == nil {
			continue
		}
		op := n.Field(test.String())
		if op == nil {
			op = &tree.Field{Key: test.String(), KeyRange: br, Value: &tree.Node{Kind: tree.Object, Range: br}}
			n.Keys = append(n.Keys, op)
		}
		values := listNode(c.values("values"), br)
		if have := op.Value.Field(variable.String()); have != nil {
			// The provider merges blocks with the same test and variable.
			have.Value.Items = append(have.Value.Items, values.Items...)
			continue
		}
		op.Value.Keys = append(op.Value.Keys, &tree.Field{Key: variable.String(), KeyRange: br, Value: values})
	}
	return n
}
