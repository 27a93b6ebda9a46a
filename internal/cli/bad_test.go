package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The hostile-input suite: every directory of testdata/bad is one case, plus
// cases generated at run time (too big to commit, or not representable in
// git: symlink loops, unreadable files). Each case directory also gets
// good.json, a copy of examples/seed-000-bucket-policy.json, whose findings
// must survive whatever the bad input does.

const badDir = "../../testdata/bad"

// outsideSecret is the content of a file just outside the lint root; it must
// never appear in any output.
const outsideSecret = "OUTSIDE-THE-LINT-ROOT-7f3a"

// badCase is one hostile input. Paths in want are relative to the run's
// working directory (the parent of the case directory).
type badCase struct {
	name string
	// gen writes generated inputs into the case directory.
	gen func(t *testing.T, dir string)
	// targets are the paths linted, relative to the case directory
	// (default: the directory itself); good.json is always added.
	targets []string
	flags   []string
	exit    int
	errors  []wantError   // exactly these errors and warnings, in order
	finds   []wantFinding // findings on the bad input that must be present
	// maxMessage bounds the length of every error message.
	maxMessage int
	// skipAsRoot rows need file permissions, which root ignores.
	skipAsRoot bool
}

// wantError is an error whose "file:line[:col]" prefix is exact and whose
// message contains a substring. The file is relative to the case directory.
type wantError struct {
	at, contains string
	warning      bool
}

type wantFinding struct {
	at, rule string // at: file:line:col
}

func errAt(at, contains string) wantError { return wantError{at: at, contains: contains} }
func warnAt(at, contains string) wantError {
	return wantError{at: at, contains: contains, warning: true}
}
func findingAt(at, rule string) wantFinding { return wantFinding{at: at, rule: rule} }

