package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/model"
)

// Suppression kinds, as JSON and SARIF report them.
const (
	KindInline   = "inline"   // a ctlint:ignore comment
	KindMetadata = "metadata" // CloudFormation resource Metadata
	KindConfig   = "config"   // .ctlint.yaml suppressions
	KindBaseline = "baseline" // the --baseline file
)

// Suppressed is a finding that a suppression or the baseline silenced.
type Suppressed struct {
	finding.Finding
	Kind   string
	Reason string
}

// Note is a message about the suppressions themselves (no reason, expired,
// unused, not allowed), printed after the findings.
type Note struct {
	File string
	Line int
	Text string
}

func (n Note) String() string {
	switch {
	case n.File != "" && n.Line > 0:
		return fmt.Sprintf("%s:%d: %s", n.File, n.Line, n.Text)
	case n.File != "":
		return n.File + ": " + n.Text
	}
	return n.Text
}

// Suppressor decides which findings are suppressed.
type Suppressor struct {
	Config *Config
	// Metadata are the suppressions declared in the inputs' structure
	// (CloudFormation Metadata).
	Metadata []model.Suppression
	// Source returns a file's content, to read comments from; nil for a
	// file that cannot be read.
	Source func(file string) []byte
	// Files are every linted file. With ReportUnused set, they are all
	// scanned for comments, so that a comment in a file without findings is
	// reported as unused too.
	Files        []string
	ReportUnused bool
	// Today decides expiry (UTC).
	Today time.Time
	// KnownRule answers whether an ID or name is a rule; nil accepts all.
	KnownRule func(string) bool
}

// Outcome is what is left to report.
type Outcome struct {
	Findings   []finding.Finding
	Suppressed []Suppressed
	Notes      []Note
}

