package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/config"
	"github.com/ctlint/ctlint/internal/report/sariftest"
)

// run runs ctlint in the current directory and returns exit code, stdout
// and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

type jsonFinding struct {
	RuleID string `json:"rule_id"`
	File   string `json:"file"`
	Line   int    `json:"line"`
}

// onlyRule keeps the findings of one rule.
func onlyRule(fs []jsonFinding, rule string) []jsonFinding {
	var out []jsonFinding
	for _, f := range fs {
		if f.RuleID == rule {
			out = append(out, f)
		}
	}
	return out
}

type jsonResult struct {
	Findings   []jsonFinding `json:"findings"`
	Suppressed []struct {
		RuleID string `json:"rule_id"`
		File   string `json:"file"`
		Line   int    `json:"line"`
		Kind   string `json:"kind"`
		Reason string `json:"reason"`
	} `json:"suppressed"`
	Notes []string `json:"notes"`
}

func lintJSON(t *testing.T, wantCode int, args ...string) jsonResult {
	t.Helper()
	code, out, errOut := run(t, append([]string{"lint", "-f", "json"}, args...)...)
	if code != wantCode {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, wantCode, errOut)
	}
	var res jsonResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return res
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tempDir makes a fresh directory the working directory, marked as a
// repository root so that no configuration from above is picked up.
func tempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// SARIF from Terraform, CloudFormation and raw JSON validates against the
// SARIF 2.1.0 schema, with URIs relative to the repository root.
func TestSARIFMultiFormat(t *testing.T) {
	schema, err := filepath.Abs("../../testdata/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.sarif")
	code, _, errOut := run(t, "lint", "-f", "sarif", "-o", out, "testdata/multiformat")
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range sariftest.Check(data, schema) {
		t.Error(p)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string
				Suppressions []struct{ Kind string }
				Locations    []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	type loc struct {
		rule, uri  string
		line, col  int
		suppressed bool
	}
	got := map[loc]bool{}
	for _, r := range log.Runs[0].Results {
		pl := r.Locations[0].PhysicalLocation
		got[loc{r.RuleID, pl.ArtifactLocation.URI, pl.Region.StartLine, pl.Region.StartColumn, len(r.Suppressions) > 0}] = true
	}
	const base = "internal/cli/testdata/multiformat/"
	for _, want := range []loc{
		{"CT003", base + "main.tf", 9, 29, false},
		{"CT003", base + "template.yaml", 13, 31, false},
		{"CT003", base + "bucket%20policy.json", 8, 18, false},
		{"CT003", base + "template.yaml", 30, 31, true}, // Metadata suppression
	} {
		if !got[want] {
			t.Errorf("no result %+v in %v", want, got)
		}
	}
}

const suppressedTF = `resource "aws_kms_key" "trail" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Old"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        # ctlint:ignore CT003 exp:2020-01-01 was temporary
        Action    = ["kms:DecryptDataKey"]
        Resource  = "*"
      },
      {
        Sid       = "Legacy"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        # ctlint:ignore CT003 legacy tooling still sends it
        Action    = ["kms:EncryptDataKey"]
        Resource  = "*"
      }
    ]
  })
  enable_key_rotation = true
}
# ctlint:ignore CT005 nothing to suppress here
`

// A finding suppressed inline with a reason leaves the text output and
// appears as suppressed in JSON; an expired suppression no longer
// suppresses; an unused one is reported on request.
func TestInlineSuppression(t *testing.T) {
	tempDir(t)
	write(t, "main.tf", suppressedTF)

	code, out, errOut := run(t, "lint", "--no-color", ".")
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	if strings.Contains(out, "kms:EncryptDataKey is not") {
		t.Errorf("suppressed finding in text output:\n%s", out)
	}
	if !strings.Contains(out, "main.tf:10:") || !strings.Contains(out, "kms:DecryptDataKey is not") {
		t.Errorf("expired suppression still suppresses:\n%s", out)
	}
	if !strings.Contains(out, "note: main.tf:9: ctlint:ignore CT003 expired on 2020-01-01 and no longer suppresses") {
		t.Errorf("no expiry note:\n%s", out)
	}
	if !strings.Contains(errOut, "1 suppressed") {
		t.Errorf("summary does not count the suppressed finding: %s", errOut)
	}

	// The key policy also grants nobody key management (CT207); only the
	// CT003 findings are under test here.
	res := lintJSON(t, ExitFindings, "--report-unused-suppressions", ".")
	res.Findings = onlyRule(res.Findings, "CT003")
	if len(res.Findings) != 1 || res.Findings[0].Line != 10 {
		t.Errorf("findings = %+v", res.Findings)
	}
	if len(res.Suppressed) != 1 || res.Suppressed[0].Line != 18 || res.Suppressed[0].Kind != "inline" || res.Suppressed[0].Reason != "legacy tooling still sends it" {
		t.Errorf("suppressed = %+v", res.Suppressed)
	}
	wantNotes := []string{
		"main.tf:9: ctlint:ignore CT003 expired on 2020-01-01 and no longer suppresses",
		"main.tf:25: unused suppression: ctlint:ignore CT005 matches no finding",
	}
	if !reflect.DeepEqual(res.Notes, wantNotes) {
		t.Errorf("notes = %q", res.Notes)
	}

	// allow_inline_suppressions: false: the comment no longer counts.
	write(t, ".ctlint.yaml", "allow_inline_suppressions: false\n")
	res = lintJSON(t, ExitFindings, ".")
	res.Findings = onlyRule(res.Findings, "CT003")
	if len(res.Findings) != 2 || len(res.Suppressed) != 0 {
		t.Errorf("inline suppressions disallowed: findings %+v suppressed %+v", res.Findings, res.Suppressed)
	}
}

const policyOld = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Old",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:DecryptDataKey",
      "Resource": "*"
    }
  ]
}
`

const policyNew = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "New",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:EncryptDataKey",
      "Resource": "*"
    },
    {
      "Sid": "Old",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:DecryptDataKey",
      "Resource": "*"
    }
  ]
}
`

