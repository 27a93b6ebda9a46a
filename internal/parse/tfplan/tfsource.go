package tfplan

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
)

// tfIndex maps resource addresses of the plan to the blocks of the .tf
// files that declare them. Only block headers and attribute ranges are
// read; nothing is evaluated (the plan has the values).
type tfIndex struct {
	fsys    fs.FS
	display string
	dirs    map[string]*tfDir // by FS directory
	rootDir string
	bound   map[*instance]*tfBlock
	files   []string // display names of the files read, in order
}

// tfDir is one module directory's blocks, by local address
// (aws_s3_bucket.logs, data.aws_iam_policy_document.x, module.logs).
type tfDir struct {
	blocks map[string]*tfBlock
}

type tfBlock struct {
	block *hclsyntax.Block
	file  string // display name
	lines *jsonpos.Lines
}

// loadTF reads the root module's .tf files when the configuration is
// available; nil when it is not (every range then stays in the plan).
func (p *parser) loadTF() *tfIndex {
	if p.opts.FS == nil || p.opts.TFDir == "" {
		return nil
	}
	t := &tfIndex{fsys: p.opts.FS, display: p.opts.DisplayPrefix, dirs: map[string]*tfDir{}, bound: map[*instance]*tfBlock{}}
	t.rootDir = path.Clean(p.opts.TFDir)
	if d := t.dir(t.rootDir); d == nil || len(d.blocks) == 0 {
		return nil
	}
	return t
}

// dir parses the .tf files of an FS directory once.
func (t *tfIndex) dir(dir string) *tfDir {
	if d, ok := t.dirs[dir]; ok {
		return d
	}
	t.dirs[dir] = nil
	if !fs.ValidPath(dir) {
		return nil
	}
	entries, err := fs.ReadDir(t.fsys, dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".tf") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	d := &tfDir{blocks: map[string]*tfBlock{}}
	for _, name := range names {
		fsPath := path.Join(dir, name)
		src, err := fs.ReadFile(t.fsys, fsPath)
		if err != nil {
			continue
		}
		// Syntax errors are the Terraform parser's to report; whatever
		// parsed still maps addresses.
		f, _ := hclsyntax.ParseConfig(src, fsPath, hcl.InitialPos)
		if f == nil {
			continue
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		display := path.Join(t.display, fsPath)
		lines := jsonpos.NewLines(src)
		used := false
		for _, b := range body.Blocks {
			key := blockKey(b)
			if key == "" || d.blocks[key] != nil {
				continue
			}
			d.blocks[key] = &tfBlock{block: b, file: display, lines: lines}
			used = true
		}
		if used {
			t.files = append(t.files, display)
		}
	}
	t.dirs[dir] = d
	return d
}

func blockKey(b *hclsyntax.Block) string {
	switch {
	case b.Type == "resource" && len(b.Labels) == 2:
		return b.Labels[0] + "." + b.Labels[1]
	case b.Type == "data" && len(b.Labels) == 2:
		return "data." + b.Labels[0] + "." + b.Labels[1]
	case b.Type == "module" && len(b.Labels) == 1:
		return "module." + b.Labels[0]
	}
	return ""
}

// bind finds the block of in, following local module sources (from the
// plan's configuration) from the root module's directory.
func (t *tfIndex) bind(in *instance, cfg *cfgModule) {
	dir := t.rootDir
	for _, name := range in.modPath {
		if cfg == nil || cfg.calls[name] == nil {
			return
		}
		call := cfg.calls[name]
		if !isLocalSource(call.source) {
			return // a registry or remote module: its files are not here
		}
		dir = path.Join(dir, call.source)
		cfg = call.module
	}
	if d := t.dir(dir); d != nil {
		if b := d.blocks[in.local()]; b != nil {
			t.bound[in] = b
		}
	}
}

func isLocalSource(s string) bool {
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../")
}

// locate returns the range in the .tf files of the value at path of in:
// the attribute that sets it, else the nearest enclosing nested block, else
// the resource block. ok is false when in is not mapped.
func (t *tfIndex) locate(in *instance, steps []any) (model.Range, bool) {
	if t == nil {
		return model.Range{}, false
	}
	b := t.bound[in]
	if b == nil {
		return model.Range{}, false
	}
	r := b.block.Range()
	body := b.block.Body
	for i := 0; i < len(steps); i++ {
		name, ok := steps[i].(string)
		if !ok {
			continue
		}
		if a := body.Attributes[name]; a != nil {
			return b.rng(a.SrcRange), true
		}
		index := 0
		if i+1 < len(steps) {
			if n, ok := steps[i+1].(int); ok {
				index = n
				i++
			}
		}
		nested := nthBlock(body, name, index)
		if nested == nil {
			break
		}
		r, body = nested.Range(), nested.Body
	}
	return b.rng(r), true
}

// blockRange is the range of in's block, when mapped.
func (t *tfIndex) blockRange(in *instance) (model.Range, bool) {
	return t.locate(in, nil)
}

func nthBlock(body *hclsyntax.Body, typ string, n int) *hclsyntax.Block {
	for _, b := range body.Blocks {
		if b.Type != typ {
			continue
		}
		if n == 0 {
			return b
		}
		n--
	}
	return nil
}

// rng converts an HCL range to a model range with byte columns (HCL counts
// characters; ctlint's ranges count bytes).
func (b *tfBlock) rng(r hcl.Range) model.Range {
	l, c := b.lines.Position(r.Start.Byte)
	el, ec := b.lines.Position(r.End.Byte)
	return model.Range{File: b.file, Line: l, Column: c, EndLine: el, EndColumn: ec}
}

// usedFiles lists the .tf files that hold a block of the plan, in order.
func (t *tfIndex) usedFiles() []string {
	seen := map[string]bool{}
	for _, b := range t.bound {
		seen[b.file] = true
	}
	var out []string
	for _, f := range t.files {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}
