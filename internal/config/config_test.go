package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

const fullConfig = `version: 1
rules:
  enable: []
  disable: [CT505, bucket-mfa-delete-disabled]
  severity:
    CT302: medium
    CT002: high
retention_days: 400
profile: pci
log_bucket_scope: all
exclude:
  - legacy/**
policy_dirs: [policies/custom]
terraform:
  var_files: [prod.tfvars]
  vars: {region: eu-west-1}
cloudformation:
  parameters: {Env: prod}
allow_inline_suppressions: false
suppressions:
  - rule: CT101
    path: "raw/*.json"
    resource: raw/old.json
    reason: replaced in Q3
    expires: 2030-01-31
fail_on: high
`

func TestParseFull(t *testing.T) {
	c, err := Parse(".ctlint.yaml", []byte(fullConfig))
	if err != nil {
		t.Fatal(err)
	}
	if got := []Value{{"CT505", 4}, {"bucket-mfa-delete-disabled", 4}}; !reflect.DeepEqual(c.Disable, got) {
		t.Errorf("Disable = %v", c.Disable)
	}
	wantSev := []SeverityOverride{{Value{"CT002", 7}, finding.High}, {Value{"CT302", 6}, finding.Medium}}
	if !reflect.DeepEqual(c.Severity, wantSev) {
		t.Errorf("Severity = %v, want %v", c.Severity, wantSev)
	}
	if c.RetentionDays != 400 || c.Profile.Text != "pci" || c.LogBucketScope.Text != "all" {
		t.Errorf("retention %d profile %q scope %q", c.RetentionDays, c.Profile.Text, c.LogBucketScope.Text)
	}
	if c.AllowInline {
		t.Error("AllowInline = true, want false")
	}
	if c.FailOn == nil || *c.FailOn != finding.High {
		t.Errorf("FailOn = %v", c.FailOn)
	}
	if !reflect.DeepEqual(c.VarFiles, []string{"prod.tfvars"}) || c.Vars["region"] != "eu-west-1" || c.Parameters["Env"] != "prod" {
		t.Errorf("terraform/cloudformation: %v %v %v", c.VarFiles, c.Vars, c.Parameters)
	}
	want := Suppression{Rule: Value{"CT101", 21}, Path: Value{"raw/*.json", 22}, Resource: Value{"raw/old.json", 23}, Reason: "replaced in Q3", Expires: "2030-01-31", Line: 21}
	if len(c.Suppressions) != 1 || !reflect.DeepEqual(c.Suppressions[0], want) {
		t.Errorf("Suppressions = %+v", c.Suppressions)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unknown key", "version: 1\nrules:\n  disable: [CT101]\nretension_days: 30\n", 4, `unknown key "retension_days"`},
		{"nested unknown key", "suppressions:\n  - rule: CT101\n    reason: x\n    file: a.json\n", 4, `unknown key "file"`},
		{"bad severity", "rules:\n  severity:\n    CT101: urgent\n", 3, `rules.severity.CT101: unknown severity "urgent" (want one of info, low, medium, high, critical)`},
		{"bad retention", "retention_days: -3\n", 1, `retention_days: want a positive number of days, got "-3"`},
		{"bad profile", "\nprofile: gdpr\n", 2, `profile: unknown profile "gdpr" (want pci, hipaa or sox)`},
		{"bad scope", "log_bucket_scope: some\n", 1, `log_bucket_scope: want cloudtrail or all, got "some"`},
		{"bad fail_on", "fail_on: never\n", 1, `fail_on: unknown severity "never" (want one of info, low, medium, high, critical)`},
		{"no reason", "suppressions:\n  - rule: CT101\n", 2, "suppressions: CT101 needs a reason"},
		{"no rule", "suppressions:\n  - reason: because\n", 2, "suppressions: an entry needs a rule"},
		{"bad expiry", "suppressions:\n  - rule: CT101\n    reason: r\n    expires: soon\n", 4, `suppressions: expires: want YYYY-MM-DD, got "soon"`},
		{"bad glob", "exclude: ['a/[']\n", 1, `exclude: invalid glob "a/["`},
		{"list for scalar", "profile: [pci]\n", 1, "want a single value"},
		{"syntax", "rules: [\n", 1, "did not find expected node content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(".ctlint.yaml", []byte(tt.src))
			var pe *parse.Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *parse.Error", err)
			}
			if pe.File != ".ctlint.yaml" || pe.Line != tt.line || pe.Message != tt.msg {
				t.Errorf("err = %q (line %d), want line %d %q", pe.Message, pe.Line, tt.line, tt.msg)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	c, err := Parse(".ctlint.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !c.AllowInline || c.FailOn != nil || c.RetentionDays != 0 {
		t.Errorf("defaults = %+v", c)
	}
}

func TestCheckRules(t *testing.T) {
	c, err := Parse("c.yaml", []byte("rules:\n  disable: [CT101]\nsuppressions:\n  - rule: CT999\n    reason: r\n"))
	if err != nil {
		t.Fatal(err)
	}
	known := func(s string) bool { return s == "CT101" }
	err = c.CheckRules("c.yaml", known)
	if err == nil || err.Error() != `c.yaml:4: suppressions: unknown rule "CT999"` {
		t.Errorf("err = %v", err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "a", "b")
	mustMkdir(t, filepath.Join(repo, ".git"))
	mustMkdir(t, deep)
	// A file above the repository must never be picked up.
	mustWrite(t, filepath.Join(root, FileName), "fail_on: high\n")
	got, err := Find(deep)
	if err != nil || got != "" {
		t.Fatalf("Find without a repo config = %q, %v; want none", got, err)
	}
	mustWrite(t, filepath.Join(repo, "a", FileName), "fail_on: high\n")
	got, err = Find(deep)
	if want := filepath.Join(repo, "a", FileName); err != nil || got != want {
		t.Fatalf("Find = %q, %v; want %q", got, err, want)
	}
}

func TestLoadResolvesPolicyDirs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	mustWrite(t, p, "policy_dirs: [rules]\n")
	c, err := Load(p, FileName)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "rules"); len(c.PolicyDirs) != 1 || c.PolicyDirs[0] != want {
		t.Errorf("PolicyDirs = %v, want [%s]", c.PolicyDirs, want)
	}
}

func mustMkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