func badCases() []badCase {
	return []badCase{
		// JSON policies: syntax, types, encodings.
		{name: "json-truncated", exit: 2, errors: []wantError{errAt("bad.json:4:67", "object opened at 4:5 is not closed")}},
		{name: "json-statement-string", exit: 1, finds: []wantFinding{findingAt("bad.json:3:16", "CT001")}},
		{name: "json-effect-number", exit: 1, finds: []wantFinding{findingAt("bad.json:4:16", "CT001")}},
		{name: "json-action-number", exit: 1, finds: []wantFinding{findingAt("bad.json:4:91", "CT001")}},
		{name: "json-principal-number", exit: 1, finds: []wantFinding{findingAt("bad.json:4:38", "CT001")}},
		{name: "json-condition-list", exit: 1, finds: []wantFinding{findingAt("bad.json:4:155", "CT001")}},
		{name: "json-duplicate-keys", exit: 1, finds: []wantFinding{findingAt("bad.json:4:24", "CT001")}},
		{name: "json-invalid-utf8", exit: 2, errors: []wantError{errAt("bad.json:4:17", "invalid UTF-8 byte 0xff")}},
		{name: "json-utf16-bom", exit: 2, errors: []wantError{errAt("bad.json:1:1", "UTF-16")}},
		{name: "json-utf8-bom", exit: 1, finds: []wantFinding{findingAt("bad.json:1:4", "CT109")}},
		{name: "json-crlf", exit: 1, finds: []wantFinding{findingAt("bad.json:4:5", "CT110")}},
		{name: "json-nul-bytes", exit: 2, errors: []wantError{errAt("bad.json:2:12", "NUL byte")}},
		{name: "json-binary", targets: []string{"bad.json"}, exit: 1, errors: []wantError{warnAt("bad.json", "skipped: not a bucket policy")}},
		{name: "json-empty", targets: []string{"bad.json"}, exit: 1, errors: []wantError{warnAt("bad.json", "skipped: not a bucket policy")}},
		{name: "json-whitespace", targets: []string{"bad.json"}, exit: 1, errors: []wantError{warnAt("bad.json", "skipped: not a bucket policy")}},
		{name: "json-trailing-garbage", exit: 2, errors: []wantError{errAt("bad.json:7:1", "after the top-level value")}},
		{name: "json-huge-number", exit: 1, finds: []wantFinding{findingAt("bad.json:1:1", "CT109")}},
		{name: "json-deep-100k", gen: genDeepJSON, exit: 2, errors: []wantError{errAt("bad.json:1:292", "nested deeper than 256 levels")}},
		{name: "json-100k-statements", gen: genManyStatements, exit: 1, finds: []wantFinding{findingAt("bad.json:1:25", "CT001"), findingAt("bad.json:1:1", "CT006")}},
		{name: "json-100k-keys", gen: genWideCondition, exit: 1, finds: []wantFinding{findingAt("bad.json:1:37", "CT001")}},
		{name: "json-50mb", gen: genHugeFile, exit: 1, errors: []wantError{warnAt("bad.json", "more than --max-file-size")}},
		{name: "json-1mb-line", gen: genLongLineJSON, exit: 2, maxMessage: 300, errors: []wantError{errAt("bad.json:1:1048625", "invalid character")}},
		// Lifecycle values of the wrong type or range.
		{name: "lifecycle-days-string", exit: 1, finds: []wantFinding{findingAt("lifecycle.json:7:30", "CT304")}},
		{name: "lifecycle-days-negative", exit: 1, finds: []wantFinding{findingAt("lifecycle.json:7:30", "CT304")}},
		{name: "lifecycle-days-huge", exit: 1, finds: []wantFinding{findingAt("lifecycle.json:7:30", "CT304")}},
		{name: "lifecycle-days-fraction", exit: 1, finds: []wantFinding{findingAt("lifecycle.json:7:30", "CT304")}},
		{name: "lifecycle-rules-object", exit: 2, errors: []wantError{errAt("lifecycle.json:2:12", "Rules must be a list of objects, not an object")}},
		// YAML and CloudFormation.
		{name: "yaml-truncated", exit: 2, errors: []wantError{errAt("template.yaml:6", "invalid YAML")}},
		{name: "yaml-alias-bomb", exit: 2, errors: []wantError{errAt("template.yaml:13:16", "aliases expand to more than")}},
		{name: "yaml-deep-100k", gen: genDeepYAML, exit: 2, errors: []wantError{errAt("template.yaml:6", "max depth")}},
		{name: "yaml-duplicate-keys", exit: 2, errors: []wantError{errAt("template.yaml:5:3", "duplicate resource Logs")}},
		{name: "yaml-tabs", exit: 2, errors: []wantError{errAt("template.yaml:4", "cannot start any token")}},
		{name: "yaml-unknown-tag", exit: 2, errors: []wantError{errAt("template.yaml:6:19", "unknown tag !Frobnicate")}},
		{name: "yaml-1mb-line", gen: genLongLineYAML, exit: 2, maxMessage: 300, errors: []wantError{errAt("template.yaml:4", "invalid YAML: did not find expected key")}},
		{name: "cfn-statement-string", exit: 1, finds: []wantFinding{findingAt("template.yaml:9:20", "CT001")}},
		{name: "cfn-days-string", exit: 1},
		{name: "cfn-json-truncated", exit: 2, errors: []wantError{errAt("template.json:5:1", "object opened at 4:55 is not closed")}},
		{name: "cfn-resources-list", exit: 2, errors: []wantError{errAt("template.yaml:3:3", "Resources must be a mapping")}},
		// Terraform.
		{name: "tf-truncated", exit: 2, errors: []wantError{errAt("main.tf:1:33", "Unclosed configuration block")}},
		{name: "tf-circular-locals", exit: 2, errors: []wantError{
			errAt("main.tf:2:3", "local.a -> local.b -> local.a"), errAt("main.tf:3:3", "local.a -> local.b -> local.a")}},
		{name: "tf-circular-locals-policy", exit: 2, errors: []wantError{
			errAt("main.tf:2:3", "local.a -> local.b -> local.a"), errAt("main.tf:3:3", "local.a -> local.b -> local.a")},
			finds: []wantFinding{findingAt("main.tf:8:3", "CT007")}},
		{name: "tf-circular-modules", exit: 2, errors: []wantError{
			errAt("a/main.tf:2:3", "circular module calls"), errAt("b/main.tf:2:3", "circular module calls")}},
		{name: "tf-count-billion", exit: 1, errors: []wantError{warnAt("main.tf:2:3", "count exceeds 1000")}},
		{name: "tf-for-each-huge", exit: 1, errors: []wantError{warnAt("main.tf:2:3", "for_each has 1200 elements: only the first 1000")}},
		{name: "tf-file-etc-passwd", exit: 1, finds: []wantFinding{findingAt("main.tf:3:12", "CT007")}},
		{name: "tf-file-outside", gen: genOutside, exit: 1, finds: []wantFinding{findingAt("main.tf:3:12", "CT007"), findingAt("main.tf:8:12", "CT007")}},
		{name: "tf-module-outside", exit: 1, finds: []wantFinding{findingAt("main.tf:2:3", "CT007")}},
		{name: "tf-external-data", exit: 1, finds: []wantFinding{findingAt("main.tf:11:3", "CT007"), findingAt("main.tf:16:3", "CT007")}},
		{name: "tf-invalid-utf8", exit: 2, errors: []wantError{
			errAt("main.tf:2:17", "Invalid character encoding"), errAt("main.tf:2:17", "Unterminated template string")}},
		{name: "tf-nul-bytes", exit: 1},
		{name: "tf-effect-number", exit: 1, finds: []wantFinding{findingAt("main.tf:6:19", "CT001")}},
		{name: "tf-days-string", exit: 1},
		{name: "tf-days-negative", exit: 1, finds: []wantFinding{findingAt("main.tf:11:7", "CT304")}},
		{name: "tf-days-huge", exit: 1, finds: []wantFinding{findingAt("main.tf:11:7", "CT304")}},
		{name: "tf-deep-100k", gen: genDeepHCL, exit: 2, errors: []wantError{errAt("main.tf:2:1030", "brackets nested deeper than 1024 levels")}},
		{name: "tf-1mb-line", gen: genLongLineHCL, exit: 2, maxMessage: 300, errors: []wantError{errAt("main.tf:2:1048586", "Missing newline after argument")}},
		{name: "tf-dir-named-x", exit: 1},
		{name: "tf-over-max-size", gen: genHugeTerraform, exit: 1, errors: []wantError{warnAt("main.tf", "more than --max-file-size")}},
		{name: "tf-json-truncated", exit: 2, errors: []wantError{
			errAt("main.tf.json:1:1", "Root value must be object"), errAt("main.tf.json:1:1", "Unclosed object"),
			errAt("main.tf.json:1:14", "Unclosed object"), errAt("main.tf.json:1:32", "Unclosed object"), errAt("main.tf.json:1:41", "Unclosed object")}},
		// Terraform plans.
		{name: "tfplan-truncated", exit: 2, errors: []wantError{errAt("plan.json:5:1", "array opened at 4:51 is not closed")}},
		{name: "tfplan-wrong-types", exit: 2, errors: []wantError{
			errAt("plan.json:4:51", "resources must be an array, not a string"), errAt("plan.json:5:23", "resource_changes must be an array, not a number")}},
		// The file system.
		{name: "fs-symlink-loop", gen: genSymlinkLoop, targets: []string{"loop.json"}, exit: 2, errors: []wantError{errAt("loop.json", "too many levels of symbolic links")}},
		{name: "fs-symlink-loop-walk", gen: genSymlinkLoop, exit: 1},
		{name: "fs-dangling-symlink", gen: genDanglingSymlink, targets: []string{"gone.json"}, exit: 2, errors: []wantError{errAt("gone.json", "no such file or directory")}},
		{name: "fs-unreadable", gen: genUnreadable, exit: 2, skipAsRoot: true, errors: []wantError{errAt("bad.json", "permission denied")}},
		{name: "fs-missing", targets: []string{"missing.json"}, exit: 2, errors: []wantError{errAt("missing.json", "no such file or directory")}},
	}
}

