package terraform

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// moduleInst is one instance of a module: the root module, or one module call
// (one per count / for_each key). Values are computed lazily and cached, with
// cycle detection, because Terraform configurations reference each other in
// any order.
type moduleInst struct {
	p      *parser
	parent *moduleInst
	call   *moduleCall // nil for the root module
	// prefix is prepended to resource addresses: "module.logs." or "".
	prefix  string
	dir     string
	cfg     *moduleConfig
	callEnv *env      // where the call's arguments are evaluated (parent scope)
	key     cty.Value // the call's count index or for_each key, or cty.NilVal
	depth   int

	vars     map[string]cty.Value
	varSrc   map[string]exprIn
	varState map[string]uint8

	locals     map[string]cty.Value
	localState map[string]uint8
	localStack []string

	instances map[string][]*instance // by resourceDecl.key()
	instState map[string]uint8
	attrs     map[string]cty.Value // by "address attr"
	attrState map[string]uint8

	children   map[string][]*moduleInst // by call name
	childState map[string]uint8
}

// exprIn is an expression with the environment it is evaluated in, kept so
// that policy documents can be followed through variables and locals to the
// syntax that wrote them, for exact ranges.
type exprIn struct {
	expr hcl.Expression
	env  *env
}

// Evaluation states for lazily computed values.
const (
	unvisited uint8 = iota
	visiting
	done
)

// env is the evaluation environment of an expression: its module instance plus
// the block-local variables (count, each, dynamic iterators).
type env struct {
	m        *moduleInst
	vars     map[string]cty.Value
	resource string // address of the resource being read, for Unresolved entries
}

func (e *env) with(extra map[string]cty.Value) *env {
	vars := make(map[string]cty.Value, len(e.vars)+len(extra))
	for k, v := range e.vars {
		vars[k] = v
	}
	for k, v := range extra {
		vars[k] = v
	}
	return &env{m: e.m, vars: vars, resource: e.resource}
}

func (p *parser) newModule(parent *moduleInst, prefix, dir string, call *moduleCall) *moduleInst {
	m := &moduleInst{
		p: p, parent: parent, call: call, prefix: prefix, dir: dir,
		vars: map[string]cty.Value{}, varSrc: map[string]exprIn{}, varState: map[string]uint8{},
		locals: map[string]cty.Value{}, localState: map[string]uint8{},
		instances: map[string][]*instance{}, instState: map[string]uint8{},
		attrs: map[string]cty.Value{}, attrState: map[string]uint8{},
		children: map[string][]*moduleInst{}, childState: map[string]uint8{},
	}
	if parent != nil {
		m.depth = parent.depth + 1
	}
	m.cfg = p.loadConfig(dir)
	return m
}

func (m *moduleInst) env() *env { return &env{m: m} }

// markerVal is the string marker for an expression that cannot be known.
func markerVal(expr string) cty.Value { return cty.StringVal(model.Unknown(expr)) }

// maxEvalDepth bounds the lazy evaluation chain (local -> local -> resource
// -> module output ...), so that hostile input cannot exhaust the stack.
const maxEvalDepth = parse.MaxDepth

// eval evaluates expr; anything that cannot be evaluated offline becomes a
// marker naming the expression, never an error and never a guess.
func (e *env) eval(expr hcl.Expression) cty.Value {
	p := e.m.p
	if p.evalDepth >= maxEvalDepth {
		return markerVal(p.text(expr.Range()))
	}
	p.evalDepth++
	defer func() { p.evalDepth-- }()
	savedRange, savedRes := p.evalRange, p.evalResource
	p.evalRange, p.evalResource = expr.Range(), e.resource
	defer func() { p.evalRange, p.evalResource = savedRange, savedRes }()

	ctx := &hcl.EvalContext{Variables: e.variables(expr.Variables()), Functions: e.m.p.funcs}
	v, diags := safeValue(expr, ctx)
	if diags.HasErrors() || !v.IsWhollyKnown() || comparesUnknown(expr, ctx) || tooLarge(v, maxValueBytes) {
		return markerVal(p.text(expr.Range()))
	}
	return v
}

// maxValueBytes bounds one evaluated value. Policies are at most 32 KB; the
// bound stops chains of locals that double a string from exhausting memory.
const maxValueBytes = 256 << 10

// tooLarge reports whether v holds more than limit bytes of strings and
// elements.
func tooLarge(v cty.Value, limit int) bool {
	budget := limit
	var walk func(cty.Value) bool
	walk = func(v cty.Value) bool {
		if v.IsNull() || !v.IsKnown() {
			return false
		}
		budget--
		ty := v.Type()
		switch {
		case ty == cty.String:
			budget -= len(v.AsString())
		case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
			for it := v.ElementIterator(); it.Next() && budget >= 0; {
				_, el := it.Element()
				if walk(el) {
					return true
				}
			}
		}
		return budget < 0
	}
	return walk(v)
}

