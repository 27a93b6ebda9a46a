package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/ctlint/ctlint/internal/finding"
)

const (
	toolName = "ctlint"
	toolURI  = "https://github.com/ctlint/ctlint"
	// docsBase turns the rules' repository-relative docs paths into the
	// absolute URIs SARIF's helpUri requires.
	docsBase = toolURI + "/blob/main/"
	// srcRoot is the uriBaseId every location is relative to: the
	// repository root, which code scanning knows.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names ctlint's partial fingerprint (versioned, so a
	// change of algorithm does not collide with old alerts).
	fingerprintKey = "ctlintFingerprint/v1"
)

// securitySeverity maps severities to the CVSS-like scores GitHub code
// scanning uses to rank security alerts.
var securitySeverity = map[finding.Severity]string{
	finding.Critical: "9.5",
	finding.High:     "8.0",
	finding.Medium:   "5.5",
	finding.Low:      "3.0",
	finding.Info:     "0.0",
}

// sarifLevel maps a severity to a SARIF result level.
func sarifLevel(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "note"
}

// writeSARIF renders a SARIF 2.1.0 log with one run: every rule that ran in
// tool.driver.rules, one result per finding (suppressed ones carry
// suppressions), and errors and notes as tool execution notifications.
// Locations are relative to the repository root (%SRCROOT%): code scanning
// rejects absolute and file:// URIs.
//
// The results are streamed: the log is encoded without them, and each
// result is built, encoded and dropped in turn where the results member
// goes. A whole log of go-sarif values for 100,000 findings, and its
// encoding, would take several times the findings' own memory. The bytes
// are those of go-sarif's PrettyWrite of the whole log
// (TestStreamedSARIFMatchesWholeLog).
func writeSARIF(w io.Writer, res *Result, opts Options) error {
	run := sarif.NewRunWithInformationURI(toolName, toolURI)
	if opts.ToolVersion != "" {
		run.Tool.Driver.WithVersion(opts.ToolVersion)
	}
	for _, r := range res.Rules {
		addSARIFRule(run, r)
	}
	known := map[string]bool{}
	for _, r := range res.Rules {
		known[r.ID] = true
	}
	addUnlisted := func(f finding.Finding) {
		if !known[f.RuleID] { // a finding of a rule the caller did not list
			known[f.RuleID] = true
			addSARIFRule(run, RuleInfo{ID: f.RuleID, Name: f.RuleName, Title: f.Title, Remediation: f.Remediation, Severity: f.Severity})
		}
	}
	for _, f := range res.Findings {
		addUnlisted(f)
	}
	for _, s := range res.Suppressed {
		addUnlisted(s.Finding)
	}
	run.AddInvocation(sarifInvocation(res, opts.Root))
	run.Results = nil // encoded as null: the hole the results are streamed into
	var skeleton bytes.Buffer
	if err := sarif.NewReport().AddRun(run).PrettyWrite(&skeleton); err != nil {
		return err
	}
	head, tail, ok := bytes.Cut(skeleton.Bytes(), []byte(sarifResultsHole))
	if !ok {
		return errors.New("sarif: the log has no results member to write the results into")
	}
	// The run is the one element of the log's runs: its members are three
	// levels deep. go-sarif encodes with json.Marshal, which escapes HTML.
	s := newJSONStream(w, 3, true)
	s.raw(string(head))
	s.raw(sarifResultsMember)
	s.array(len(res.Findings)+len(res.Suppressed), func(i int) any {
		if i < len(res.Findings) {
			return sarifResult(run, res.Findings[i], opts)
		}
		sup := res.Suppressed[i-len(res.Findings)]
		return sarifResult(run, sup.Finding, opts).AddSuppression(sarif.NewSuppression().
			WithKind(suppressionKind(sup.Kind)).
			WithStatus("accepted").
			WithJustification(sup.Kind + ": " + sup.Reason))
	})
	s.raw(string(tail))
	s.raw("\n")
	return s.flush()
}

// The results member of the run, as the log without results encodes it,
// and its name, which the streamed array follows.
const (
	sarifResultsMember = "\n      \"results\": "
	sarifResultsHole   = sarifResultsMember + "null"
)