// Baseline round trip: record, add a bad statement above the old one, and
// only the new finding is reported.
func TestBaselineRoundTrip(t *testing.T) {
	tempDir(t)
	write(t, "key-policy.json", policyOld)
	code, _, errOut := run(t, "lint", "--baseline-write", "baseline.json", "key-policy.json")
	if code != ExitOK || !strings.Contains(errOut, "recorded") {
		t.Fatalf("--baseline-write: exit %d; stderr:\n%s", code, errOut)
	}
	raw, err := os.ReadFile("baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	var b config.Baseline
	if err := json.Unmarshal(raw, &b); err != nil || b.Version != 1 || len(b.Findings) == 0 {
		t.Fatalf("baseline = %s (%v)", raw, err)
	}

	write(t, "key-policy.json", policyNew)
	res := lintJSON(t, ExitFindings, "--baseline", "baseline.json", "key-policy.json")
	var ct003 []int
	for _, f := range res.Findings {
		if f.RuleID == "CT003" {
			ct003 = append(ct003, f.Line)
		}
	}
	if !reflect.DeepEqual(ct003, []int{8}) {
		t.Errorf("CT003 findings at lines %v, want only the new statement's [8]; all: %+v", ct003, res.Findings)
	}
	found := false
	for _, s := range res.Suppressed {
		if s.RuleID == "CT003" && s.Line == 15 && s.Kind == "baseline" {
			found = true
		}
	}
	if !found {
		t.Errorf("old finding not reported as baselined: %+v", res.Suppressed)
	}
	if code, _, errOut := run(t, "lint", "--baseline", "missing.json", "key-policy.json"); code != ExitError || !strings.Contains(errOut, "read baseline") {
		t.Errorf("missing baseline: exit %d, stderr %s", code, errOut)
	}
}

// A custom rule from --policy-dir fires alongside the built-in rules.
func TestCustomRuleFires(t *testing.T) {
	res := lintJSON(t, ExitFindings, "--policy-dir", "../../examples/custom-rules", "../../examples/custom-rules/testdata")
	custom, builtin := 0, 0
	for _, f := range res.Findings {
		switch {
		case f.RuleID == "ORG001" && f.Line == 2:
			custom++
		case strings.HasPrefix(f.RuleID, "CT"):
			builtin++
		}
	}
	if custom != 1 || builtin == 0 {
		t.Errorf("custom %d (want 1 at line 2), built-in %d (want some): %+v", custom, builtin, res.Findings)
	}
}

func TestCustomRuleCompileError(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "bad.rego"), "package ctlint.rules.bad\n\nreport contains x if {\n\tx := input.trails[_\n}\n")
	code, _, errOut := run(t, "lint", "--policy-dir", dir, "testdata/multiformat")
	if code != ExitError || !strings.Contains(errOut, "bad.rego:5:") {
		t.Errorf("exit %d, stderr %s; want 2 and bad.rego:5:", code, errOut)
	}
}

