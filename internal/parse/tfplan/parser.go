package tfplan

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// maxModuleDepth bounds module nesting in values, configuration and .tf
// sources, so that a hostile plan cannot recurse without end.
const maxModuleDepth = parse.MaxModules

// instance is one resource instance of the plan or state, with the values
// Terraform will apply.
type instance struct {
	addr    string // full address: module.logs.aws_s3_bucket_policy.this["k"]
	module  string // module instance address, "" for the root module
	mode    string // "managed" or "data"
	typ     string
	name    string
	key     string     // instance key as written in the address, "" for none
	node    *tree.Node // the object that describes it, for its range
	after   *tree.Node // planned values (an object)
	unknown *tree.Node // after_unknown: true where a value is known only after apply
	cfg     *tree.Node // the configuration's expressions for its resource, or nil
	hasCfg  bool       // the plan has a configuration section for this resource
	modPath []string   // module call names, for configuration lookups
}

// local is the address relative to its module: aws_s3_bucket.logs.
func (in *instance) local() string {
	if in.mode == "data" {
		return "data." + in.typ + "." + in.name
	}
	return in.typ + "." + in.name
}

// parser holds the state of one Parse call.
type parser struct {
	file  parse.File
	root  *tree.Node
	opts  Options
	doc   *model.Document
	errs  []*parse.Error
	insts []*instance
	byKey map[string]*instance
	cfg   *cfgModule
	tf    *tfIndex

	policyIDs   map[string]bool
	splits      []*model.BucketSetting
	keyPolicies []*keyPolicy
	aliases     []*keyAlias
	usedDocs    map[string]bool
	// Settings written inline on aws_s3_bucket, added in finish unless a
	// separate resource configures the same bucket.
	inlineLifecycles []*model.Lifecycle
	inlinePolicies   []*model.BucketPolicy // data.aws_iam_policy_document addresses a policy argument refers to
}

func newParser(f parse.File, root *tree.Node, opts Options) *parser {
	return &parser{
		file: f, root: root, opts: opts, byKey: map[string]*instance{},
		policyIDs: map[string]bool{}, usedDocs: map[string]bool{},
		doc: &model.Document{Scope: model.Scope{Kind: model.ScopeTerraformPlan, Path: f.Path, Files: []string{f.Path}}},
	}
}

func (p *parser) run() {
	p.cfg = readConfig(p.root.Get("configuration"))
	p.readResources()
	p.tf = p.loadTF()
	for _, in := range p.insts {
		in.cfg, in.hasCfg = p.cfg.resource(in.modPath, in.local())
		if p.tf != nil {
			p.tf.bind(in, p.cfg)
		}
	}
	p.markUsedDocs()
	for _, in := range p.insts {
		p.emit(in)
	}
	p.finish()
}

// readResources gathers resource instances: the planned values of a plan
// (or the values of a state), then the plan's resource changes, which carry
// after_unknown and drop what the plan deletes, then data sources read
// while planning (prior_state).
func (p *parser) readResources() {
	if pv := p.root.Get("planned_values"); p.shaped(pv, "planned_values", tree.Object) {
		p.readModule(pv.Get("root_module"), "", 0, false)
	} else if v := p.root.Get("values"); p.shaped(v, "values", tree.Object) {
		p.readModule(v.Get("root_module"), "", 0, false)
	}
	if rc := p.root.Get("resource_changes"); p.shaped(rc, "resource_changes", tree.Array) {
		for _, c := range rc.Items {
			p.readChange(c)
		}
	}
	if ps := p.root.Get("prior_state"); ps != nil {
		if v := ps.Get("values"); v != nil {
			p.readModule(v.Get("root_module"), "", 0, true)
		}
	}
}

// readModule reads a values-representation module and its child modules.
func (p *parser) readModule(m *tree.Node, addr string, depth int, dataOnly bool) {
	if !p.shaped(m, "a module", tree.Object) || depth > maxModuleDepth {
		return
	}
	if rs := m.Get("resources"); p.shaped(rs, "resources", tree.Array) {
		for _, r := range rs.Items {
			in := p.instanceOf(r, addr)
			if in == nil || (dataOnly && in.mode != "data") {
				continue
			}
			in.after = r.Get("values")
			if p.byKey[in.addr] == nil {
				p.add(in)
			}
		}
	}
	if cms := m.Get("child_modules"); p.shaped(cms, "child_modules", tree.Array) {
		for _, cm := range cms.Items {
			p.readModule(cm, text(cm.Get("address")), depth+1, dataOnly)
		}
	}
}

// readChange applies one resource_changes entry.
func (p *parser) readChange(c *tree.Node) {
	if c == nil || c.Kind != tree.Object || c.Get("deposed") != nil {
		return // a deposed object is on its way out
	}
	in := p.instanceOf(c, text(c.Get("module_address")))
	if in == nil {
		return
	}
	ch := c.Get("change")
	after := ch.Get("after")
	if after == nil || after.Kind != tree.Object || onlyDelete(ch.Get("actions")) {
		if have := p.byKey[in.addr]; have != nil {
			p.remove(have)
		}
		return
	}
	in.after, in.unknown = after, ch.Get("after_unknown")
	if have := p.byKey[in.addr]; have != nil {
		*have = *in // keep the position in document order
		return
	}
	p.add(in)
}

func onlyDelete(actions *tree.Node) bool {
	return actions != nil && actions.Kind == tree.Array && len(actions.Items) == 1 && actions.Items[0].Text == "delete"
}

// instanceOf reads the identifying members shared by the values and the
// change representations. It returns nil for an entry it cannot place.
func (p *parser) instanceOf(r *tree.Node, module string) *instance {
	if r == nil || r.Kind != tree.Object {
		return nil
	}
	in := &instance{
		addr: text(r.Get("address")), module: module, mode: text(r.Get("mode")),
		typ: text(r.Get("type")), name: text(r.Get("name")), key: indexKey(r.Get("index")), node: r,
	}
	if in.addr == "" || in.typ == "" || in.name == "" {
		return nil
	}
	if in.mode == "" {
		in.mode = "managed"
	}
	names, ok := moduleNames(module)
	if !ok {
		return nil
	}
	in.modPath = names
	return in
}

func (p *parser) add(in *instance) {
	p.insts = append(p.insts, in)
	p.byKey[in.addr] = in
}

func (p *parser) remove(in *instance) {
	delete(p.byKey, in.addr)
	for i, have := range p.insts {
		if have == in {
			p.insts = append(p.insts[:i], p.insts[i+1:]...)
			return
		}
	}
}

// text returns a string node's text, or "".
func text(n *tree.Node) string {
	if n == nil || n.Kind != tree.String {
		return ""
	}
	return n.Text
}

// shaped reports whether n is present with the wanted kind. A member of
// another type is an error: skipping it silently would lint an empty plan
// and pass.
func (p *parser) shaped(n *tree.Node, what string, want tree.Kind) bool {
	if n == nil || n.Kind == tree.Null {
		return false
	}
	if n.Kind != want {
		p.errs = append(p.errs, parse.Errorf(n.Range, "invalid Terraform plan: %s must be %s, not %s", what, articled(want), articled(n.Kind)))
		return false
	}
	return true
}

func articled(k tree.Kind) string {
	if k == tree.Object || k == tree.Array {
		return "an " + k.String()
	}
	return "a " + k.String()
}
