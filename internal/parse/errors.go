// Package parse holds what every input parser shares: the error type that
// carries a position, and the limits that keep hostile input bounded. Each
// format lives in its own sub-package and produces model.Document values.
package parse

import (
	"fmt"

	"github.com/ctlint/ctlint/internal/model"
)

// Error is an input that could not be read or parsed. It names the file and,
// where known, the line and column, so that editors and CI annotations can
// point at it. ctlint exits with code 2 when any input yields an Error.
type Error struct {
	File    string
	Line    int
	Column  int
	Message string
	// Warning marks problems that skip an input without failing the run
	// (a file over --max-file-size).
	Warning bool
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	default:
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
}

// Errorf returns an Error at r.
func Errorf(r model.Range, format string, args ...any) *Error {
	return &Error{File: r.File, Line: r.Line, Column: r.Column, Message: fmt.Sprintf(format, args...)}
}

// File is one input's name (relative to the working directory, slash
// separated, or "-" for stdin) and content. Parsers never read the file
// system themselves except through an explicit, root-confined FileReader.
type File struct {
	Path string
	Data []byte
}

// Limits bound the work any parser does on one input. Hostile or accidental
// inputs (deep nesting, alias bombs, count = 1e9) must end in an Error, never
// in a hang or an out-of-memory kill.
const (
	MaxDepth     = 256     // nesting of JSON / YAML / HCL values
	MaxNodes     = 2000000 // values in one document, after alias expansion
	MaxInstances = 1000    // count / for_each instances of one block
	MaxModules   = 64      // module call depth
	// MaxStatements bounds the statements of one policy that rules
	// evaluate. AWS rejects bucket policies over 20 KB and key policies over
	// 32 KB, which hold a few hundred statements at most; rules cost time
	// per statement, so a generated 100,000-statement policy would
	// otherwise take minutes.
	MaxStatements = 1000
	// MaxPolicyBytes bounds the statements of one policy (compact JSON)
	// that rules look into: twice the largest policy AWS accepts (32 KB key
	// policies).
	MaxPolicyBytes = 64 << 10
)
