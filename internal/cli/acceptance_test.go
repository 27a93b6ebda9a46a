package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The acceptance criteria of the core, Terraform and CloudFormation work,
// run end to end through the command line as a user would.

type jsonOutput struct {
	Findings []struct {
		RuleID   string `json:"rule_id"`
		Message  string `json:"message"`
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Resource string `json:"resource"`
		Possible bool   `json:"possible"`
	} `json:"findings"`
	Errors []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
		Warning bool   `json:"warning"`
	} `json:"errors"`
}

// acceptLint runs `ctlint lint --format json args...` from the repository root.
func acceptLint(t *testing.T, stdin string, args ...string) (jsonOutput, int, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(wd); err != nil {
			t.Fatal(err)
		}
	}()
	var stdout, stderr bytes.Buffer
	code := Main(append([]string{"lint", "--format", "json"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	var out jsonOutput
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output is not JSON (%v):\n%s\nstderr: %s", err, stdout.String(), stderr.String())
	}
	return out, code, stderr.String()
}

// at renders a finding as "RULE file:line" for comparisons.
func (o jsonOutput) at(rule string) []string {
	var out []string
	for _, f := range o.Findings {
		if f.RuleID == rule {
			out = append(out, fmt.Sprintf("%s:%d", f.File, f.Line))
		}
	}
	return out
}

func (o jsonOutput) has(rule string) bool { return len(o.at(rule)) > 0 }

func equalStrings(a, b []string) bool {
	return strings.Join(a, "|") == strings.Join(b, "|")
}

func TestAcceptanceSeed000BucketPolicy(t *testing.T) {
	out, code, _ := acceptLint(t, "", "examples/seed-000-bucket-policy.json")
	if code != ExitFindings {
		t.Errorf("exit code %d, want 1", code)
	}
	const file = "examples/seed-000-bucket-policy.json"
	if got, want := out.at("CT101"), []string{file + ":4", file + ":13"}; !equalStrings(got, want) {
		t.Errorf("CT101 at %v, want both CloudTrail statements %v", got, want)
	}
	if !out.has("CT109") {
		t.Error("no CT109 (no Deny for aws:SecureTransport false)")
	}
	for _, rule := range []string{"CT103", "CT106", "CT110"} {
		if out.has(rule) {
			t.Errorf("%s reported at %v; seed 000 has the ACL condition, the encryption deny and no public grant", rule, out.at(rule))
		}
	}
}

func TestAcceptanceSeed000KeyPolicy(t *testing.T) {
	out, _, _ := acceptLint(t, "", "examples/seed-000-key-policy.json")
	const file = "examples/seed-000-key-policy.json"
	if got := out.at("CT003"); !equalStrings(got, []string{file + ":21"}) {
		t.Errorf("CT003 at %v, want %s:21 (kms:DecryptDataKey)", got, file)
	}
	for _, f := range out.Findings {
		if f.RuleID == "CT003" && !strings.Contains(f.Message, "did you mean kms:Decrypt?") {
			t.Errorf("CT003 message suggests no real action: %q", f.Message)
		}
	}
	if !out.has("CT201") {
		t.Error("no CT201: CloudTrail may encrypt without encryption-context or SourceArn scoping")
	}
	if out.has("CT203") {
		t.Errorf("CT203 reported at %v; the key policy names only the account root", out.at("CT203"))
	}
}

// aws s3api get-bucket-policy prints the policy as a JSON string inside
// {"Policy": ...}; piped on stdin it gives the same findings, with lines and
// columns inside the embedded policy.
func TestAcceptanceStdinCLIWrapper(t *testing.T) {
	raw, err := os.ReadFile("../../examples/seed-000-bucket-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	var policy any
	if err := json.Unmarshal(raw, &policy); err != nil {
		t.Fatal(err)
	}
	compact, _ := json.Marshal(policy)
	wrapped, _ := json.MarshalIndent(map[string]string{"Policy": string(compact)}, "", "    ")

	fromFile, _, _ := acceptLint(t, "", "examples/seed-000-bucket-policy.json")
	fromStdin, code, _ := acceptLint(t, string(wrapped), "-")
	if code != ExitFindings {
		t.Errorf("exit code %d, want 1", code)
	}
	rules := func(o jsonOutput) []string {
		var ids []string
		for _, f := range o.Findings {
			ids = append(ids, f.RuleID)
		}
		return ids
	}
	if !equalStrings(rules(fromFile), rules(fromStdin)) {
		t.Errorf("stdin findings %v differ from file findings %v", rules(fromStdin), rules(fromFile))
	}
	// The policy string is on line 2; each CT101 points at its statement's
	// column inside the string (json.Marshal sorts keys: Action comes first).
	line := strings.Split(string(wrapped), "\n")[1]
	for _, f := range fromStdin.Findings {
		if f.RuleID != "CT101" {
			continue
		}
		if f.File != "<stdin>" || f.Line != 2 {
			t.Errorf("CT101 at %s:%d, want <stdin>:2", f.File, f.Line)
			continue
		}
		if stmt := line[f.Column-1:]; !strings.HasPrefix(stmt, `{\"Action\":\"s3:`) || !strings.Contains(stmt[:min(len(stmt), 400)], `\"Sid\":\"AWSCloudTrail`) {
			t.Errorf("CT101 column %d points at %q, not at a CloudTrail statement", f.Column, line[f.Column-1:min(len(line), f.Column+30)])
		}
	}
}

func TestAcceptanceRetention(t *testing.T) {
	const expire30 = "testdata/acceptance/lifecycle/expire-30.json"
	out, _, _ := acceptLint(t, "", expire30)
	if got := out.at("CT301"); !equalStrings(got, []string{expire30 + ":7"}) {
		t.Errorf("CT301 at %v, want %s:7 at the default 365 days", got, expire30)
	}
	out, _, _ = acceptLint(t, "", "--retention-days", "20", expire30)
	if out.has("CT301") {
		t.Errorf("CT301 with --retention-days 20: %v", out.at("CT301"))
	}
	out, _, _ = acceptLint(t, "", "--profile", "sox", expire30)
	if !out.has("CT301") {
		t.Error("no CT301 under the sox profile (2555 days)")
	}
	out, _, _ = acceptLint(t, "", "testdata/acceptance/lifecycle/disabled-expire-30.json")
	if out.has("CT301") {
		t.Errorf("a disabled rule counted as deleting: %v", out.at("CT301"))
	}
}

func TestAcceptanceMalformedInputs(t *testing.T) {
	tests := []struct {
		dir, errorAt, message, stillLinted string
	}{
		{"testdata/acceptance/json-malformed", "testdata/acceptance/json-malformed/truncated.json:5:1", "unexpected end of input", "testdata/acceptance/json-malformed/policy.json:4"},
		{"testdata/acceptance/tf-malformed", "testdata/acceptance/tf-malformed/broken/main.tf:3:12", "Invalid expression", "testdata/acceptance/tf-malformed/valid/policy.json:4"},
		{"testdata/acceptance/cfn", "testdata/acceptance/cfn/unknown-tag.yaml:6:19", "unknown tag !Foo", "testdata/acceptance/cfn/trail.yaml:42"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			out, code, _ := acceptLint(t, "", tt.dir)
			if code != ExitError {
				t.Errorf("exit code %d, want 2", code)
			}
			found := false
			for _, e := range out.Errors {
				at := fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
				if at == tt.errorAt && strings.Contains(e.Message, tt.message) && !e.Warning {
					found = true
				}
			}
			if !found {
				t.Errorf("no error at %s mentioning %q: %+v", tt.errorAt, tt.message, out.Errors)
			}
			if !strings.Contains(strings.Join(out.at("CT101"), " "), tt.stillLinted) {
				t.Errorf("the valid input beside it was not linted: CT101 at %v, want %s", out.at("CT101"), tt.stillLinted)
			}
		})
	}
}

// A GitHub workflow in the tree is not a template: skipped silently.
func TestAcceptanceNonTemplateYAMLSkipped(t *testing.T) {
	out, _, _ := acceptLint(t, "", "testdata/acceptance/cfn")
	for _, e := range out.Errors {
		if strings.Contains(e.File, "workflow.yml") {
			t.Errorf("workflow.yml reported: %+v", e)
		}
	}
}

func TestAcceptanceTerraformSeed001(t *testing.T) {
	out, _, _ := acceptLint(t, "", "testdata/acceptance/tf-seed001")
	for _, rule := range []string{"CT101", "CT103", "CT102"} {
		if out.has(rule) {
			t.Errorf("%s reported for seed 001, whose policy has SourceArn and the ACL condition: %v", rule, out.at(rule))
		}
	}
}

// The seed 001 policy without the write statement's SourceArn, written four
// ways: each gives CT101 at the write statement, in the file that holds it.
func TestAcceptanceTerraformPolicyForms(t *testing.T) {
	const base = "testdata/acceptance/tf-no-sourcearn/"
	tests := []struct{ dir, want string }{
		{"seed001", base + "seed001/main.tf:48"},                   // jsonencode({...})
		{"seed001_document", base + "seed001_document/main.tf:51"}, // aws_iam_policy_document
		{"seed001_heredoc", base + "seed001_heredoc/main.tf:45"},   // <<-EOF heredoc
		{"seed001_file", base + "seed001_file/policy.json:12"},     // file("policy.json")
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			out, _, _ := acceptLint(t, "", base+tt.dir)
			if got := out.at("CT101"); !equalStrings(got, []string{tt.want}) {
				t.Errorf("CT101 at %v, want %s", got, tt.want)
			}
		})
	}
}

