package terraform

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// loadRootVariables assigns the root module's variables in Terraform's order
// of precedence: defaults, terraform.tfvars, *.auto.tfvars (lexical), the
// --var-file files, then --var.
func (m *moduleInst) loadRootVariables() {
	p := m.p
	var files []string
	if entries, err := fs.ReadDir(p.fsys, m.dir); err == nil {
		var auto []string
		for _, e := range entries {
			n := e.Name()
			switch {
			case e.IsDir():
			case n == "terraform.tfvars" || n == "terraform.tfvars.json":
				files = append(files, path.Join(m.dir, n))
			case strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json"):
				auto = append(auto, path.Join(m.dir, n))
			}
		}
		sort.Strings(files)
		sort.Strings(auto)
		files = append(files, auto...)
	}
	files = append(files, p.opts.VarFiles...)
	constEnv := &env{m: m}
	for _, f := range files {
		attrs := p.readTfvars(f)
		for _, a := range attrs {
			if m.cfg.variables[a.Name] == nil {
				continue // Terraform warns about undeclared values; not our concern.
			}
			m.varSrc[a.Name] = exprIn{expr: a.Expr, env: constEnv}
		}
	}
	names := make([]string, 0, len(p.opts.Vars))
	for n := range p.opts.Vars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		decl := m.cfg.variables[n]
		if decl == nil {
			continue
		}
		m.vars[n] = cliVarValue(p.opts.Vars[n], decl)
		m.varState[n] = done
	}
}

func (p *parser) readTfvars(fsPath string) []*hcl.Attribute {
	src, err := fs.ReadFile(p.fsys, fsPath)
	if err != nil {
		p.errorAt(rangeOfFile(p.display(fsPath)), false, "read variables file: %v", err)
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
	if f == nil {
		return nil
	}
	attrs, diags := f.Body.JustAttributes()
	p.report(diags)
	return sortedAttrs(attrs)
}

// cliVarValue converts a --var value like Terraform: primitive-typed
// variables take the raw string, others parse it as an HCL expression and
// fall back to the string.
func cliVarValue(raw string, decl *variableDecl) cty.Value {
	ty := cty.DynamicPseudoType
	if decl.typeExpr != nil {
		if t, diags := typeexpr.TypeConstraint(decl.typeExpr); !diags.HasErrors() {
			ty = t
		}
	}
	if ty.IsPrimitiveType() {
		if v, err := convert.Convert(cty.StringVal(raw), ty); err == nil {
			return v
		}
		return cty.StringVal(raw)
	}
	if expr, diags := hclsyntax.ParseExpression([]byte(raw), "<value for var."+decl.name+">", hcl.InitialPos); !diags.HasErrors() {
		if v, diags := expr.Value(nil); !diags.HasErrors() && v.IsWhollyKnown() {
			return v
		}
	}
	return cty.StringVal(raw)
}

// variable returns var.<name>: the value assigned by the caller (module
// argument, tfvars, --var), else the default, else a marker.
func (m *moduleInst) variable(name string) (cty.Value, bool) {
	decl := m.cfg.variables[name]
	if decl == nil {
		return cty.NilVal, false
	}
	switch m.varState[name] {
	case done:
		return m.vars[name], true
	case visiting:
		return markerVal("var." + name), true
	}
	m.varState[name] = visiting
	v := markerVal("var." + name)
	if src, ok := m.variableSource(name); ok {
		v = src.env.eval(src.expr)
		if decl.typeExpr != nil && !isMarker(v) {
			if t, diags := typeexpr.TypeConstraint(decl.typeExpr); !diags.HasErrors() {
				if c, err := convert.Convert(v, t); err == nil {
					v = c
				}
			}
		}
	}
	m.vars[name], m.varState[name] = v, done
	return v, true
}

// variableSource is the expression that sets var.<name>.
func (m *moduleInst) variableSource(name string) (exprIn, bool) {
	if src, ok := m.varSrc[name]; ok {
		return src, true
	}
	if m.call != nil {
		if a := m.call.args[name]; a != nil {
			return exprIn{expr: a.Expr, env: m.callEnv}, true
		}
	}
	if decl := m.cfg.variables[name]; decl != nil && decl.defExpr != nil {
		return exprIn{expr: decl.defExpr, env: &env{m: m}}, true
	}
	return exprIn{}, false
}

// isMarker reports whether v is a string that is exactly one unknown marker.
func isMarker(v cty.Value) bool {
	return v.Type() == cty.String && v.IsKnown() && !v.IsNull() && isMarkerString(v.AsString())
}
