package report

import (
	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

// The JSON shape is a contract (DESIGN.md): field names are stable.
type jsonReport struct {
	Findings   []jsonFinding    `json:"findings"`
	Errors     []jsonError      `json:"errors"`
	Suppressed []jsonSuppressed `json:"suppressed"`
	// Notes are messages about suppressions (no reason, expired, unused).
	Notes   []string    `json:"notes,omitempty"`
	Summary jsonSummary `json:"summary"`
}

type jsonFinding struct {
	RuleID      string `json:"rule_id"`
	RuleName    string `json:"rule_name"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Resource    string `json:"resource"`
	Remediation string `json:"remediation"`
	Possible    bool   `json:"possible,omitempty"`
}

type jsonSuppressed struct {
	jsonFinding
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	Warning bool   `json:"warning,omitempty"`
}

type jsonSummary struct {
	Files      int            `json:"files"`
	Findings   int            `json:"findings"`
	Errors     int            `json:"errors"`
	Suppressed int            `json:"suppressed"`
	BySeverity map[string]int `json:"by_severity"`
}

func toJSONFinding(f finding.Finding) jsonFinding {
	return jsonFinding{
		RuleID: f.RuleID, RuleName: f.RuleName, Severity: f.Severity.String(), Message: f.Message,
		File: f.File, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
		Resource: f.Resource, Remediation: f.Remediation, Possible: f.Possible,
	}
}

// JSONDocument returns the JSON report as a value (the serve API embeds it).
// The json format writes the same document without building it
// (writeJSON); the two must encode to the same bytes.
func JSONDocument(res *Result) any {
	out := jsonReport{
		Findings:   make([]jsonFinding, 0, len(res.Findings)),
		Errors:     make([]jsonError, 0, len(res.Errors)),
		Suppressed: make([]jsonSuppressed, 0, len(res.Suppressed)),
		Summary:    jsonSummaryOf(res),
	}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, toJSONFinding(f))
	}
	for _, s := range res.Suppressed {
		out.Suppressed = append(out.Suppressed, jsonSuppressed{toJSONFinding(s.Finding), s.Kind, s.Reason})
	}
	out.Notes = res.Notes
	for _, e := range res.Errors {
		out.Errors = append(out.Errors, toJSONError(e))
	}
	return out
}

func toJSONError(e *parse.Error) jsonError {
	return jsonError{File: e.File, Line: e.Line, Column: e.Column, Message: e.Message, Warning: e.Warning}
}

// errorCount counts the errors that are not warnings.
func errorCount(errs []*parse.Error) int {
	n := 0
	for _, e := range errs {
		if !e.Warning {
			n++
		}
	}
	return n
}

func bySeverity(fs []finding.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Severity.String()]++
	}
	return m
}

// jsonSummaryOf is the summary JSONDocument would hold.
func jsonSummaryOf(res *Result) jsonSummary {
	return jsonSummary{
		Files: res.Files, Findings: len(res.Findings), Errors: errorCount(res.Errors),
		Suppressed: len(res.Suppressed), BySeverity: bySeverity(res.Findings),
	}
}
