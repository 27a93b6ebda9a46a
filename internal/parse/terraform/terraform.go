// Package terraform reads a Terraform module directory (*.tf and *.tf.json),
// evaluates what can be known offline (variables, locals, functions,
// references between resources, local modules) and produces the normalized
// model.Document with the source range of every setting and policy element.
//
// Nothing is guessed: a value that depends on provider state, a data source or
// a remote module becomes an unknown marker (model.Unknown) carrying the
// expression text, and files outside the lint root are never read.
package terraform

import (
	"io/fs"
	"path"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
)

// Options select the module to read and the values of its input variables.
type Options struct {
	// Dir is the module directory inside FS (slash-separated, "." for the root).
	Dir string
	// DisplayPrefix is prepended (path.Join) to FS paths to form
	// model.Range.File, so that findings name paths as the user typed them.
	DisplayPrefix string
	// VarFiles are --var-file paths inside FS, applied after terraform.tfvars
	// and *.auto.tfvars (in lexical order).
	VarFiles []string
	// Vars are --var name=value; a value is parsed as an HCL expression if it
	// parses, else taken as a string (like terraform).
	Vars map[string]string
	// NoFileFunctions makes file(), templatefile() and fileexists() return
	// unknown values with an Unresolved entry (serve mode).
	NoFileFunctions bool
}

// Reasons recorded in model.Unresolved entries.
const (
	reasonOutsideRoot   = "file outside the lint root"
	reasonRemoteModule  = "remote module not fetched"
	reasonFileFunctions = "file functions disabled"
	reasonFileMissing   = "file not readable"
)

// Parse reads the module in fsys at opts.Dir (all *.tf and *.tf.json files in
// that directory, not below), evaluates it, and returns its document. Errors
// are *parse.Error with file:line:col; a document with whatever could be read
// is returned alongside errors whenever possible.
func Parse(fsys fs.FS, opts Options) (*model.Document, []*parse.Error) {
	dir := path.Clean(opts.Dir)
	if opts.Dir == "" {
		dir = "."
	}
	p := &parser{
		fsys:    fsys,
		opts:    opts,
		rootDir: dir,
		sources: map[string][]byte{},
		lines:   map[string]*jsonpos.Lines{},
		configs: map[string]*moduleConfig{},
		docUses: map[string]*docUse{},
		doc: &model.Document{
			Scope: model.Scope{Kind: model.ScopeTerraform, Path: path.Join(opts.DisplayPrefix, dir)},
		},
	}
	p.funcs = p.functions()
	root := p.newModule(nil, "", dir, nil)
	if root.cfg != nil {
		root.loadRootVariables()
		root.emit()
	}
	p.finish()
	return p.doc, p.errs
}

// parser holds what is shared by every module instance of one Parse call.
type parser struct {
	fsys    fs.FS
	opts    Options
	rootDir string
	doc     *model.Document
	errs    []*parse.Error
	// sources are the bytes of every file read, by FS path, so that markers
	// can quote expression text and templates can be mapped to positions.
	sources map[string][]byte
	lines   map[string]*jsonpos.Lines // line index of sources, built on demand
	configs map[string]*moduleConfig
	funcs   map[string]function.Function
	// seenErrs de-duplicates errors reported from lazily evaluated values
	// (a local cycle is found once per reference).
	seenErrs  map[string]bool
	policyIDs map[string]bool

	// The expression being evaluated, so that functions can record
	// Unresolved entries at its range.
	evalRange    hcl.Range
	evalResource string
	evalDepth    int

	// Filled while emitting resources, consumed by finish.
	splits      []*model.BucketSetting
	docUses     map[string]*docUse
	docOrder    []*docUse
	keyPolicies []*keyPolicy
	aliases     []*keyAlias
}

// display maps an FS path to the path shown to users.
func (p *parser) display(fsPath string) string {
	return path.Join(p.opts.DisplayPrefix, fsPath)
}

func (p *parser) errorAt(r model.Range, warning bool, format string, args ...any) {
	e := parse.Errorf(r, format, args...)
	e.Warning = warning
	key := e.Error()
	if p.seenErrs == nil {
		p.seenErrs = map[string]bool{}
	}
	if p.seenErrs[key] {
		return
	}
	p.seenErrs[key] = true
	p.errs = append(p.errs, e)
}

func (p *parser) unresolved(u model.Unresolved) {
	for _, have := range p.doc.Unresolved {
		if have == u {
			return
		}
	}
	p.doc.Unresolved = append(p.doc.Unresolved, u)
}

// uniquePolicyID returns id, or id with a "#policy" suffix when a policy with
// that ID exists already (IAM builtins look policies up by ID).
func (p *parser) uniquePolicyID(id string) string {
	if p.policyIDs == nil {
		p.policyIDs = map[string]bool{}
	}
	candidate := id
	for i := 1; p.policyIDs[candidate]; i++ {
		candidate = id + "#policy"
		if i > 1 {
			candidate += strconv.Itoa(i)
		}
	}
	p.policyIDs[candidate] = true
	return candidate
}
