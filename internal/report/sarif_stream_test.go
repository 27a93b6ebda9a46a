package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

// writeSARIFWhole is how the sarif format was written before it streamed:
// the whole log, results included, built with go-sarif and written with
// PrettyWrite. It shares how one result and the invocation are built
// (sarifResult, sarifInvocation; their content is held by the golden
// files); what it checks is that streaming the results changes no byte.
func writeSARIFWhole(w io.Writer, res *Result, opts Options) error {
	run := sarif.NewRunWithInformationURI(toolName, toolURI)
	if opts.ToolVersion != "" {
		run.Tool.Driver.WithVersion(opts.ToolVersion)
	}
	known := map[string]bool{}
	for _, r := range res.Rules {
		addSARIFRule(run, r)
		known[r.ID] = true
	}
	addResult := func(f finding.Finding) *sarif.Result {
		if !known[f.RuleID] {
			known[f.RuleID] = true
			addSARIFRule(run, RuleInfo{ID: f.RuleID, Name: f.RuleName, Title: f.Title, Remediation: f.Remediation, Severity: f.Severity})
		}
		r := sarifResult(run, f, opts)
		run.AddResult(r)
		return r
	}
	for _, f := range res.Findings {
		addResult(f)
	}
	for _, s := range res.Suppressed {
		addResult(s.Finding).AddSuppression(sarif.NewSuppression().
			WithKind(suppressionKind(s.Kind)).
			WithStatus("accepted").
			WithJustification(s.Kind + ": " + s.Reason))
	}
	run.AddInvocation(sarifInvocation(res, opts.Root))
	if err := sarif.NewReport().AddRun(run).PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func TestStreamedSARIFMatchesWholeLog(t *testing.T) {
	// Findings of rules the result does not list (custom rules, the
	// unresolved rule) get rules of their own, in the order first met,
	// suppressed findings included; HTML characters are escaped.
	many := sample()
	for i := range 200 {
		id := []string{"CT101", "CT109", "CT302", "CUSTOM1", "CUSTOM2"}[i%5]
		many.Findings = append(many.Findings, finding.Finding{
			RuleID: id, RuleName: "n-" + id, Title: "title <" + id + ">", Severity: finding.Severity(i % 5),
			Message: fmt.Sprintf("finding %d <&> \u2028 \"quoted\"", i), File: fmt.Sprintf("dir/%02d & more.tf", i/4),
			Line: i + 1, Column: i % 3, EndLine: i + 1 + i%2, EndColumn: 9, Resource: []string{"", "aws_s3_bucket.b"}[i%2],
			Remediation: "Do this:\n  resource {}", Possible: i%7 == 0, Fingerprint: []string{"", fmt.Sprintf("%032x", i)}[i%2],
		})
	}
	many.Suppressed = append(many.Suppressed, Suppressed{
		Finding: finding.Finding{RuleID: "CUSTOM3", RuleName: "c3", Message: "m", File: "x.tf", Line: 2},
		Kind:    "baseline", Reason: "known <issue>",
	})
	onlySuppressed := &Result{Suppressed: sample().Suppressed, Rules: sample().Rules}
	onlyErrors := &Result{Errors: []*parse.Error{{File: "a.json", Line: 1, Message: "bad"}, {Message: "no file", Warning: true}}}
	tests := []struct {
		name string
		res  *Result
		opts Options
	}{
		{"sample", sample(), Options{ToolVersion: "v1.2.3"}},
		{"sample under a root", sample(), Options{Root: "modules"}},
		{"empty", &Result{}, Options{}},
		{"only suppressed", onlySuppressed, Options{}},
		{"only errors", onlyErrors, Options{}},
		{"many findings, unlisted rules, escapes", many, Options{ToolVersion: "dev"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := Write(&got, "sarif", tt.res, tt.opts); err != nil {
				t.Fatal(err)
			}
			if err := writeSARIFWhole(&want, tt.res, tt.opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("streamed SARIF differs from the whole log:\n got: %s\nwant: %s", got.Bytes(), want.Bytes())
			}
		})
	}
}

// A failing writer's error is returned.
func TestStreamedSARIFReturnsWriteError(t *testing.T) {
	for _, limit := range []int{0, 100, 4 << 10} {
		w := &failingWriter{limit: limit}
		if err := Write(w, "sarif", sample(), Options{}); !errors.Is(err, errWriteFailed) {
			t.Errorf("limit %d: got error %v, want %v", limit, err, errWriteFailed)
		}
	}
}