// A bucket configured entirely with split resources is judged as configured.
func TestAcceptanceTerraformSplitResources(t *testing.T) {
	out, _, _ := acceptLint(t, "", "testdata/acceptance/tf-split")
	for _, rule := range []string{"CT302", "CT501", "CT502", "CT504", "CT505"} {
		if out.has(rule) {
			t.Errorf("%s reported although a split resource configures it: %v", rule, out.at(rule))
		}
	}
}

func TestAcceptanceTerraformModules(t *testing.T) {
	out, code, _ := acceptLint(t, "", "testdata/acceptance/tf-modules")
	if code == ExitError {
		t.Errorf("exit code 2: %+v", out.Errors)
	}
	var ct101, ct007 []string
	for _, f := range out.Findings {
		switch f.RuleID {
		case "CT101":
			ct101 = append(ct101, fmt.Sprintf("%s %s:%d", f.Resource, f.File, f.Line))
		case "CT007":
			ct007 = append(ct007, f.Message)
		}
	}
	want := "module.logs.aws_s3_bucket_policy.this testdata/acceptance/tf-modules/modules/logs/main.tf:18"
	if !equalStrings(ct101, []string{want}) {
		t.Errorf("CT101 = %v, want [%s] (inputs applied, reported once through the caller)", ct101, want)
	}
	if len(ct007) != 1 || !strings.Contains(ct007[0], "remote module") {
		t.Errorf("CT007 = %q, want one remote-module entry", ct007)
	}
	for _, f := range out.Findings {
		if strings.Contains(f.Message, "${var.bucket_name}") {
			t.Errorf("module linted without its caller's inputs: %s", f.Message)
		}
	}
}