// runResult is cli.Main's outcome with the JSON report parsed.
type runResult struct {
	exit           int
	stdout, stderr string
	report         jsonReport
}

type jsonReport struct {
	Findings []struct {
		RuleID string `json:"rule_id"`
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	} `json:"findings"`
	Errors []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
		Warning bool   `json:"warning"`
	} `json:"errors"`
}

// runCLI runs cli.Main with a time limit: a hang fails the test instead of
// stalling the run.
func runCLI(t *testing.T, limit time.Duration, args ...string) runResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- Main(args, strings.NewReader(""), &stdout, &stderr) }()
	var res runResult
	select {
	case res.exit = <-done:
	case <-time.After(limit):
		t.Fatalf("ctlint %s: still running after %s", strings.Join(args, " "), limit)
	}
	res.stdout, res.stderr = stdout.String(), stderr.String()
	if strings.Contains(res.stdout+res.stderr, "internal error") {
		t.Fatalf("ctlint %s: internal error:\n%s%s", strings.Join(args, " "), res.stdout, res.stderr)
	}
	if slices.Contains(args, "json") {
		if err := json.Unmarshal(stdout.Bytes(), &res.report); err != nil {
			t.Fatalf("ctlint %s: output is not JSON: %v\nstdout: %.500s\nstderr: %s", strings.Join(args, " "), err, res.stdout, res.stderr)
		}
	}
	return res
}

