package lint

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing/fstest"
)

// terraformFS returns the file system a Terraform scope is read from: the lint
// root opened with os.OpenRoot, which refuses ".." and symbolic links that
// leave the root, wrapped so that files over --max-file-size are invisible.
// Content from stdin is served from memory.
func (r *runner) terraformFS(sc scope) (fs.FS, func(), error) {
	if sc.file != nil {
		name := path.Base(sc.file.Path)
		if !isTerraformFile(name) {
			name += ".tf"
		}
		return fstest.MapFS{name: &fstest.MapFile{Data: sc.file.Data}}, func() {}, nil
	}
	root, err := os.OpenRoot(sc.root)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s: %s", sc.root, describeFSError(err))
	}
	return limitFS{fsys: root.FS(), max: r.opts.MaxFileSize}, func() { root.Close() }, nil
}

// limitFS hides regular files larger than max.
type limitFS struct {
	fsys fs.FS
	max  int64
}

func (l limitFS) Open(name string) (fs.File, error) {
	f, err := l.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > l.max {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("file is larger than --max-file-size (%d bytes)", l.max)}
	}
	return f, nil
}

func (l limitFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(l.fsys, name)
	if err != nil {
		return nil, err
	}
	out := entries[:0]
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && info.Size() > l.max {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

func (l limitFS) ReadFile(name string) ([]byte, error) {
	f, err := l.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

func (l limitFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(l.fsys, name) }

// looksLikeHCL sniffs Terraform configuration on stdin: a top-level block
// keyword at the start of a line.
func looksLikeHCL(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		for _, kw := range []string{"resource ", "data ", "module ", "variable ", "locals ", "provider ", "terraform "} {
			if strings.HasPrefix(line, kw) {
				return true
			}
		}
	}
	return false
}
