package terraform

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
)

// moduleConfig is the static content of one module directory: its blocks in
// file order, before any evaluation. It is shared by every instance of the
// module (a module called twice is parsed once).
type moduleConfig struct {
	dir       string
	files     []string
	variables map[string]*variableDecl
	locals    map[string]*hcl.Attribute
	outputs   map[string]*hcl.Attribute
	resources []*resourceDecl // managed resources and data sources, in order
	byAddr    map[string]*resourceDecl
	modules   []*moduleCall
	providers []*providerDecl
}

type variableDecl struct {
	name     string
	defExpr  hcl.Expression // nil: no default
	typeExpr hcl.Expression
	rng      hcl.Range
}

// resourceDecl is a resource or data block. mode is "" for managed resources
// and "data" for data sources.
type resourceDecl struct {
	mode     string
	typ      string
	name     string
	body     hcl.Body
	rng      hcl.Range
	defRange hcl.Range
	count    *hcl.Attribute
	forEach  *hcl.Attribute
	provider hcl.Expression
}

// key is the address of the resource without instance key or module path.
func (r *resourceDecl) key() string {
	if r.mode == "data" {
		return "data." + r.typ + "." + r.name
	}
	return r.typ + "." + r.name
}

type moduleCall struct {
	name    string
	source  string
	srcRng  hcl.Range
	rng     hcl.Range
	args    map[string]*hcl.Attribute
	count   *hcl.Attribute
	forEach *hcl.Attribute
}

type providerDecl struct {
	name   string
	alias  string
	region *hcl.Attribute
}

var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "terraform"},
	{Type: "moved"},
	{Type: "import"},
	{Type: "removed"},
	{Type: "check", LabelNames: []string{"name"}},
}}

var metaSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}, {Name: "depends_on"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "lifecycle"}},
}

// loadConfig parses every *.tf and *.tf.json file directly in dir. Files that
// do not parse are reported and the others are still read.
func (p *parser) loadConfig(dir string) *moduleConfig {
	if cfg, ok := p.configs[dir]; ok {
		return cfg
	}
	entries, err := fs.ReadDir(p.fsys, dir)
	if err != nil {
		p.errorAt(model.Range{File: p.display(dir)}, false, "read module directory: %v", err)
		p.configs[dir] = nil
		return nil
	}
	cfg := &moduleConfig{
		dir:       dir,
		variables: map[string]*variableDecl{},
		locals:    map[string]*hcl.Attribute{},
		outputs:   map[string]*hcl.Attribute{},
		byAddr:    map[string]*resourceDecl{},
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json")) {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names) // Terraform reads files in lexical order.
	for _, n := range names {
		fsPath := path.Join(dir, n)
		f := p.parseFile(fsPath)
		if f == nil {
			continue
		}
		cfg.files = append(cfg.files, fsPath)
		p.doc.Scope.Files = append(p.doc.Scope.Files, p.display(fsPath))
		p.addFile(cfg, f)
	}
	p.configs[dir] = cfg
	return cfg
}

// parseFile reads and parses one configuration file. HCL returns a partial
// body alongside errors, which is kept so that the rest of the file is linted.
func (p *parser) parseFile(fsPath string) *hcl.File {
	src, err := fs.ReadFile(p.fsys, fsPath)
	if err != nil {
		p.errorAt(model.Range{File: p.display(fsPath)}, false, "read: %v", err)
		return nil
	}
	p.sources[fsPath] = src
	if line, col, deep := tooDeep(src); deep {
		p.errorAt(positionIn(p.display(fsPath), line, col), false, "brackets nested deeper than %d levels", maxSourceNesting)
		return nil
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(fsPath, ".json") {
		f, diags = hcljson.Parse(src, fsPath)
	} else {
		f, diags = hclsyntax.ParseConfig(src, fsPath, hcl.InitialPos)
	}
	p.report(diags)
	if f == nil || f.Body == nil {
		return nil
	}
	return f
}

// report turns HCL error diagnostics into positioned parse errors.
func (p *parser) report(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		var r model.Range
		if d.Subject != nil {
			r = p.rng(*d.Subject)
		}
		p.errorAt(r, false, "%s", msg)
	}
}

func (p *parser) addFile(cfg *moduleConfig, f *hcl.File) {
	content, diags := f.Body.Content(fileSchema)
	p.report(diags)
	if content == nil {
		return
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "variable":
			p.addVariable(cfg, b)
		case "locals":
			attrs, diags := b.Body.JustAttributes()
			p.report(diags)
			for _, a := range sortedAttrs(attrs) {
				cfg.locals[a.Name] = a
			}
		case "output":
			attrs, _ := b.Body.JustAttributes()
			if v := attrs["value"]; v != nil {
				cfg.outputs[b.Labels[0]] = v
			}
		case "resource", "data":
			p.addResource(cfg, b)
		case "module":
			p.addModuleCall(cfg, b)
		case "provider":
			content, _, _ := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "region"}, {Name: "alias"}}})
			pd := &providerDecl{name: b.Labels[0]}
			if content != nil {
				pd.region = content.Attributes["region"]
				if a := content.Attributes["alias"]; a != nil {
					if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
						pd.alias = v.AsString()
					}
				}
			}
			cfg.providers = append(cfg.providers, pd)
		}
	}
}

