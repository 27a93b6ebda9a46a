package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/ctlint/ctlint/internal/finding"
)

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[31m"
	ansiYel   = "\x1b[33m"
	ansiBlue  = "\x1b[34m"
	ansiMag   = "\x1b[35m"
)

func severityColor(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return ansiMag + ansiBold
	case finding.High:
		return ansiRed
	case finding.Medium:
		return ansiYel
	case finding.Low:
		return ansiBlue
	}
	return ansiDim
}

// writeText prints one block per finding:
//
//	file:line:col severity RULE name: message
//	   12 |     "Action": "s3:PutObject",
//	  fix: remediation
//
// then errors and a summary line.
func writeText(w io.Writer, res *Result, opts Options) error {
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	var b bytes.Buffer
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s %s %s %s: %s\n",
			paint(ansiBold, fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)),
			paint(severityColor(f.Severity), f.Severity.String()),
			paint(ansiBold, f.RuleID), f.RuleName, f.Message)
		if opts.Quiet {
			continue
		}
		if opts.Source != nil {
			writeExcerpt(&b, opts.Source(f.File), f, paint)
		}
		if f.Remediation != "" {
			lines := strings.Split(strings.TrimRight(f.Remediation, "\n"), "\n")
			fmt.Fprintf(&b, "  %s %s\n", paint(ansiDim, "fix:"), lines[0])
			for _, l := range lines[1:] {
				fmt.Fprintf(&b, "       %s\n", l)
			}
		}
		b.WriteByte('\n')
	}
	for _, e := range res.Errors {
		label := paint(ansiRed+ansiBold, "error")
		if e.Warning {
			label = paint(ansiYel, "warning")
		}
		fmt.Fprintf(&b, "%s: %s\n", label, e.Error())
	}
	if !opts.Quiet {
		for _, n := range res.Notes {
			fmt.Fprintf(&b, "%s: %s\n", paint(ansiDim, "note"), n)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// writeExcerpt prints the finding's lines (at most five) with line numbers.
func writeExcerpt(b *bytes.Buffer, src []byte, f finding.Finding, paint func(string, string) string) {
	if len(src) == 0 || f.Line <= 0 {
		return
	}
	lines := strings.Split(string(src), "\n")
	end := f.EndLine
	if end < f.Line {
		end = f.Line
	}
	if end > f.Line+4 {
		end = f.Line + 4
	}
	for n := f.Line; n <= end && n <= len(lines); n++ {
		line := strings.TrimRight(lines[n-1], "\r")
		if len(line) > 200 { // one-line policies: show the part at fault
			start := 0
			if n == f.Line && f.Column > 40 {
				start = f.Column - 40
			}
			stop := min(start+200, len(line))
			line = "…" + line[start:stop] + "…"
		}
		fmt.Fprintf(b, "  %s %s\n", paint(ansiDim, fmt.Sprintf("%5d |", n)), line)
	}
}

// Summary renders the one-line summary ("3 findings (1 high, 2 low) in 12
// files, 0 errors").
func Summary(res *Result) string {
	counts := Counts(res.Findings)
	var parts []string
	for s := finding.Critical; s >= finding.Info; s-- {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	errs := 0
	for _, e := range res.Errors {
		if !e.Warning {
			errs++
		}
	}
	out := fmt.Sprintf("%d %s", len(res.Findings), plural(len(res.Findings), "finding"))
	if len(parts) > 0 {
		out += " (" + strings.Join(parts, ", ") + ")"
	}
	out += fmt.Sprintf(" in %d %s", res.Files, plural(res.Files, "file"))
	if len(res.Suppressed) > 0 {
		out += fmt.Sprintf(", %d suppressed", len(res.Suppressed))
	}
	if errs > 0 {
		out += fmt.Sprintf(", %d %s", errs, plural(errs, "error"))
	}
	return out
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}
