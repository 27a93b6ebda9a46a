package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/ctlint/ctlint/internal/finding"
)

// writeGitHub prints GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request:
//
//	::error file=p.json,line=4,col=5,endLine=12,endColumn=6,title=CT101 cloudtrail-source-condition-missing::message
//
// error for high and critical, warning for medium, notice for low and info.
func writeGitHub(w io.Writer, res *Result, _ Options) error {
	var b bytes.Buffer
	for _, f := range res.Findings {
		props := []string{"file=" + ghProperty(f.File)}
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
			if f.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", f.Column))
			}
			if f.EndLine >= f.Line {
				props = append(props, fmt.Sprintf("endLine=%d", f.EndLine))
				if f.EndColumn > 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", f.EndColumn))
				}
			}
		}
		props = append(props, "title="+ghProperty(f.RuleID+" "+f.RuleName))
		msg := f.Message
		if f.Remediation != "" {
			msg += "\n\nFix: " + f.Remediation
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", ghLevel(f.Severity), strings.Join(props, ","), ghData(msg))
	}
	for _, e := range res.Errors {
		level := "error"
		if e.Warning {
			level = "warning"
		}
		props := []string{"file=" + ghProperty(e.File)}
		if e.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", e.Line))
			if e.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", e.Column))
			}
		}
		props = append(props, "title=ctlint")
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), ghData(e.Message))
	}
	for _, n := range res.Notes {
		fmt.Fprintf(&b, "::notice title=ctlint::%s\n", ghData(n))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func ghLevel(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "notice"
}

// The escapes of workflow commands (toolkit/core: escapeData and
// escapeProperty).
var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a command's message as the runner expects.
func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a property value.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