func (p *parser) addVariable(cfg *moduleConfig, b *hcl.Block) {
	content, _, _ := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "type"}}})
	v := &variableDecl{name: b.Labels[0], rng: b.DefRange}
	if content != nil {
		if a := content.Attributes["default"]; a != nil {
			v.defExpr = a.Expr
		}
		if a := content.Attributes["type"]; a != nil {
			v.typeExpr = a.Expr
		}
	}
	cfg.variables[v.name] = v
}

func (p *parser) addResource(cfg *moduleConfig, b *hcl.Block) {
	r := &resourceDecl{typ: b.Labels[0], name: b.Labels[1], body: b.Body, defRange: b.DefRange, rng: blockRange(b)}
	if b.Type == "data" {
		r.mode = "data"
	}
	meta, remain, _ := b.Body.PartialContent(metaSchema)
	if meta != nil {
		r.count = meta.Attributes["count"]
		r.forEach = meta.Attributes["for_each"]
		if a := meta.Attributes["provider"]; a != nil {
			r.provider = a.Expr
		}
	}
	r.body = remain
	if _, dup := cfg.byAddr[r.key()]; dup {
		p.errorAt(p.rng(b.DefRange), false, "duplicate %s %q configuration", b.Type, r.key())
		return
	}
	cfg.byAddr[r.key()] = r
	cfg.resources = append(cfg.resources, r)
}

func (p *parser) addModuleCall(cfg *moduleConfig, b *hcl.Block) {
	attrs, diags := b.Body.JustAttributes()
	p.report(diags)
	mc := &moduleCall{name: b.Labels[0], rng: blockRange(b), args: map[string]*hcl.Attribute{}}
	for name, a := range attrs {
		switch name {
		case "source":
			mc.srcRng = a.Range
			if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				mc.source = v.AsString()
			}
		case "count":
			mc.count = a
		case "for_each":
			mc.forEach = a
		case "version", "providers", "depends_on":
		default:
			mc.args[name] = a
		}
	}
	cfg.modules = append(cfg.modules, mc)
}

// blockRange is the whole block, from its type keyword to its closing brace.
func blockRange(b *hcl.Block) hcl.Range {
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(b.TypeRange, sb.SrcRange)
	}
	return hcl.RangeBetween(b.DefRange, b.Body.MissingItemRange())
}

// sortedAttrs returns attributes in source order, so that evaluation and
// reporting never depend on map iteration order.
func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return rangeLess(out[i].Range, out[j].Range) })
	return out
}

func rangeLess(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}

// rng converts an HCL range to a model range. HCL counts columns in
// characters; the model counts bytes (as jsonpos does, so positions inside
// heredocs and files agree), so positions are recomputed from byte offsets.
// The end stays exclusive: the column just after the last byte.
func (p *parser) rng(r hcl.Range) model.Range {
	if r.Filename == "" && r.Start.Line == 0 {
		return model.Range{}
	}
	if r.End.Byte < r.Start.Byte {
		// HCL's recovery from an unterminated string can end a range
		// before it starts; point at its start instead.
		r.End = r.Start
	}
	out := model.Range{
		File: p.display(r.Filename), Line: r.Start.Line, Column: r.Start.Column,
		EndLine: r.End.Line, EndColumn: r.End.Column,
	}
	if src, ok := p.sources[r.Filename]; ok {
		lines := p.lines[r.Filename]
		if lines == nil {
			lines = jsonpos.NewLines(src)
			p.lines[r.Filename] = lines
		}
		out.Line, out.Column = lines.Position(r.Start.Byte)
		out.EndLine, out.EndColumn = lines.Position(r.End.Byte)
	}
	return out
}

// text returns the source text of r, used to name unknown values.
func (p *parser) text(r hcl.Range) string {
	src := p.sources[r.Filename]
	if r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return ""
	}
	return string(src[r.Start.Byte:r.End.Byte])
}
