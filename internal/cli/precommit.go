package cli

import (
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/parse"
)

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