// The same CloudFormation template in YAML and JSON gives CT101 at each
// CloudTrail statement, at its own lines.
func TestAcceptanceCloudFormation(t *testing.T) {
	for file, want := range map[string][]string{
		"testdata/acceptance/cfn/trail.yaml": {"testdata/acceptance/cfn/trail.yaml:42", "testdata/acceptance/cfn/trail.yaml:48"},
		"testdata/acceptance/cfn/trail.json": {"testdata/acceptance/cfn/trail.json:45", "testdata/acceptance/cfn/trail.json:52"},
	} {
		out, _, _ := acceptLint(t, "", file)
		if got := out.at("CT101"); !equalStrings(got, want) {
			t.Errorf("%s: CT101 at %v, want %v", file, got, want)
		}
		if !out.has("CT401") {
			t.Errorf("%s: no CT401 for IsMultiRegionTrail: false", file)
		}
	}
}

// Fn::If between a good and a bad policy under an undecidable condition: the
// bad branch is reported as possible, the good branch alone is not reported.
func TestAcceptanceCloudFormationIf(t *testing.T) {
	out, _, _ := acceptLint(t, "", "testdata/acceptance/cfn/conditional-policy.yaml")
	var ct101 []string
	for _, f := range out.Findings {
		if f.RuleID != "CT101" {
			continue
		}
		ct101 = append(ct101, fmt.Sprintf("%d possible=%v", f.Line, f.Possible))
		if !strings.Contains(f.Message, "IsProd=false") {
			t.Errorf("possible finding does not name its condition: %q", f.Message)
		}
	}
	if !equalStrings(ct101, []string{"36 possible=true"}) {
		t.Errorf("CT101 = %v, want only the bad branch (line 36), as possible", ct101)
	}
}

