package lint

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tfplan"
)

// detectPlan reports whether data is `terraform show -json` output.
func detectPlan(data []byte) bool { return tfplan.Detect(data) }

// parsePlan reads a plan or state. When the plan file sits in a directory
// with the configuration that produced it, resources are mapped back to
// their .tf blocks, read through the same root-confined file system as
// Terraform scopes (local modules resolve inside the lint root only).
func (r *runner) parsePlan(sc scope) ([]*model.Document, []*parse.Error) {
	opts := tfplan.Options{}
	if sc.file.Path != stdinName {
		fsys, dir, display, closeFS := r.planConfigFS(sc.file.Path)
		defer closeFS()
		opts = tfplan.Options{FS: fsys, TFDir: dir, DisplayPrefix: display}
	}
	doc, errs := tfplan.Parse(*sc.file, opts)
	if doc == nil {
		return nil, errs
	}
	return []*model.Document{doc}, errs
}

// planConfigFS opens the lint root of a plan file and returns the plan's
// directory inside it. Without a readable root the plan is linted alone.
func (r *runner) planConfigFS(planPath string) (fsys fs.FS, dir, display string, closeFS func()) {
	root, display := lintRoot(filepath.FromSlash(planPath), false)
	dir = "."
	if display == "" { // the root is the working directory
		wd, werr := os.Getwd()
		abs, aerr := filepath.Abs(filepath.Dir(filepath.FromSlash(planPath)))
		rel, rerr := filepath.Rel(wd, abs)
		if werr != nil || aerr != nil || rerr != nil {
			return nil, "", "", func() {}
		}
		dir = filepath.ToSlash(rel)
	}
	or, err := os.OpenRoot(root)
	if err != nil {
		return nil, "", "", func() {}
	}
	return limitFS{fsys: or.FS(), max: r.opts.MaxFileSize}, dir, display, func() { or.Close() }
}
