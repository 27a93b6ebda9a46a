package terraform

import (
	"io/fs"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// isLocalSource reports whether a module source is a local path, the only
// kind ctlint reads: registry, git, http and s3 sources are never fetched.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../")
}

// childInstances returns the module instances of a call, created once. A
// remote, unreadable, too deep or circular call yields none and is reported.
func (m *moduleInst) childInstances(call *moduleCall) []*moduleInst {
	switch m.childState[call.name] {
	case done:
		return m.children[call.name]
	case visiting:
		return nil // an argument of the call refers to the call's own outputs
	}
	m.childState[call.name] = visiting
	kids := m.createChildren(call)
	m.children[call.name], m.childState[call.name] = kids, done
	return kids
}

func (m *moduleInst) createChildren(call *moduleCall) []*moduleInst {
	p := m.p
	addr := m.prefix + "module." + call.name
	if !isLocalSource(call.source) {
		expr := call.source
		if expr == "" {
			expr = p.text(call.srcRng)
		}
		p.unresolved(model.Unresolved{Expr: expr, Reason: reasonRemoteModule, Resource: addr, Range: p.rng(call.rng)})
		return nil
	}
	dir := path.Join(m.dir, call.source)
	if dir == ".." || strings.HasPrefix(dir, "../") || !fs.ValidPath(dir) {
		p.unresolved(model.Unresolved{Expr: call.source, Reason: reasonOutsideRoot, Resource: addr, Range: p.rng(call.srcRng)})
		return nil
	}
	if m.depth+1 > parse.MaxModules {
		p.errorAt(p.rng(call.srcRng), false, "module %q: modules nested deeper than %d", addr, parse.MaxModules)
		return nil
	}
	for anc := m; anc != nil; anc = anc.parent {
		if anc.dir == dir {
			p.errorAt(p.rng(call.srcRng), false, "module %q calls %q, which is already being read: circular module calls", addr, call.source)
			return nil
		}
	}
	insts, _ := m.expand(addr, call.count, call.forEach)
	kids := make([]*moduleInst, 0, len(insts))
	for _, inst := range insts {
		child := p.newModule(m, inst.addr+".", dir, call)
		if child.cfg == nil {
			return nil
		}
		child.callEnv, child.key = inst.env, inst.key
		kids = append(kids, child)
	}
	return kids
}

// moduleRoot is the value of `module` in an expression: the outputs of the
// referenced calls, evaluated in their module instances when possible.
func (m *moduleInst) moduleRoot(ts []hcl.Traversal) cty.Value {
	byName := map[string][]hcl.Traversal{}
	for _, t := range ts {
		if len(t) > 1 {
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				byName[a.Name] = append(byName[a.Name], t)
			}
		}
	}
	out := map[string]cty.Value{}
	for _, name := range sortedKeys(byName) {
		refs := byName[name]
		var call *moduleCall
		for _, c := range m.cfg.modules {
			if c.name == name {
				call = c
			}
		}
		if call == nil {
			continue
		}
		outputs := referencedAttrs(refs, 2)
		kids := m.childInstances(call)
		obj := func(child *moduleInst) cty.Value {
			vals := map[string]cty.Value{}
			for _, o := range outputs {
				vals[o] = child.output(o)
			}
			return cty.ObjectVal(vals)
		}
		switch {
		case len(kids) == 0:
			// Remote or unreadable: every output is unknown; leaving the name
			// out turns each reference into a marker of its own text.
		case call.count != nil:
			vals := make([]cty.Value, len(kids))
			for i, k := range kids {
				vals[i] = obj(k)
			}
			out[name] = cty.TupleVal(vals)
		case call.forEach != nil:
			vals := map[string]cty.Value{}
			for _, k := range kids {
				if k.key != cty.NilVal && k.key.Type() == cty.String {
					vals[k.key.AsString()] = obj(k)
				}
			}
			out[name] = cty.ObjectVal(vals)
		default:
			out[name] = obj(kids[0])
		}
	}
	return cty.ObjectVal(out)
}

// output evaluates an output of a module instance, or a marker.
func (m *moduleInst) output(name string) cty.Value {
	a := m.cfg.outputs[name]
	if a == nil {
		return markerVal(strings.TrimSuffix(m.prefix, ".") + "." + name)
	}
	return m.env().eval(a.Expr)
}

// emit adds the module instance's resources, then its children's, to the
// document.
func (m *moduleInst) emit() {
	for _, r := range m.cfg.resources {
		insts, _ := m.instancesOf(r)
		for _, inst := range insts {
			m.emitResource(r, inst)
		}
	}
	for _, call := range m.cfg.modules {
		for _, child := range m.childInstances(call) {
			child.emit()
		}
	}
}
