package config

import (
	"reflect"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/model"
)

var today = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

const mainTF = `resource "aws_s3_bucket_policy" "logs" { # ctlint:ignore CT109 TLS enforced by an SCP
  bucket = "b"
  # ctlint:ignore CT101 trail in the same account only
  policy = "{}"
  # ctlint:ignore CT003
  other = 1
  # ctlint:ignore CT002 exp:2026-03-14 temporary
  version = 1
  # ctlint:ignore CT002 exp:2026-03-15 last day counts
  version2 = 1
}
# ctlint:ignore CT005 nothing here
`

func fnd(rule string, line, resourceLine int) finding.Finding {
	return finding.Finding{RuleID: rule, RuleName: "name-" + rule, File: "main.tf", Line: line, Column: 3, Resource: "aws_s3_bucket_policy.logs", ResourceLine: resourceLine}
}

func TestApplyInline(t *testing.T) {
	src := map[string][]byte{"main.tf": []byte(mainTF)}
	s := &Suppressor{Source: func(f string) []byte { return src[f] }, Today: today, Files: []string{"main.tf"}, ReportUnused: true}
	fs := []finding.Finding{
		fnd("CT101", 4, 1),  // comment on the line above
		fnd("CT109", 4, 1),  // comment on the block's first line
		fnd("CT003", 6, 1),  // comment without reason: still reported
		fnd("CT002", 8, 1),  // expired yesterday: reported
		fnd("CT002", 10, 1), // expires today: suppressed
		fnd("CT101", 10, 0), // no comment within reach
	}
	got := s.Apply(fs)
	wantFindings := []finding.Finding{fs[2], fs[3], fs[5]}
	if !reflect.DeepEqual(got.Findings, wantFindings) {
		t.Errorf("Findings = %+v\nwant %+v", got.Findings, wantFindings)
	}
	wantSup := []Suppressed{
		{fs[0], KindInline, "trail in the same account only"},
		{fs[1], KindInline, "TLS enforced by an SCP"},
		{fs[4], KindInline, "last day counts"},
	}
	if !reflect.DeepEqual(got.Suppressed, wantSup) {
		t.Errorf("Suppressed = %+v\nwant %+v", got.Suppressed, wantSup)
	}
	wantNotes := []string{
		"main.tf:5: ctlint:ignore CT003 has no reason, so it does not suppress: write why after the rule IDs",
		"main.tf:7: ctlint:ignore CT002 expired on 2026-03-14 and no longer suppresses",
		"main.tf:12: unused suppression: ctlint:ignore CT005 matches no finding",
	}
	if notes := noteStrings(got.Notes); !reflect.DeepEqual(notes, wantNotes) {
		t.Errorf("Notes = %q\nwant %q", notes, wantNotes)
	}
}

func TestApplyInlineDisallowed(t *testing.T) {
	src := []byte(mainTF)
	s := &Suppressor{Config: &Config{AllowInline: false}, Source: func(string) []byte { return src }, Today: today}
	fs := []finding.Finding{fnd("CT101", 4, 1)}
	got := s.Apply(fs)
	if !reflect.DeepEqual(got.Findings, fs) || len(got.Suppressed) != 0 {
		t.Errorf("inline comment suppressed although disallowed: %+v", got)
	}
	if len(got.Notes) != 6 || got.Notes[0].Text != "inline suppressions are disabled (allow_inline_suppressions: false): this comment is ignored" {
		t.Errorf("Notes = %q", noteStrings(got.Notes))
	}
}

func TestApplyMetadataAndConfig(t *testing.T) {
	cfg, err := Parse("cfg.yaml", []byte(`suppressions:
  - rule: CT101
    path: "raw/**"
    reason: reviewed
  - rule: retention-too-short
    resource: Lifecycle
    reason: gone
    expires: 2026-01-01
`))
	if err != nil {
		t.Fatal(err)
	}
	meta := []model.Suppression{
		{RuleIDs: []string{"CT109"}, Reason: "SCP", Resource: "Policy", Range: model.Range{File: "t.yaml", Line: 3, Column: 3, EndLine: 20, EndColumn: 1}},
		{RuleIDs: []string{"CT002"}, Resource: "Policy", Range: model.Range{File: "t.yaml", Line: 3, Column: 3, EndLine: 20, EndColumn: 1}},
	}
	fs := []finding.Finding{
		{RuleID: "CT109", File: "t.yaml", Line: 5, Column: 7, Resource: "Policy"},
		{RuleID: "CT002", File: "t.yaml", Line: 6, Column: 7, Resource: "Policy"},
		{RuleID: "CT109", File: "other.yaml", Line: 5, Column: 7, Resource: "Policy"},
		{RuleID: "CT101", File: "raw/a.json", Line: 4, Column: 5, Resource: "raw/a.json"},
		{RuleID: "CT101", File: "b.json", Line: 4, Column: 5, Resource: "b.json"},
		{RuleID: "CT301", RuleName: "retention-too-short", File: "t.yaml", Line: 30, Column: 5, Resource: "Lifecycle"},
	}
	s := &Suppressor{Config: cfg, Metadata: meta, Today: today}
	got := s.Apply(fs)
	wantSup := []Suppressed{{fs[0], KindMetadata, "SCP"}, {fs[3], KindConfig, "reviewed"}}
	if !reflect.DeepEqual(got.Suppressed, wantSup) {
		t.Errorf("Suppressed = %+v", got.Suppressed)
	}
	if want := []finding.Finding{fs[1], fs[2], fs[4], fs[5]}; !reflect.DeepEqual(got.Findings, want) {
		t.Errorf("Findings = %+v", got.Findings)
	}
	wantNotes := []string{
		"cfg.yaml:5: suppression of retention-too-short expired on 2026-01-01 and no longer suppresses",
		"t.yaml:3: Metadata suppression of CT002 on Policy has no reason, so it does not suppress",
	}
	if notes := noteStrings(got.Notes); !reflect.DeepEqual(notes, wantNotes) {
		t.Errorf("Notes = %q", notes)
	}
}

func TestFilter(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte("rules:\n  disable: [policy-version]\n  severity: {CT101: low}\nexclude: [legacy]\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding.Finding{
		{RuleID: "CT002", RuleName: "policy-version", File: "a.json"},
		{RuleID: "CT101", File: "a.json", Severity: finding.High},
		{RuleID: "CT101", File: "legacy/x/a.json", Severity: finding.High},
	}
	got := cfg.Filter(fs)
	want := []finding.Finding{{RuleID: "CT101", File: "a.json", Severity: finding.Low}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Filter = %+v", got)
	}
	only, _ := Parse("c.yaml", []byte("rules:\n  enable: [CT002]\n"))
	if got := only.Filter(fs); len(got) != 1 || got[0].RuleID != "CT002" {
		t.Errorf("enable: Filter = %+v", got)
	}
}

func noteStrings(ns []Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.String())
	}
	return out
}
