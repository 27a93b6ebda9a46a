// Command regocheck is `opa fmt --list` plus `opa check --strict` for the
// embedded rules, with ctlint's builtins registered, so CI needs no opa
// binary. With -w it rewrites unformatted files in place.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/ctlint/ctlint/internal/eval"
)

func main() {
	write := flag.Bool("w", false, "rewrite unformatted files")
	flag.Parse()
	dirs := flag.Args()
	if len(dirs) == 0 {
		dirs = []string{"policies"}
	}
	failed := false
	for _, dir := range dirs {
		if *write {
			if err := formatDir(dir); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		problems, err := eval.CheckSources(os.DirFS(dir), strings.TrimSuffix(dir, "/")+"/")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, p := range problems {
			fmt.Println(p)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func formatDir(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out, err := format.SourceWithOpts(p, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		if !bytes.Equal(out, src) {
			return os.WriteFile(p, out, 0o644)
		}
		return nil
	})
}