// The seed tutorials, documented: which CloudTrail-specific rules each passes
// and which it fails, and why.
func TestAcceptanceSeedsDocumented(t *testing.T) {
	tests := []struct {
		path      string
		fails     []string // rules that must fire
		passes    []string // rules that must not fire
		undecided []string // rules reported as CT007: a value decides them that is unknown offline
	}{{
		// Seed 001's trail and bucket policy are scoped correctly: SourceArn
		// and the ACL condition on both statements, the write path limited
		// to the account. What it misses: no deny of unencrypted or
		// wrong-key uploads or of plain HTTP, and its KMS key keeps AWS's
		// default key policy, which does not let CloudTrail encrypt (CT205).
		// Whether CloudTrail's delivery succeeds depends on the trail's
		// region, which the configuration leaves to the provider (CT105
		// undecided): the policy names us-east-1.
		path:      "examples/seed-001-terraform",
		fails:     []string{"CT106", "CT107", "CT109", "CT205"},
		passes:    []string{"CT101", "CT102", "CT103", "CT104", "CT110", "CT111", "CT401", "CT402", "CT403", "CT404", "CT405", "CT406", "CT407"},
		undecided: []string{"CT105"},
	}, {
		// Seed 000's bucket policy: no SourceArn on either CloudTrail
		// statement, a write grant on AWSLogs/* (any account's folder), and
		// no deny of plain HTTP; it does require the ACL and denies
		// unencrypted and wrong-key uploads.
		path:   "examples/seed-000-bucket-policy.json",
		fails:  []string{"CT101", "CT104", "CT109"},
		passes: []string{"CT103", "CT106", "CT107", "CT108", "CT110", "CT111"},
	}, {
		// Seed 000's key policy: the invented kms:DecryptDataKey, and CloudTrail
		// may encrypt for any trail.
		path:   "examples/seed-000-key-policy.json",
		fails:  []string{"CT003", "CT201"},
		passes: []string{"CT202", "CT203"},
	}}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			out, _, _ := acceptLint(t, "", tt.path)
			for _, rule := range tt.fails {
				if !out.has(rule) {
					t.Errorf("%s does not fire", rule)
				}
			}
			for _, rule := range tt.passes {
				if out.has(rule) {
					t.Errorf("%s fires at %v", rule, out.at(rule))
				}
			}
			for _, rule := range tt.undecided {
				found := false
				for _, f := range out.Findings {
					found = found || (f.RuleID == "CT007" && strings.HasPrefix(f.Message, rule+" "))
				}
				if !found || out.has(rule) {
					t.Errorf("%s is not reported as undecided (CT007)", rule)
				}
			}
		})
	}
}
