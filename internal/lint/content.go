package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/cloudformation"
)

// Content lints one in-memory input as a single scope, the way `ctlint lint -`
// lints standard input, for callers that must not touch the file system (the
// serve command). name is only a display name: it is never opened, and it
// names the input in findings and errors. The kind comes from opts.Kind or
// is detected from the content (and name's extension, when it has one).
//
// Terraform is read from an in-memory file system with its file functions
// disabled, and a Terraform plan is parsed without looking for the
// configuration beside it, so nothing in the input can make ctlint read a
// file. opts.Stdin, VarFiles and Workers are ignored.
func Content(ctx context.Context, name string, data []byte, opts Options) (*Result, error) {
	opts, err := opts.checked()
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = stdinName
	}
	opts.NoFileFunctions = true
	opts.VarFiles = nil
	res := &Result{Sources: map[string][]byte{name: data}}
	if int64(len(data)) > opts.MaxFileSize {
		res.Errors = []*parse.Error{{File: name, Message: fmt.Sprintf("input is larger than the size limit (%d bytes)", opts.MaxFileSize)}}
		return res, nil
	}

	r := &runner{opts: opts}
	sc := scope{kind: r.detectContent(name, data), file: &parse.File{Path: name, Data: data}}
	if sc.kind == kindPlan {
		// parsePlan looks for the plan's configuration on disk unless the
		// plan came from standard input; parse it as such and name it after.
		sc.file.Path = stdinName
	}
	res.Scopes = 1
	res.Findings, res.Errors, res.Files = r.lintScope(ctx, sc)
	renameInput(res, inMemoryNames(name, sc.kind), name)
	finding.Sort(res.Findings)
	res.Findings = finding.Dedup(res.Findings)
	boundMessages(res)
	sortErrors(res.Errors)
	return res, ctx.Err()
}

// detectContent decides how to read in-memory content. Unlike files on disk,
// pasted content often has no name or a name without an extension, so a
// template is recognized by its content alone and Terraform by its block
// keywords.
func (r *runner) detectContent(name string, data []byte) string {
	if r.opts.Kind != "" {
		return r.detect(&parse.File{Path: name, Data: data})
	}
	if isTerraformFile(name) {
		return kindTerraform
	}
	detectName := name
	switch strings.ToLower(path.Ext(name)) {
	case ".json", ".yaml", ".yml", ".template":
	default:
		detectName = "content.yaml" // Detect tells JSON from YAML by content
	}
	if cloudformation.Detect(detectName, data) {
		return kindCloudFormation
	}
	if kind := r.detect(&parse.File{Path: name, Data: data}); kind != "" {
		return kind
	}
	if looksLikeHCL(data) {
		return kindTerraform
	}
	if looksLikeBrokenJSON(data) {
		// Pasted JSON with a syntax error: report the error where it is
		// rather than "not a recognized input".
		return kindPolicyJSON
	}
	return "" // lintScope reports the input as not recognized
}

// inMemoryNames lists the names the parsers gave the input, other than name:
// Terraform reads it as a .tf file, a plan is read as standard input.
func inMemoryNames(name, kind string) []string {
	switch kind {
	case kindTerraform:
		if base := path.Base(name); !isTerraformFile(base) {
			return []string{base + ".tf"}
		} else if base != name {
			return []string{base}
		}
	case kindPlan:
		return []string{stdinName}
	}
	return nil
}

// renameInput makes findings, errors and the file list name the input by its
// display name, whatever the parser called it. Raw policies name their
// resource after the file, so resources are renamed too.
func renameInput(res *Result, aliases []string, name string) {
	rename := func(s string) string {
		if slices.Contains(aliases, s) {
			return name
		}
		return s
	}
	for i := range res.Findings {
		res.Findings[i].File = rename(res.Findings[i].File)
		res.Findings[i].Resource = rename(res.Findings[i].Resource)
	}
	for _, e := range res.Errors {
		e.File = rename(e.File)
	}
	for i := range res.Files {
		res.Files[i] = rename(res.Files[i])
	}
	res.Files = dedupStrings(res.Files)
}

// looksLikeBrokenJSON reports whether data starts like a JSON object or array
// but does not parse.
func looksLikeBrokenJSON(data []byte) bool {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		return false
	}
	return !json.Valid(trimmed)
}