// Apply splits findings into reported and suppressed ones. Suppressions are
// tried in a fixed order (inline, metadata, config) and the first that
// applies wins. A suppression without a reason, or past its expiry, does not
// suppress: a note says so, so that nobody silences a check without saying
// why, and a temporary exception does not become permanent.
func (s *Suppressor) Apply(fs []finding.Finding) Outcome {
	cfg := s.Config
	if cfg == nil {
		cfg = Default()
	}
	out := Outcome{Findings: make([]finding.Finding, 0, len(fs))} // most findings stay: size once
	inline := s.scan(fs)
	used := make([]bool, len(inline))
	noted := map[string]bool{}
	note := func(n Note) {
		if k := n.String(); !noted[k] {
			noted[k] = true
			out.Notes = append(out.Notes, n)
		}
	}
	for _, in := range inline {
		switch {
		case !cfg.AllowInline:
			note(Note{in.File, in.Line, "inline suppressions are disabled (allow_inline_suppressions: false): this comment is ignored"})
		case in.Problem != "":
			note(Note{in.File, in.Line, "malformed ctlint:ignore comment: " + in.Problem})
		default:
			if s.KnownRule != nil {
				for _, r := range in.Rules {
					if !s.KnownRule(r) {
						note(Note{in.File, in.Line, fmt.Sprintf("ctlint:ignore names unknown rule %q", r)})
					}
				}
			}
		}
	}
	for _, f := range fs {
		if sup, ok := s.inlineFor(f, inline, used, cfg, note); ok {
			out.Suppressed = append(out.Suppressed, sup)
			continue
		}
		if sup, ok := s.metadataFor(f, cfg, note); ok {
			out.Suppressed = append(out.Suppressed, sup)
			continue
		}
		if sup, ok := s.configFor(f, cfg, note); ok {
			out.Suppressed = append(out.Suppressed, sup)
			continue
		}
		out.Findings = append(out.Findings, f)
	}
	if s.ReportUnused && cfg.AllowInline {
		for i, in := range inline {
			if !used[i] && in.Problem == "" {
				note(Note{in.File, in.Line, fmt.Sprintf("unused suppression: ctlint:ignore %s matches no finding", strings.Join(in.Rules, ","))})
			}
		}
	}
	slices.SortStableFunc(out.Notes, func(a, b Note) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out
}

// scan reads the comments of the files that have findings (and, to report
// unused ones, of every linted file).
func (s *Suppressor) scan(fs []finding.Finding) []Inline {
	if s.Source == nil {
		return nil
	}
	var files []string
	for _, f := range fs {
		files = append(files, f.File)
	}
	if s.ReportUnused {
		files = append(files, s.Files...)
	}
	slices.Sort(files)
	var out []Inline
	for _, file := range slices.Compact(files) {
		if file == "" || !hasComments(file) {
			continue
		}
		out = append(out, ScanInline(file, s.Source(file))...)
	}
	return out
}

// inlineFor finds a comment on the finding's line or the line above it, or
// on the first line of the block holding it or the line above that.
func (s *Suppressor) inlineFor(f finding.Finding, inline []Inline, used []bool, cfg *Config, note func(Note)) (Suppressed, bool) {
	if !cfg.AllowInline {
		return Suppressed{}, false
	}
	covers := func(line int) bool {
		return line == f.Line || line == f.Line-1 ||
			(f.ResourceLine > 0 && (line == f.ResourceLine || line == f.ResourceLine-1))
	}
	for i, in := range inline {
		if in.File != f.File || in.Problem != "" || !covers(in.Line) || !slices.ContainsFunc(in.Rules, func(r string) bool { return RuleRef(r, f) }) {
			continue
		}
		used[i] = true
		if in.Reason == "" {
			note(Note{in.File, in.Line, fmt.Sprintf("ctlint:ignore %s has no reason, so it does not suppress: write why after the rule IDs", f.RuleID)})
			continue
		}
		if expired(in.Expires, s.Today) {
			note(Note{in.File, in.Line, fmt.Sprintf("ctlint:ignore %s expired on %s and no longer suppresses", f.RuleID, in.Expires)})
			continue
		}
		return Suppressed{Finding: f, Kind: KindInline, Reason: in.Reason}, true
	}
	return Suppressed{}, false
}

func (s *Suppressor) metadataFor(f finding.Finding, cfg *Config, note func(Note)) (Suppressed, bool) {
	pos := model.Range{File: f.File, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn}
	for _, m := range s.Metadata {
		if m.Range.File != f.File || (m.Resource != f.Resource && !m.Range.Contains(pos)) {
			continue
		}
		if !slices.ContainsFunc(m.RuleIDs, func(r string) bool { return RuleRef(r, f) }) {
			continue
		}
		if !cfg.AllowInline {
			note(Note{m.Range.File, m.Range.Line, fmt.Sprintf("Metadata suppression of %s on %s is ignored (allow_inline_suppressions: false)", f.RuleID, m.Resource)})
			continue
		}
		if m.Reason == "" {
			note(Note{m.Range.File, m.Range.Line, fmt.Sprintf("Metadata suppression of %s on %s has no reason, so it does not suppress", f.RuleID, m.Resource)})
			continue
		}
		if expired(m.Expires, s.Today) {
			note(Note{m.Range.File, m.Range.Line, fmt.Sprintf("Metadata suppression of %s on %s expired on %s and no longer suppresses", f.RuleID, m.Resource, m.Expires)})
			continue
		}
		return Suppressed{Finding: f, Kind: KindMetadata, Reason: m.Reason}, true
	}
	return Suppressed{}, false
}

func (s *Suppressor) configFor(f finding.Finding, cfg *Config, note func(Note)) (Suppressed, bool) {
	name := cfg.Name
	for _, c := range cfg.Suppressions {
		if !RuleRef(c.Rule.Text, f) {
			continue
		}
		if c.Path.Text != "" {
			rel, inside := cfg.relative(f.File)
			if ok, _ := doublestar.Match(c.Path.Text, rel); !inside || !ok {
				continue
			}
		}
		if c.Resource.Text != "" && c.Resource.Text != f.Resource {
			continue
		}
		if expired(c.Expires, s.Today) {
			note(Note{name, c.Line, fmt.Sprintf("suppression of %s expired on %s and no longer suppresses", c.Rule.Text, c.Expires)})
			continue
		}
		return Suppressed{Finding: f, Kind: KindConfig, Reason: c.Reason}, true
	}
	return Suppressed{}, false
}