// sarifResult is one finding as a SARIF result of the run's rule.
func sarifResult(run *sarif.Run, f finding.Finding, opts Options) *sarif.Result {
	r := sarif.NewRuleResult(f.RuleID).
		WithRuleIndex(run.GetRuleIndex(f.RuleID)).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(f.Message)).
		AddLocation(sarifLocation(f.File, f.Line, f.Column, f.EndLine, f.EndColumn, opts.Root))
	if f.Fingerprint != "" {
		r.WithPartialFingerprints(map[string]string{fingerprintKey: f.Fingerprint})
	}
	props := sarif.NewPropertyBag()
	props.Add("severity", f.Severity.String())
	if f.Resource != "" {
		props.Add("resource", f.Resource)
	}
	if f.Possible {
		props.Add("possible", true)
	}
	r.WithProperties(props)
	return r
}

// sarifInvocation reports errors and notes as tool execution notifications.
func sarifInvocation(res *Result, root string) *sarif.Invocation {
	inv := sarif.NewInvocation().WithExecutionSuccessful(!hasErrors(res))
	for _, e := range res.Errors {
		level := "error"
		if e.Warning {
			level = "warning"
		}
		n := sarif.NewNotification().WithLevel(level).WithMessage(sarif.NewTextMessage(e.Message))
		if e.File != "" {
			n.Locations = append(n.Locations, sarifLocation(e.File, e.Line, e.Column, 0, 0, root))
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, note := range res.Notes {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarif.NewNotification().WithLevel("note").WithMessage(sarif.NewTextMessage(note)))
	}
	return inv
}

func addSARIFRule(run *sarif.Run, r RuleInfo) {
	full := r.Description
	if full == "" {
		full = r.Title
	}
	text := full
	md := fmt.Sprintf("**%s %s** (%s)\n\n%s", r.ID, r.Name, r.Severity, full)
	if r.Remediation != "" {
		text += "\n\nRemediation:\n" + r.Remediation
		md += "\n\n**Remediation**\n\n" + indentBlock(r.Remediation)
	}
	rule := run.AddRule(r.ID).
		WithName(r.Name).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(full)).
		WithHelp(sarif.NewMultiformatMessageString().WithText(text).WithMarkdown(md)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
	if uri := helpURI(r.HelpURI); uri != "" {
		rule.WithHelpURI(uri)
	}
	tags := []string{"security", "cloudtrail", r.Severity.String()}
	tags = append(tags, r.Frameworks...)
	props := sarif.NewPropertyBag().WithTags(tags)
	props.Add("security-severity", securitySeverity[r.Severity])
	props.Add("precision", "high")
	rule.WithProperties(props)
}

// indentBlock renders remediation text (prose, then indented snippets) as
// Markdown that keeps its line breaks: a fenced block when it holds code.
func indentBlock(s string) string {
	if strings.Contains(s, "\n  ") {
		return "```\n" + s + "\n```"
	}
	return s
}

func helpURI(p string) string {
	switch {
	case p == "":
		return ""
	case strings.Contains(p, "://"):
		return p
	}
	return docsBase + strings.TrimPrefix(p, "/")
}

func sarifLocation(file string, line, col, endLine, endCol int, root string) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(
		sarif.NewSimpleArtifactLocation(artifactURI(file, root)).WithURIBaseID(srcRoot))
	if line > 0 {
		region := sarif.NewRegion().WithStartLine(line)
		if col > 0 {
			region.WithStartColumn(col)
		}
		if endLine < line {
			endLine = line
		}
		region.WithEndLine(endLine)
		if endCol > 0 && (endLine > line || endCol > col) {
			region.WithEndColumn(endCol)
		}
		phys.WithRegion(region)
	}
	return sarif.NewLocationWithPhysicalLocation(phys)
}

// artifactURI turns a file name as findings carry it (relative to the
// working directory) into a URI reference relative to root: slash
// separated, percent-encoded, never absolute, never empty.
func artifactURI(file, root string) string {
	if file == "" || strings.HasPrefix(file, "<") { // <stdin>
		return "stdin"
	}
	p := filepath.FromSlash(file)
	if root != "" {
		if abs, err := filepath.Abs(p); err == nil {
			if rootAbs, err := filepath.Abs(root); err == nil {
				if rel, err := filepath.Rel(rootAbs, abs); err == nil {
					p = rel
				}
			}
		}
	}
	if filepath.IsAbs(p) || filepath.VolumeName(p) != "" {
		p = filepath.Base(p) // an absolute URI would be rejected outright
	}
	u := url.URL{Path: filepath.ToSlash(p)}
	return u.EscapedPath()
}

func suppressionKind(kind string) string {
	switch kind {
	case "inline", "metadata":
		return "inSource"
	}
	return "external"
}

func hasErrors(res *Result) bool {
	for _, e := range res.Errors {
		if !e.Warning {
			return true
		}
	}
	return false
}
