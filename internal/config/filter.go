package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

// RuleRef answers whether a rule reference from the configuration (an ID
// or a kebab-case name) names the finding's rule.
func RuleRef(ref string, f finding.Finding) bool {
	return strings.EqualFold(ref, f.RuleID) || strings.EqualFold(ref, f.RuleName)
}

// Filter applies rule selection, severity overrides and excluded paths.
// Findings of disabled rules and in excluded files are dropped: they are
// not "suppressed", the user asked for them not to be checked.
func (c *Config) Filter(fs []finding.Finding) []finding.Finding {
	out := make([]finding.Finding, 0, len(fs)) // most findings stay: size once
	for _, f := range fs {
		if !c.ruleEnabled(f) || c.Excluded(f.File) {
			continue
		}
		for _, o := range c.Severity {
			if RuleRef(o.Rule.Text, f) {
				f.Severity = o.Severity
			}
		}
		out = append(out, f)
	}
	return out
}

// FilterErrors drops errors and warnings about excluded files.
func (c *Config) FilterErrors(errs []*parse.Error) []*parse.Error {
	if len(c.Exclude) == 0 {
		return errs
	}
	return slices.DeleteFunc(slices.Clone(errs), func(e *parse.Error) bool { return c.Excluded(e.File) })
}

func (c *Config) ruleEnabled(f finding.Finding) bool {
	ref := func(v Value) bool { return RuleRef(v.Text, f) }
	if len(c.Enable) > 0 && !slices.ContainsFunc(c.Enable, ref) {
		return false
	}
	return !slices.ContainsFunc(c.Disable, ref)
}

// Excluded reports whether file (as findings name it: relative to the
// working directory) matches an exclude glob. Globs are relative to the
// configuration file's directory.
func (c *Config) Excluded(file string) bool {
	if len(c.Exclude) == 0 {
		return false
	}
	rel, ok := c.relative(file)
	if !ok {
		return false
	}
	for _, g := range c.Exclude {
		if ok, _ := doublestar.Match(g.Text, rel); ok {
			return true
		}
		// "legacy/" or "legacy" excludes everything below it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(g.Text, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
}

// relative turns a path relative to the working directory into a slash
// path relative to the configuration's directory. ok is false for paths
// outside that directory (and stdin): no glob of the file applies to them.
func (c *Config) relative(file string) (rel string, ok bool) {
	if file == "" || strings.HasPrefix(file, "<") {
		return "", false
	}
	if c.Dir == "" { // defaults or a parsed string: the working directory
		return filepath.ToSlash(filepath.Clean(file)), !filepath.IsAbs(file)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	rel, err = filepath.Rel(c.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// expired reports whether a YYYY-MM-DD expiry lies before today (UTC). A
// suppression is still valid on its expiry day.
func expired(exp string, today time.Time) bool {
	if exp == "" {
		return false
	}
	t, err := time.Parse(time.DateOnly, exp)
	if err != nil {
		return true // an unreadable date must not suppress forever
	}
	y, m, d := today.UTC().Date()
	return t.Before(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

func sortOverrides(os []SeverityOverride) {
	slices.SortFunc(os, func(a, b SeverityOverride) int { return strings.Compare(a.Rule.Text, b.Rule.Text) })
}
