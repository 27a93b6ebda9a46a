package tfplan

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// Options say where the configuration that produced the plan lives, to map
// resource addresses back to .tf blocks. With a nil FS or an empty TFDir
// (or a TFDir without .tf files) every position lies inside the plan file.
type Options struct {
	// FS holds the configuration; local module sources are followed inside
	// it and never outside.
	FS fs.FS
	// TFDir is the root module's directory inside FS (slash separated).
	TFDir string
	// DisplayPrefix is prepended (path.Join) to FS paths to name .tf files
	// in ranges the way the user typed them.
	DisplayPrefix string
}

// supportedMajor is the major format_version ctlint reads. Terraform
// promises backward-compatible additions within a major version and asks
// readers to reject any other major.
const supportedMajor = 1

// Parse reads a plan or state in f. The document is nil when f cannot be
// read at all (invalid JSON, an unsupported format version); the errors are
// *parse.Error values with the plan file's line and column.
func Parse(f parse.File, opts Options) (*model.Document, []*parse.Error) {
	res, err := jsonpos.Parse(f.Path, f.Data)
	if err != nil {
		var pe *parse.Error
		if errors.As(err, &pe) {
			pe.Message = "invalid Terraform plan JSON: " + pe.Message
			return nil, []*parse.Error{pe}
		}
		return nil, []*parse.Error{{File: f.Path, Message: "invalid Terraform plan JSON: " + err.Error()}}
	}
	root := res.Root
	if root.Kind != tree.Object {
		return nil, []*parse.Error{parse.Errorf(root.Range, "not a Terraform plan: expected a JSON object, found %s", root.Kind)}
	}
	if perr := checkVersion(f.Path, root); perr != nil {
		return nil, []*parse.Error{perr}
	}
	p := newParser(f, root, opts)
	p.run()
	return p.doc, p.errs
}

// checkVersion accepts format_version 0.x and 1.x ("0.1" was written by
// Terraform 0.12 to 0.15, "1.x" since 1.0).
func checkVersion(file string, root *tree.Node) *parse.Error {
	fv := root.Field("format_version")
	if fv == nil {
		return &parse.Error{File: file, Line: root.Range.Line, Column: root.Range.Column,
			Message: "not a Terraform plan: no format_version (expected `terraform show -json` output)"}
	}
	v := fv.Value
	if v.Kind != tree.String {
		return parse.Errorf(v.Range, "format_version must be a string such as \"1.2\", not %s", v.Kind)
	}
	major, _, _ := strings.Cut(v.Text, ".")
	n, err := strconv.Atoi(major)
	if err != nil || n < 0 || n > supportedMajor {
		return parse.Errorf(v.Range, "unsupported Terraform JSON format_version %q: ctlint reads versions 0.x and 1.x (terraform show -json of Terraform 0.12 and later)", v.Text)
	}
	return nil
}