func TestConfigFile(t *testing.T) {
	tempDir(t)
	write(t, "key-policy.json", policyOld)
	write(t, ".ctlint.yaml", "version: 1\nrules:\n  disable: [CT003]\nretension_days: 30\n")
	code, _, errOut := run(t, "lint", "key-policy.json")
	if code != ExitError || !strings.Contains(errOut, `.ctlint.yaml:4: unknown key "retension_days"`) {
		t.Errorf("unknown key: exit %d, stderr %q", code, errOut)
	}

	write(t, ".ctlint.yaml", "rules:\n  disable: [CT999]\n")
	code, _, errOut = run(t, "lint", "key-policy.json")
	if code != ExitError || !strings.Contains(errOut, `.ctlint.yaml:2: rules.disable: unknown rule "CT999"`) {
		t.Errorf("unknown rule: exit %d, stderr %q", code, errOut)
	}

	// Disabling by name; fail_on from the file, overridden by the flag.
	write(t, ".ctlint.yaml", "rules:\n  disable: [unknown-action]\nfail_on: critical\n")
	res := lintJSON(t, ExitOK, "key-policy.json")
	for _, f := range res.Findings {
		if f.RuleID == "CT003" {
			t.Errorf("disabled rule reported: %+v", f)
		}
	}
	write(t, ".ctlint.yaml", "fail_on: critical\n")
	lintJSON(t, ExitOK, "key-policy.json")
	lintJSON(t, ExitFindings, "--fail-on", "high", "key-policy.json")

	// A config-file suppression for raw JSON, which has no comments.
	write(t, ".ctlint.yaml", "suppressions:\n  - rule: CT003\n    path: \"*.json\"\n    reason: reviewed\n")
	res = lintJSON(t, ExitOK, "--fail-on", "critical", "key-policy.json")
	if len(res.Suppressed) != 1 || res.Suppressed[0].Kind != "config" || res.Suppressed[0].Reason != "reviewed" {
		t.Errorf("config suppression: %+v", res.Suppressed)
	}

	// --config names another file; excluded paths are not reported.
	write(t, "ci.yaml", "exclude: [\"*.json\"]\n")
	res = lintJSON(t, ExitOK, "--config", "ci.yaml", "key-policy.json")
	if len(res.Findings) != 0 {
		t.Errorf("excluded file reported: %+v", res.Findings)
	}
}

func TestInit(t *testing.T) {
	tempDir(t)
	if code, out, errOut := run(t, "init"); code != ExitOK || out != "wrote .ctlint.yaml\n" {
		t.Fatalf("init: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := run(t, "init"); code != ExitError || !strings.Contains(errOut, "exists; use --force") {
		t.Errorf("second init: exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, "init", "--force"); code != ExitOK {
		t.Errorf("init --force: exit %d", code)
	}
	data, err := os.ReadFile(".ctlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := config.Parse(".ctlint.yaml", data); err != nil {
		t.Errorf("the default configuration does not parse: %v", err)
	}
	write(t, "p.json", policyOld)
	if code, _, errOut := run(t, "lint", "p.json"); code != ExitFindings {
		t.Errorf("lint with the default configuration: exit %d, %s", code, errOut)
	}
}

func TestTestCommand(t *testing.T) {
	code, out, errOut := run(t, "test", "../../examples/custom-rules")
	if code != ExitOK || !strings.Contains(out, "3 passed, 0 failed") {
		t.Errorf("examples: exit %d\n%s%s", code, out, errOut)
	}
	failing := t.TempDir()
	write(t, filepath.Join(failing, "r_test.rego"), "package ctlint.rules.mine_test\n\ntest_fails if {\n\t1 == 2\n}\n")
	if code, out, _ := run(t, "test", failing); code != ExitFindings || !strings.Contains(out, "0 passed, 1 failed") {
		t.Errorf("failing test: exit %d\n%s", code, out)
	}
	broken := t.TempDir()
	write(t, filepath.Join(broken, "r_test.rego"), "package ctlint.rules.mine_test\n\ntest_x if {\n")
	if code, _, errOut := run(t, "test", broken); code != ExitError || !strings.Contains(errOut, "r_test.rego:") {
		t.Errorf("compile error: exit %d, %s", code, errOut)
	}
}

// A changed Terraform file stands for its module directory, not for the
// directories below it: a change to the root module does not lint every
// module of the repository.
func TestPreCommitLintsOnlyTheChangedModule(t *testing.T) {
	tempDir(t)
	write(t, "main.tf", suppressedTF)
	write(t, "vars.tf", `variable "unused" {}`+"\n")
	write(t, "modules/other/main.tf", suppressedTF)
	code, out, errOut := run(t, "lint", "--pre-commit", "--no-color", "main.tf", "vars.tf")
	if code != ExitFindings || !strings.Contains(out, "main.tf:10:") || strings.Contains(out+errOut, "modules/other") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if n := strings.Count(out, "main.tf:10:"); n != 1 {
		t.Errorf("the module was linted %d times for two of its files:\n%s", n, out)
	}
}

func TestPreCommitMode(t *testing.T) {
	tempDir(t)
	write(t, "package.json", `{"name": "x"}`)
	write(t, "mod/main.tf", suppressedTF)
	code, out, errOut := run(t, "lint", "--pre-commit", "--no-color", "package.json", "mod/main.tf")
	if code != ExitFindings || strings.Contains(out+errOut, "package.json") || !strings.Contains(out, "mod/main.tf:10:") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
