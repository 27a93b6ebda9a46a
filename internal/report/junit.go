package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/finding"
)

// JUnit XML as CI systems (GitLab, Jenkins, Azure) read it: one testsuite
// per file, one testcase per rule and file, failing with the findings'
// lines and messages. Rules without findings in a file pass, so the counts
// say how much was checked; suppressed-only rules are skipped.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

func writeJUnit(w io.Writer, res *Result, _ Options) error {
	byFile := map[string][]finding.Finding{}
	suppressed := map[string][]Suppressed{}
	errs := map[string][]string{}
	files := slices.Clone(res.FileNames)
	for _, f := range res.Findings {
		byFile[f.File] = append(byFile[f.File], f)
		files = append(files, f.File)
	}
	for _, s := range res.Suppressed {
		suppressed[s.File] = append(suppressed[s.File], s)
		files = append(files, s.File)
	}
	for _, e := range res.Errors {
		if e.Warning {
			continue
		}
		errs[e.File] = append(errs[e.File], e.Error())
		files = append(files, e.File)
	}
	slices.Sort(files)
	files = slices.Compact(files)

	rules := slices.Clone(res.Rules)
	out := junitSuites{Name: toolName}
	for _, file := range files {
		suite := junitSuite{Name: file}
		if msgs := errs[file]; len(msgs) > 0 {
			// A file that could not be read was not checked: no rule passed.
			suite.Cases = append(suite.Cases, junitCase{Name: "parse", Classname: file, Error: &junitProblem{
				Message: msgs[0], Type: "parse-error", Text: strings.Join(msgs, "\n"),
			}})
			suite.Tests, suite.Errors = 1, 1
			out.Tests++
			out.Errors++
			out.Suites = append(out.Suites, suite)
			continue
		}
		seen := map[string]bool{}
		caseFor := func(id, name string) {
			seen[id] = true
			c := junitCase{Name: strings.TrimSpace(id + " " + name), Classname: file}
			if fs := rulesFindings(byFile[file], id); len(fs) > 0 {
				var lines []string
				for _, f := range fs {
					lines = append(lines, fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Severity, f.Message))
				}
				c.Failure = &junitProblem{
					Message: fmt.Sprintf("%d %s of %s", len(fs), plural(len(fs), "finding"), id),
					Type:    fs[0].Severity.String(), Text: strings.Join(lines, "\n"),
				}
			} else if ss := rulesSuppressed(suppressed[file], id); len(ss) > 0 {
				c.Skipped = &junitSkipped{Message: fmt.Sprintf("suppressed (%s): %s", ss[0].Kind, ss[0].Reason)}
			}
			suite.Cases = append(suite.Cases, c)
		}
		for _, r := range rules {
			caseFor(r.ID, r.Name)
		}
		for _, f := range byFile[file] { // rules the caller did not list
			if !seen[f.RuleID] {
				caseFor(f.RuleID, f.RuleName)
			}
		}
		for _, c := range suite.Cases {
			suite.Tests++
			switch {
			case c.Failure != nil:
				suite.Failures++
			case c.Error != nil:
				suite.Errors++
			case c.Skipped != nil:
				suite.Skipped++
			}
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Errors += suite.Errors
		out.Skipped += suite.Skipped
		out.Suites = append(out.Suites, suite)
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

func rulesFindings(fs []finding.Finding, id string) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.RuleID == id {
			out = append(out, f)
		}
	}
	return out
}

func rulesSuppressed(ss []Suppressed, id string) []Suppressed {
	var out []Suppressed
	for _, s := range ss {
		if s.RuleID == id {
			out = append(out, s)
		}
	}
	return out
}
