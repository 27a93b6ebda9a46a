// Package finding defines what the rules produce and every later stage
// (suppressions, baseline, reports) consumes.
package finding

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity orders findings; the zero value is Info.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity parses a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want one of %s)", s, strings.Join(severityNames[:], ", "))
}

// MarshalText renders the severity's name (JSON, YAML).
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Finding is one rule violation at one place.
type Finding struct {
	RuleID      string   `json:"rule_id"`
	RuleName    string   `json:"rule_name"`
	Severity    Severity `json:"severity"`
	Title       string   `json:"-"`
	Message     string   `json:"message"`
	File        string   `json:"file"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	EndLine     int      `json:"end_line"`
	EndColumn   int      `json:"end_column"`
	Resource    string   `json:"resource"`
	Remediation string   `json:"remediation"`
	// Possible marks a finding that holds only under some assignments of
	// conditions that cannot be decided offline (CloudFormation Conditions).
	Possible bool `json:"possible,omitempty"`
	// ResourceLine is the first line of the resource (block) that holds the
	// finding, where an inline suppression above the block applies.
	ResourceLine int `json:"-"`
	// Fingerprint identifies the finding independently of line numbers, for
	// baselines: rule, file, resource and the content at fault.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Sort orders findings by file, line, column, rule and message, the order
// every output uses, so that output is the same whatever the evaluation order.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, Compare)
}

// Compare orders two findings for Sort.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Resource, b.Resource),
	)
}

// Dedup removes findings that are identical in rule, place and message (a
// local module linted on its own and through its caller reports the same
// finding twice). fs must be sorted.
func Dedup(fs []Finding) []Finding {
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.RuleID == b.RuleID && a.File == b.File && a.Line == b.Line &&
			a.Column == b.Column && a.Message == b.Message
	})
}
