package terraform

import (
	"errors"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/policydoc"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// maxFollow bounds how far a policy is followed through locals, variables
// and source documents to the syntax that wrote it.
const maxFollow = 32

// policyResult is a policy document as a positioned tree; or, with no tree,
// the text of the expression that could not be resolved offline, or the
// problems of a text that is not JSON.
type policyResult struct {
	node       *tree.Node
	problems   []model.Problem
	unresolved string
}

// policy builds the model policy written by a policy argument.
func (e *env) policy(a *hcl.Attribute, id, kind string) *model.Policy {
	p := e.m.p
	id = p.uniquePolicyID(id)
	res := e.policyTree(a.Expr, 0)
	if res.node == nil && len(res.problems) > 0 { // not JSON: a defect, not an unknown
		return &model.Policy{ID: id, Kind: kind, Range: p.rng(a.Range), Statements: []*model.Statement{}, Problems: res.problems}
	}
	if res.node == nil {
		text := res.unresolved
		if text == "" {
			text = p.text(a.Expr.Range())
		}
		return &model.Policy{ID: id, Kind: kind, Range: p.rng(a.Range), Unresolved: model.Unknown(text), Statements: []*model.Statement{}, Problems: []model.Problem{}}
	}
	return policyFromTree(res, id, kind)
}

func policyFromTree(res policyResult, id, kind string) *model.Policy {
	pol := policydoc.FromNode(res.node, id, kind)
	pol.Problems = append(pol.Problems, res.problems...)
	if pol.Statements == nil {
		pol.Statements = []*model.Statement{}
	}
	if pol.Problems == nil {
		pol.Problems = []model.Problem{}
	}
	return pol
}

// policyTree follows a policy expression to the syntax that wrote it:
// jsonencode() of HCL objects, heredocs and strings, file() and
// templatefile(), aws_iam_policy_document data sources, and locals or
// variables holding any of these. Anything else is evaluated and parsed with
// every position at the expression.
func (e *env) policyTree(expr hcl.Expression, depth int) policyResult {
	p := e.m.p
	if depth > maxFollow {
		return policyResult{unresolved: p.text(expr.Range())}
	}
	switch x := expr.(type) {
	case *hclsyntax.TemplateWrapExpr:
		return e.policyTree(x.Wrapped, depth+1)
	case *hclsyntax.FunctionCallExpr:
		switch {
		case x.Name == "jsonencode" && len(x.Args) == 1 && !x.ExpandFinal:
			return policyResult{node: e.syntaxNode(x.Args[0], depth+1)}
		case x.Name == "file" && len(x.Args) == 1:
			return e.filePolicy(x)
		case x.Name == "templatefile" && len(x.Args) == 2:
			return e.templateFilePolicy(x)
		}
	case *hclsyntax.ScopeTraversalExpr:
		if res, ok := e.followTraversal(x.Traversal, depth); ok {
			return res
		}
	case *hclsyntax.TemplateExpr:
		r, unresolved := p.render(x, e.evalSyntax)
		if unresolved != "" {
			return policyResult{unresolved: unresolved}
		}
		return p.parseRendered(r)
	}
	return e.evaluatedPolicy(expr)
}

func (e *env) evalSyntax(x hclsyntax.Expression) cty.Value { return e.eval(x) }

// followTraversal follows local.x, var.x and data.aws_iam_policy_document.x.json.
func (e *env) followTraversal(t hcl.Traversal, depth int) (policyResult, bool) {
	m := e.m
	names := traversalNames(t)
	switch {
	case len(names) == 2 && names[0] == "local":
		// Evaluate the local first: that reports a reference cycle at the
		// locals forming it, where following the syntax alone would end
		// at maxFollow with only an unresolved policy.
		m.local(names[1])
		if a := m.cfg.locals[names[1]]; a != nil && m.localState[names[1]] != visiting {
			return m.env().policyTree(a.Expr, depth+1), true
		}
	case len(names) == 2 && names[0] == "var":
		if _, cli := m.p.opts.Vars[names[1]]; cli && m.parent == nil {
			return policyResult{}, false
		}
		if src, ok := m.variableSource(names[1]); ok {
			return src.env.policyTree(src.expr, depth+1), true
		}
	case len(names) == 4 && names[0] == "data" && names[1] == "aws_iam_policy_document" && (names[3] == "json" || names[3] == "minified_json"):
		decl := m.cfg.byAddr["data.aws_iam_policy_document."+names[2]]
		if decl == nil {
			return policyResult{}, false
		}
		inst := m.pickInstance(decl, t)
		if inst == nil {
			return policyResult{}, false
		}
		return m.iamDocument(decl, inst, depth+1), true
	}
	return policyResult{}, false
}

// traversalNames lists the attribute names of a traversal, skipping indexes.
func traversalNames(t hcl.Traversal) []string {
	out := []string{t.RootName()}
	for _, s := range t[1:] {
		if a, ok := s.(hcl.TraverseAttr); ok {
			out = append(out, a.Name)
		}
	}
	return out
}

// pickInstance returns the instance a traversal names: the only one, or the
// one whose literal key follows the block name.
func (m *moduleInst) pickInstance(decl *resourceDecl, t hcl.Traversal) *instance {
	insts, kind := m.instancesOf(decl)
	if kind == single || kind == unknownKeys {
		if len(insts) == 0 {
			return nil
		}
		return insts[0]
	}
	pos := 3
	if decl.mode == "" {
		pos = 2
	}
	if len(t) <= pos {
		return nil
	}
	idx, ok := t[pos].(hcl.TraverseIndex)
	if !ok {
		return nil
	}
	for _, inst := range insts {
		if inst.key != cty.NilVal && inst.key.Type() == idx.Key.Type() && inst.key.Equals(idx.Key).True() {
			return inst
		}
	}
	return nil
}

// evaluatedPolicy evaluates a policy expression that is not followed
// syntactically; positions then all name the expression.
func (e *env) evaluatedPolicy(expr hcl.Expression) policyResult {
	p := e.m.p
	v := e.eval(expr)
	s, ok := stringOf(v)
	if !ok || isMarkerOnly(s) {
		return policyResult{unresolved: p.text(expr.Range())}
	}
	r := expr.Range()
	here := func(int) (int, int) { return r.Start.Line, r.Start.Column }
	return parseJSON(p.display(r.Filename), []byte(s), here)
}

func (e *env) filePolicy(call *hclsyntax.FunctionCallExpr) policyResult {
	p := e.m.p
	v := e.eval(call)
	if _, ok := stringOf(v); !ok || holdsMarker(v) {
		return policyResult{unresolved: p.text(call.Range())}
	}
	name := e.eval(call.Args[0])
	fsPath, ok := p.confine(name.AsString(), "")
	if !ok || p.sources[fsPath] == nil {
		return policyResult{unresolved: p.text(call.Range())}
	}
	data := p.sources[fsPath]
	return parseJSON(p.display(fsPath), data, jsonpos.NewLines(data).Position)
}

func (e *env) templateFilePolicy(call *hclsyntax.FunctionCallExpr) policyResult {
	p := e.m.p
	if v := e.eval(call); holdsMarker(v) || !v.IsWhollyKnown() {
		return policyResult{unresolved: p.text(call.Range())}
	}
	name := e.eval(call.Args[0])
	vars := templateVars(e.eval(call.Args[1]))
	tmpl, ok := p.template(name.AsString())
	if !ok {
		return policyResult{unresolved: p.text(call.Range())}
	}
	te, ok := tmpl.(*hclsyntax.TemplateExpr)
	if !ok {
		return e.evaluatedPolicy(call)
	}
	ctx := &hcl.EvalContext{Variables: vars, Functions: e.m.p.funcs}
	r, unresolved := p.render(te, func(x hclsyntax.Expression) cty.Value {
		v, diags := safeValue(x, ctx)
		if diags.HasErrors() {
			return cty.NilVal
		}
		return v
	})
	if unresolved != "" {
		return policyResult{unresolved: p.text(call.Range())}
	}
	return p.parseRendered(r)
}

func (p *parser) parseRendered(r rendered) policyResult {
	lines := jsonpos.NewLines(p.sources[r.file])
	return parseJSON(p.display(r.file), r.text, lines.Mapped(0, r.offsets))
}

// parseJSON parses a policy's JSON text. Text that is not JSON is a defect
// of the policy (CT001), reported where the parser stopped.
func parseJSON(file string, data []byte, pos jsonpos.Position) policyResult {
	res, err := jsonpos.ParseAt(file, data, pos)
	if err != nil {
		r := model.Range{File: file}
		var pe *parse.Error
		if errors.As(err, &pe) {
			r = model.Range{File: pe.File, Line: pe.Line, Column: pe.Column, EndLine: pe.Line, EndColumn: pe.Column}
		}
		return policyResult{problems: []model.Problem{{Message: "policy is not valid JSON: " + messageOf(err), Range: r}}}
	}
	// Repeated keys stay in the tree; policydoc reports them.
	return policyResult{node: res.Root}
}

func messageOf(err error) string {
	var pe *parse.Error
	if errors.As(err, &pe) {
		return pe.Message
	}
	return err.Error()
}