// comparesUnknown reports whether expr compares a value holding a marker
// (var.env == "prod"): markers are strings to cty, so the comparison would
// yield a definite but meaningless answer.
func comparesUnknown(expr hcl.Expression, ctx *hcl.EvalContext) bool {
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		return false
	}
	found := false
	_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		op, ok := n.(*hclsyntax.BinaryOpExpr)
		if found || !ok || (op.Op != hclsyntax.OpEqual && op.Op != hclsyntax.OpNotEqual) {
			return nil
		}
		for _, side := range []hclsyntax.Expression{op.LHS, op.RHS} {
			if v, diags := safeValue(side, ctx); !diags.HasErrors() && holdsMarker(v) {
				found = true
			}
		}
		return nil
	})
	return found
}

// holdsMarker reports whether any string inside v holds an unknown marker.
func holdsMarker(v cty.Value) bool {
	if v.IsNull() || !v.IsKnown() {
		return false
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return model.HasUnknown(v.AsString())
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			if holdsMarker(el) {
				return true
			}
		}
	}
	return false
}

// safeValue evaluates expr, turning a panic inside a function
// implementation into an error, because input must never crash the linter.
func safeValue(expr hcl.Expression, ctx *hcl.EvalContext) (v cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			v = cty.NilVal
			diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "evaluation failed"}}
		}
	}()
	return expr.Value(ctx)
}

// variables builds the evaluation context for the given references, computing
// only the values they name.
func (e *env) variables(refs []hcl.Traversal) map[string]cty.Value {
	m := e.m
	byRoot := map[string][]hcl.Traversal{}
	for _, t := range refs {
		byRoot[t.RootName()] = append(byRoot[t.RootName()], t)
	}
	out := map[string]cty.Value{}
	// Sorted, because computing a value may report errors or Unresolved
	// entries, whose order must not depend on map iteration.
	for _, root := range sortedKeys(byRoot) {
		ts := byRoot[root]
		if v, ok := e.vars[root]; ok {
			out[root] = v
			continue
		}
		switch root {
		case "var":
			out[root] = objectOf(attrNames(ts, 1), m.variable)
		case "local":
			out[root] = objectOf(attrNames(ts, 1), m.local)
		case "path":
			out[root] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(m.modulePath()), "root": cty.StringVal("."), "cwd": cty.StringVal("."),
			})
		case "terraform":
			out[root] = cty.ObjectVal(map[string]cty.Value{"workspace": markerVal("terraform.workspace")})
		case "data":
			out[root] = m.dataRoot(ts)
		case "module":
			out[root] = m.moduleRoot(ts)
		case "count", "each", "self":
			// Outside an instance these are unknown; keep the text.
		default:
			out[root] = m.resourceRoot(root, ts)
		}
	}
	return out
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// attrNames returns the distinct attribute names at position i of the
// traversals, sorted.
func attrNames(ts []hcl.Traversal, i int) []string {
	seen := map[string]bool{}
	var names []string
	for _, t := range ts {
		if len(t) <= i {
			continue
		}
		if a, ok := t[i].(hcl.TraverseAttr); ok && !seen[a.Name] {
			seen[a.Name] = true
			names = append(names, a.Name)
		}
	}
	sort.Strings(names)
	return names
}

func objectOf(names []string, get func(string) (cty.Value, bool)) cty.Value {
	attrs := map[string]cty.Value{}
	for _, n := range names {
		if v, ok := get(n); ok {
			attrs[n] = v
		}
	}
	return cty.ObjectVal(attrs)
}

// modulePath is path.module: the module directory relative to the root
// module, as Terraform reports it.
func (m *moduleInst) modulePath() string {
	return relPath(m.p.rootDir, m.dir)
}

// relPath returns target relative to base; both are clean slash paths.
func relPath(base, target string) string {
	if base == target {
		return "."
	}
	if base == "." {
		return target
	}
	bs, ts := strings.Split(base, "/"), strings.Split(target, "/")
	if target == "." {
		ts = nil
	}
	i := 0
	for i < len(bs) && i < len(ts) && bs[i] == ts[i] {
		i++
	}
	parts := make([]string, 0, len(bs)-i+len(ts)-i)
	for range bs[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, ts[i:]...)
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts, "/")
}

// local evaluates local.<name> once, reporting reference cycles at the
// locals that form them.
func (m *moduleInst) local(name string) (cty.Value, bool) {
	a := m.cfg.locals[name]
	if a == nil {
		return cty.NilVal, false
	}
	switch m.localState[name] {
	case done:
		return m.locals[name], true
	case visiting:
		m.reportLocalCycle(name)
		return markerVal("local." + name), true
	}
	m.localState[name] = visiting
	m.localStack = append(m.localStack, name)
	v := m.env().eval(a.Expr)
	m.localStack = m.localStack[:len(m.localStack)-1]
	m.locals[name], m.localState[name] = v, done
	return v, true
}

func (m *moduleInst) reportLocalCycle(name string) {
	start := 0
	for i, n := range m.localStack {
		if n == name {
			start = i
			break
		}
	}
	cycle := append([]string{}, m.localStack[start:]...)
	cycle = append(cycle, name)
	for i := range cycle {
		cycle[i] = "local." + cycle[i]
	}
	msg := "local values refer to each other in a cycle: " + strings.Join(cycle, " -> ")
	for _, n := range m.localStack[start:] {
		m.p.errorAt(m.p.rng(m.cfg.locals[n].Range), false, "%s", msg)
	}
}
