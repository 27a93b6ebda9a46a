package cli

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/parse"
)

// preCommitPaths maps the files pre-commit passes to scopes: a Terraform
// file stands for its module directory (a module's variables, locals and
// resources live in several files, and cross-file references must
// resolve), other files stay files. The hook's files pattern also matches
// JSON and YAML that are not ctlint inputs; dropSkippedFiles keeps those
// quiet.
func preCommitPaths(files []string) []string {
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, ".tf") || strings.HasSuffix(f, ".tf.json") {
			out = append(out, filepath.Dir(f))
			continue
		}
		out = append(out, f)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// skippedPrefix starts the warning lint gives a named file that is not a
// CloudTrail-related input (a package.json, a workflow).
const skippedPrefix = "skipped: not a "

// dropSkippedFiles removes the warnings about named files that are not
// inputs: in a pre-commit run, they are simply not ctlint's business, as in
// a directory walk.
func dropSkippedFiles(errs []*parse.Error) []*parse.Error {
	return slices.DeleteFunc(slices.Clone(errs), func(e *parse.Error) bool {
		return e.Warning && strings.HasPrefix(e.Message, skippedPrefix)
	})
}
