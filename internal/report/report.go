// Package report renders lint results: text for people, JSON for tools, and
// the formats CI systems read. Every format is deterministic: the same
// results give the same bytes.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

// Suppressed is a finding silenced by an inline comment, the config file or
// the baseline.
type Suppressed struct {
	finding.Finding
	Kind   string `json:"kind"`   // inline, config, metadata, baseline
	Reason string `json:"reason"` // the justification written with it
}

// Result is what reporters render.
type Result struct {
	Findings   []finding.Finding
	Suppressed []Suppressed
	Errors     []*parse.Error
	Files      int
	// FileNames lists the linted files (JUnit reports one suite per file,
	// findings or not); optional.
	FileNames []string
	// Rules lists the rules that ran (SARIF's tool.driver.rules).
	Rules []RuleInfo
	// Notes are extra messages (expired or unused suppressions) that text
	// output prints after the findings.
	Notes []string
}

// RuleInfo describes a rule for formats that list rules.
type RuleInfo struct {
	ID, Name, Title, Description, Remediation, HelpURI string
	Severity                                           finding.Severity
	Frameworks                                         []string
}

// Options tune rendering.
type Options struct {
	Color bool
	Quiet bool // text: findings only, no source excerpts, no summary
	// Source returns a file's content for source excerpts, or nil.
	Source func(file string) []byte
	// Root is the repository root that SARIF URIs are relative to.
	Root string
	// ToolVersion is ctlint's version, for formats that name the tool.
	ToolVersion string
}

// Formats lists the supported output formats.
var Formats = []string{"text", "json", "sarif", "junit", "github", "checkstyle"}

// Writer renders a Result.
type Writer func(w io.Writer, res *Result, opts Options) error

var writers = map[string]Writer{
	"text":       writeText,
	"json":       writeJSON,
	"sarif":      writeSARIF,
	"junit":      writeJUnit,
	"github":     writeGitHub,
	"checkstyle": writeCheckstyle,
}

// Register adds an output format.
func Register(name string, w Writer) {
	writers[name] = w
	Formats = append(Formats, name)
	sort.Strings(Formats)
}

// Write renders res in the named format.
func Write(w io.Writer, format string, res *Result, opts Options) error {
	fn, ok := writers[format]
	if !ok {
		return fmt.Errorf("unknown format %q", format)
	}
	return fn(w, res, opts)
}

// Counts returns the number of findings per severity.
func Counts(fs []finding.Finding) map[finding.Severity]int {
	c := map[finding.Severity]int{}
	for _, f := range fs {
		c[f.Severity]++
	}
	return c
}
