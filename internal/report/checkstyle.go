package report

import (
	"encoding/xml"
	"io"
	"slices"

	"github.com/ctlint/ctlint/internal/finding"
)

// Checkstyle XML, which many CI tools and code review bots read
// (reviewdog, Jenkins warnings-ng, GitLab via converters).
type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func checkstyleSeverity(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "info"
}

func writeCheckstyle(w io.Writer, res *Result, _ Options) error {
	byFile := map[string][]checkstyleError{}
	for _, f := range res.Findings {
		byFile[f.File] = append(byFile[f.File], checkstyleError{
			Line: f.Line, Column: f.Column, Severity: checkstyleSeverity(f.Severity),
			Message: f.RuleName + ": " + f.Message, Source: "ctlint." + f.RuleID,
		})
	}
	for _, e := range res.Errors {
		sev := "error"
		if e.Warning {
			sev = "warning"
		}
		byFile[e.File] = append(byFile[e.File], checkstyleError{
			Line: e.Line, Column: e.Column, Severity: sev, Message: e.Message, Source: "ctlint.parse",
		})
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	out := checkstyleReport{Version: "4.3"}
	for _, f := range files {
		out.Files = append(out.Files, checkstyleFile{Name: f, Errors: byFile[f]})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