func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile inputs take tens of seconds; run without -short")
	}
	good, err := os.ReadFile("../../examples/seed-000-bucket-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := badCases()
	checkEveryCaseHasARow(t, cases)
	asRoot := os.Geteuid() == 0
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skipAsRoot && asRoot {
				t.Skip("running as root: file permissions do not apply")
			}
			work := t.TempDir()
			dir := filepath.Join(work, "root", tc.name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(dir, os.DirFS(filepath.Join(badDir, tc.name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			if tc.gen != nil {
				tc.gen(t, dir)
			}
			if err := os.WriteFile(filepath.Join(dir, "good.json"), good, 0o644); err != nil {
				t.Fatal(err)
			}
			// The lint root is the working directory: files two levels up
			// from the case directory lie outside it.
			t.Chdir(filepath.Join(work, "root"))
			args := []string{"lint", "--format", "json"}
			args = append(args, tc.flags...)
			if len(tc.targets) == 0 {
				args = append(args, tc.name)
			} else {
				for _, target := range tc.targets {
					args = append(args, tc.name+"/"+target)
				}
				args = append(args, tc.name+"/good.json")
			}
			start := time.Now()
			res := runCLI(t, 60*time.Second, args...)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %s", d.Round(time.Millisecond))
			}
			if res.exit != tc.exit {
				t.Errorf("exit = %d, want %d; stderr: %s", res.exit, tc.exit, res.stderr)
			}
			var got []string
			for _, pe := range res.report.Errors {
				at := pe.File
				if pe.Line > 0 {
					at += fmt.Sprintf(":%d", pe.Line)
				}
				if pe.Column > 0 {
					at += fmt.Sprintf(":%d", pe.Column)
				}
				got = append(got, fmt.Sprintf("%s %q warning=%t", at, pe.Message, pe.Warning))
				if tc.maxMessage > 0 && len(pe.Message) > tc.maxMessage {
					t.Errorf("message is %d bytes, want at most %d: %.400s", len(pe.Message), tc.maxMessage, pe.Message)
				}
				if pe.File == "" {
					t.Errorf("error without a file name: %q", pe.Message)
				}
			}
			if len(got) != len(tc.errors) {
				t.Errorf("errors:\n%s\nwant %d: %+v", strings.Join(got, "\n"), len(tc.errors), tc.errors)
			}
			for i, want := range tc.errors[:min(len(tc.errors), len(res.report.Errors))] {
				pe := res.report.Errors[i]
				at := tc.name + "/" + want.at
				if !strings.HasPrefix(got[i], at+" ") && !(strings.HasSuffix(at, ":") && strings.HasPrefix(got[i], at)) {
					t.Errorf("error %d = %s, want at %s", i, got[i], at)
				}
				if !strings.Contains(pe.Message, want.contains) || pe.Warning != want.warning {
					t.Errorf("error %d = %s, want a message containing %q, warning=%t", i, got[i], want.contains, want.warning)
				}
			}
			found := map[string]bool{}
			for _, fd := range res.report.Findings {
				found[fmt.Sprintf("%s:%d:%d %s", fd.File, fd.Line, fd.Column, fd.RuleID)] = true
			}
			want := []wantFinding{findingAt("good.json:4:5", "CT101"), findingAt("good.json:13:5", "CT101")}
			for _, wf := range append(want, tc.finds...) {
				if key := tc.name + "/" + wf.at + " " + wf.rule; !found[key] {
					t.Errorf("no finding %s; findings: %v", key, keys(found))
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
				t.Errorf("a program named in the input was executed")
			}
			if strings.Contains(res.stdout+res.stderr, outsideSecret) || strings.Contains(res.stdout+res.stderr, "root:x:0") {
				t.Errorf("the content of a file outside the lint root appears in the output")
			}
		})
	}
}

// checkEveryCaseHasARow keeps testdata/bad and the table in step.
func checkEveryCaseHasARow(t *testing.T, cases []badCase) {
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, c := range cases {
		rows[c.name] = true
	}
	for _, entry := range entries {
		if entry.IsDir() && !rows[entry.Name()] {
			t.Errorf("testdata/bad/%s has no row in badCases", entry.Name())
		}
	}
	if len(cases) < 40 {
		t.Errorf("%d hostile cases, want at least 40", len(cases))
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Generators of the cases that are too large to commit or cannot live in git.

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

const depth = 100000

func genDeepJSON(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "bad.json"), []byte(`{"Version":"2012-10-17","Statement":`+strings.Repeat("[", depth)+strings.Repeat("]", depth)+"}"))
}

func genDeepYAML(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "template.yaml"), []byte("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: "+
		strings.Repeat("[", depth)+strings.Repeat("]", depth)+"\n"))
}

func genDeepHCL(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "main.tf"), []byte("locals {\n  x = "+strings.Repeat("[", depth)+strings.Repeat("]", depth)+"\n}\n"))
}

const statement = `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}`

