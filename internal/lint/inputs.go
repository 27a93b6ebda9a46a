package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/parse"
)

// Input kinds: how a scope is parsed.
const (
	kindTerraform      = "terraform"
	kindCloudFormation = "cloudformation"
	kindPlan           = "tfplan"
	kindPolicyJSON     = "policyjson"
)

// scope is one unit of linting: a Terraform module directory or one file.
type scope struct {
	kind string
	// root is the lint root on disk (file(), templatefile() and local modules
	// resolve only inside it); dir is the module directory inside root,
	// slash separated; display is what findings call root.
	root, dir, display string
	file               *parse.File // single-file scopes
	// unread marks a file found on disk whose content was dropped after
	// detection (forget): load reads it again. Content that came from
	// anywhere else is never looked for on disk.
	unread bool
}

// stdinName is how findings and errors name standard input.
const stdinName = "<stdin>"

// discover turns the command-line paths into scopes, in a deterministic
// order. Problems with one path (unreadable, too large) become errors or
// warnings; the other paths are still linted.
func (r *runner) discover(paths []string) ([]scope, []*parse.Error) {
	var scopes []scope
	var errs []*parse.Error
	seenDirs := map[string]bool{}
	addTerraformDir := func(root, dir, display string) {
		key := filepath.Join(root, filepath.FromSlash(dir))
		if seenDirs[key] {
			return
		}
		seenDirs[key] = true
		scopes = append(scopes, scope{kind: kindTerraform, root: root, dir: dir, display: display})
	}
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(io.LimitReader(r.opts.Stdin, r.opts.MaxFileSize+1))
			if err != nil {
				errs = append(errs, &parse.Error{File: stdinName, Message: "read standard input: " + err.Error()})
				continue
			}
			if int64(len(data)) > r.opts.MaxFileSize {
				errs = append(errs, &parse.Error{File: stdinName, Message: fmt.Sprintf("input is larger than --max-file-size (%d bytes)", r.opts.MaxFileSize)})
				continue
			}
			scopes = append(scopes, scope{kind: "", file: &parse.File{Path: stdinName, Data: data}})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &parse.Error{File: p, Message: describeFSError(err)})
			continue
		}
		root, display := lintRoot(p, info.IsDir())
		if !info.IsDir() {
			if isTerraformFile(p) {
				if perr := r.tooLarge(p, info); perr != nil {
					errs = append(errs, perr)
				}
				dir, _ := filepath.Rel(root, filepath.Dir(p))
				addTerraformDir(root, filepath.ToSlash(dir), display)
				continue
			}
			sc, perr := r.fileScope(p, info, true)
			if perr != nil {
				errs = append(errs, perr)
			}
			if sc != nil {
				scopes = append(scopes, *sc)
			}
			continue
		}
		var tfDirs []string
		walkErr := filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &parse.Error{File: fp, Message: describeFSError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if fp != p && skipDir(d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil // symlinks and devices: never followed
			}
			if isTerraformFile(fp) {
				if info, err := d.Info(); err == nil {
					if perr := r.tooLarge(fp, info); perr != nil {
						errs = append(errs, perr)
					}
				}
				tfDirs = append(tfDirs, filepath.Dir(fp))
				return nil
			}
			if !r.candidate(fp) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				errs = append(errs, &parse.Error{File: fp, Message: describeFSError(err)})
				return nil
			}
			sc, perr := r.fileScope(fp, info, false)
			if perr != nil {
				errs = append(errs, perr)
			}
			if sc != nil {
				scopes = append(scopes, *sc)
			}
			return nil
		})
		if walkErr != nil {
			errs = append(errs, &parse.Error{File: p, Message: describeFSError(walkErr)})
		}
		for _, d := range slices.Compact(tfDirs) {
			rel, _ := filepath.Rel(root, d)
			addTerraformDir(root, filepath.ToSlash(rel), display)
		}
	}
	return scopes, errs
}

// candidate reports whether a file found in a directory walk may be an input.
func (r *runner) candidate(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".json", ".yaml", ".yml", ".template":
		return true
	}
	return false
}

// fileScope reads one non-Terraform file and decides how to parse it. A file
// that is not a CloudTrail-related input is skipped: silently in a directory
// walk, with a warning when it was named explicitly.
func (r *runner) fileScope(p string, info fs.FileInfo, explicit bool) (*scope, *parse.Error) {
	name := filepath.ToSlash(p)
	if perr := r.tooLarge(p, info); perr != nil {
		return nil, perr
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, &parse.Error{File: name, Message: describeFSError(err)}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		// Editors on Windows save UTF-16: such a policy would otherwise be
		// skipped, silently in a directory walk, as "not a policy".
		return nil, &parse.Error{File: name, Line: 1, Column: 1, Message: "the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8"}
	}
	f := &parse.File{Path: name, Data: data}
	kind := r.detect(f)
	if kind == "" {
		if explicit {
			return nil, &parse.Error{File: name, Warning: true, Message: "skipped: not a bucket policy, key policy, lifecycle, trail, CloudFormation template or Terraform plan"}
		}
		return nil, nil
	}
	sc := &scope{kind: kind, file: f}
	sc.forget()
	return sc, nil
}

// tooLarge warns about a file over --max-file-size. Terraform files are
// hidden from their module by limitFS; without this warning a large .tf
// file would be skipped silently.
func (r *runner) tooLarge(p string, info fs.FileInfo) *parse.Error {
	if info.Size() <= r.opts.MaxFileSize {
		return nil
	}
	return &parse.Error{File: filepath.ToSlash(p), Warning: true, Message: fmt.Sprintf("skipped: %d bytes is more than --max-file-size (%d bytes)", info.Size(), r.opts.MaxFileSize)}
}

// lintRoot returns the directory that confines file access for a path and
// the prefix findings use for it: the working directory when the path lies
// inside it, so that modules and files elsewhere in the repository resolve,
// else the path's own directory.
func lintRoot(p string, isDir bool) (root, display string) {
	dir := p
	if !isDir {
		dir = filepath.Dir(p)
	}
	if wd, err := os.Getwd(); err == nil {
		if abs, err := filepath.Abs(dir); err == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return ".", ""
			}
		}
	}
	return dir, filepath.ToSlash(dir)
}

func isTerraformFile(p string) bool {
	return strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")
}

// skipDir names directories never walked: hidden ones (.git, .terraform) and
// dependency trees.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor"
}

func describeFSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}