func genManyStatements(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "bad.json"), []byte(`{"Version":"2012-10-17","Statement":[`+strings.Repeat(statement+",", depth-1)+statement+"]}"))
}

func genWideCondition(t *testing.T, dir string) {
	var b strings.Builder
	b.WriteString(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{`)
	for i := range depth {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"k%d":"v"`, i)
	}
	b.WriteString("}}}}")
	writeFile(t, filepath.Join(dir, "bad.json"), []byte(b.String()))
}

func genHugeFile(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "bad.json"), []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"`+strings.Repeat("A", 50<<20)+`"}]}`))
}

func genHugeTerraform(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "main.tf"), []byte("resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \""+strings.Repeat("a", 11<<20)+"\"\n}\n"))
}

const longLine = 1 << 20

func genLongLineJSON(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "bad.json"), []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"`+strings.Repeat("A", longLine)+`"}]]`))
}

func genLongLineYAML(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "template.yaml"), []byte("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Logs:\n    Type: [\""+strings.Repeat("A", longLine)+"\" ]]\n"))
}

func genLongLineHCL(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "main.tf"), []byte("locals {\n  x = \""+strings.Repeat("A", longLine)+"\" ]\n}\n"))
}

// genOutside writes the file that tf-file-outside reads, outside the lint
// root (the working directory is the case directory's parent).
func genOutside(t *testing.T, dir string) {
	writeFile(t, filepath.Join(dir, "..", "..", "outside"), []byte(`{"Version":"2012-10-17","Statement":[{"Sid":"`+outsideSecret+`"}]}`))
}

func genSymlinkLoop(t *testing.T, dir string) {
	for _, l := range [][2]string{{"loop2.json", "loop.json"}, {"loop.json", "loop2.json"}} {
		if err := os.Symlink(l[0], filepath.Join(dir, l[1])); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
}

func genDanglingSymlink(t *testing.T, dir string) {
	if err := os.Symlink("nowhere.json", filepath.Join(dir, "gone.json")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
}

func genUnreadable(t *testing.T, dir string) {
	path := filepath.Join(dir, "bad.json")
	writeFile(t, path, []byte(`{"Version":"2012-10-17","Statement":[`+statement+"]}"))
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
}

// A custom rule that fails at run time, or runs past --timeout, is an error
// naming the rule, its source and the scope (exit 2); the built-in findings
// of the same scope are still reported.
func TestCustomRuleFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the rules for each row; run without -short")
	}
	tests := []struct {
		name, body string
		flags      []string
		want       []string
	}{
		{name: "builtin error", body: `report contains {"message": sprintf("%v", [n])} if { n := to_number("x") }`,
			want: []string{"rule CX901: ", "/rule.rego:9: eval_builtin_error: to_number"}},
		{name: "entry not an object", body: `report contains "text" if { true }`,
			want: []string{"rule CX901: ", "/rule.rego:1: report entries must be objects"}},
		{name: "timeout", flags: []string{"--timeout", "1s"},
			body: `report contains {"message": "m"} if { some i in numbers.range(1, 100000); some j in numbers.range(1, 100000); i * j < 0 }`,
			want: []string{"evaluation took longer than --timeout (1s): ", "rule CX901: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			work := t.TempDir()
			rules := filepath.Join(work, "rules")
			if err := os.Mkdir(rules, 0o755); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(rules, "rule.rego"), []byte("# METADATA\n# title: Custom\n# custom:\n#   id: CX901\n#   name: custom\n#   severity: low\npackage ctlint.rules.custom\n\n"+tt.body+"\n"))
			good, err := os.ReadFile("../../examples/seed-000-bucket-policy.json")
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(work, "good.json"), good)
			t.Chdir(work)
			args := append([]string{"lint", "--format", "json", "--policy-dir", "rules"}, tt.flags...)
			res := runCLI(t, 60*time.Second, append(args, "good.json")...)
			if res.exit != ExitError {
				t.Errorf("exit = %d, want 2; stderr: %s", res.exit, res.stderr)
			}
			if len(res.report.Errors) != 1 || res.report.Errors[0].File != "good.json" {
				t.Fatalf("errors = %+v, want one naming good.json", res.report.Errors)
			}
			for _, want := range tt.want {
				if msg := res.report.Errors[0].Message; !strings.Contains(msg, want) {
					t.Errorf("message %q does not contain %q", msg, want)
				}
			}
			var ct101 int
			for _, fd := range res.report.Findings {
				if fd.RuleID == "CT101" {
					ct101++
				}
			}
			if ct101 != 2 {
				t.Errorf("CT101 findings = %d, want 2: built-in findings must survive a custom rule's failure", ct101)
			}
		})
	}
}
