package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestContent(t *testing.T) {
	engine := newTestEngine(t)
	seed, err := os.ReadFile("../../examples/seed-000-bucket-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	tf := []byte("resource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = \"b\"\n  policy = var.policy\n}\n")
	cfn := []byte("Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n")
	tests := []struct {
		name, file, kind string
		data             []byte
		wantFiles        []string
		// wantFindings are "RULE file:line:col" of findings that must be
		// present; wantErrors the exact errors, as "file:line:col: message"
		// prefixes.
		wantFindings []string
		wantErrors   []string
	}{
		{
			name: "bucket policy, no name", data: seed,
			wantFiles:    []string{"<stdin>"},
			wantFindings: []string{"CT101 <stdin>:4:5", "CT101 <stdin>:13:5"},
		},
		{
			name: "bucket policy named", file: "policy.json", data: seed,
			wantFiles:    []string{"policy.json"},
			wantFindings: []string{"CT101 policy.json:4:5", "CT101 policy.json:13:5"},
		},
		{
			name: "terraform detected, named without extension", file: "snippet", data: tf,
			wantFiles:    []string{"snippet"},
			wantFindings: []string{"CT007 snippet:3:3"},
		},
		{
			name: "terraform forced", kind: "terraform", data: []byte("{"),
			wantFiles:  []string{"<stdin>"},
			wantErrors: []string{"<stdin>:1:1: Argument or block definition required"},
		},
		{
			name: "cloudformation detected without a name", data: cfn,
			wantFiles: []string{"<stdin>"},
		},
		{
			name: "broken JSON reports its position", data: []byte("{\n  \"Version\": \"2012-10-17\",\n  x\n}"),
			wantErrors: []string{"<stdin>:3:3: invalid character 'x'"},
		},
		{
			name: "forced kind, broken JSON", kind: "bucket-policy", file: "p.json", data: []byte("{\n  \"Statement\": [\n"),
			wantErrors: []string{"p.json:3:1: unexpected end of input"},
		},
		{
			name: "unrecognized", data: []byte("hello"),
			wantErrors: []string{"<stdin>: not a recognized input"},
		},
		{
			name: "valid JSON of no known kind", data: []byte(`{"a": 1}`),
			wantErrors: []string{"<stdin>: not a recognized input"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Content(context.Background(), tt.file, tt.data, Options{Engine: engine, Kind: tt.kind})
			if err != nil {
				t.Fatal(err)
			}
			if res.Scopes != 1 {
				t.Errorf("Scopes = %d, want 1", res.Scopes)
			}
			if !slices.Equal(res.Files, tt.wantFiles) {
				t.Errorf("Files = %q, want %q", res.Files, tt.wantFiles)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, fmt.Sprintf("%s %s:%d:%d", f.RuleID, f.File, f.Line, f.Column))
			}
			for _, w := range tt.wantFindings {
				if !slices.Contains(got, w) {
					t.Errorf("missing finding %q; got %q", w, got)
				}
			}
			if len(res.Errors) != len(tt.wantErrors) {
				t.Fatalf("errors = %v, want %q", res.Errors, tt.wantErrors)
			}
			for i, e := range res.Errors {
				if !strings.HasPrefix(e.Error(), tt.wantErrors[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, e.Error(), tt.wantErrors[i])
				}
			}
			name := tt.file
			if name == "" {
				name = "<stdin>"
			}
			if string(res.Sources[name]) != string(tt.data) {
				t.Errorf("Sources[%q] does not hold the content", name)
			}
		})
	}
}

// A Terraform snippet cannot make Content read a file: file() stays
// unresolved even when the file exists and holds a policy that would be
// reported.
func TestContentNoFileAccess(t *testing.T) {
	engine := newTestEngine(t)
	public := filepath.Join(t.TempDir(), "public.json")
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`
	if err := os.WriteFile(public, []byte(policy), 0o600); err != nil {
		t.Fatal(err)
	}
	src := fmt.Sprintf("resource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = \"b\"\n  policy = file(%q)\n}\n", filepath.ToSlash(public))
	res, err := Content(context.Background(), "main.tf", []byte(src), Options{Engine: engine})
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, f := range res.Findings {
		rules = append(rules, f.RuleID)
		if f.File != "main.tf" {
			t.Errorf("finding names %q, want main.tf", f.File)
		}
	}
	if slices.Contains(rules, "CT110") {
		t.Errorf("the policy file was read: findings %q", rules)
	}
	if !slices.Contains(rules, "CT007") {
		t.Errorf("file() should be reported unresolved (CT007); findings %q", rules)
	}
	// Plain Run with file functions enabled reads the same policy, so this
	// test can tell the two apart.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(strings.Replace(src, filepath.ToSlash(public), "public.json", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "public.json"), []byte(policy), 0o600); err != nil {
		t.Fatal(err)
	}
	run, err := Run(context.Background(), []string{dir}, Options{Engine: engine})
	if err != nil {
		t.Fatal(err)
	}
	var runRules []string
	for _, f := range run.Findings {
		runRules = append(runRules, f.RuleID)
	}
	if !slices.Contains(runRules, "CT110") {
		t.Skipf("CT110 does not report the public policy read from disk (findings %q); the contrast cannot be shown", runRules)
	}
}

func TestContentSizeLimit(t *testing.T) {
	engine := newTestEngine(t)
	res, err := Content(context.Background(), "big.json", make([]byte, 11), Options{Engine: engine, MaxFileSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Error() != "big.json: input is larger than the size limit (10 bytes)" {
		t.Errorf("errors = %v", res.Errors)
	}
}

func TestContentTimeout(t *testing.T) {
	engine := newTestEngine(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	seed, err := os.ReadFile("../../examples/seed-000-bucket-policy.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Content(ctx, "", seed, Options{Engine: engine})
	if err == nil {
		t.Fatal("a cancelled context must end in an error")
	}
}

// FuzzContent lints arbitrary content under every way of reading it and
// checks that every finding and error names the input and lies within it,
// and that no parser panicked.
func FuzzContent(f *testing.F) {
	seed, err := os.ReadFile("../../examples/seed-000-bucket-policy.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		string(seed),
		"resource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = \"b\"\n  policy = file(\"/etc/passwd\")\n}\n",
		"Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n",
		`{"Rules":[{"ID":"x","Status":"Enabled","Expiration":{"Days":400}}]}`,
		`{"format_version":"1.2","planned_values":{"root_module":{}}}`,
		"{\n  \"Statement\": [,]\n}",
	} {
		for _, kind := range []string{"", "terraform", "cloudformation", "tfplan", "bucket-policy", "key-policy"} {
			f.Add(s, kind)
		}
	}
	engine := newTestEngine(f)
	f.Fuzz(func(t *testing.T, content, kind string) {
		switch kind {
		case "", "terraform", "cloudformation", "tfplan", "bucket-policy", "key-policy", "lifecycle", "trail":
		default:
			return
		}
		const name = "input"
		res, err := Content(context.Background(), name, []byte(content), Options{Engine: engine, Kind: kind, MaxFileSize: 1 << 16})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(content, "\n") + 1
		for _, fd := range res.Findings {
			if fd.File != name || fd.Line < 0 || fd.Line > lines || fd.EndLine > lines {
				t.Errorf("finding %s at %s:%d-%d outside the input's %d lines", fd.RuleID, fd.File, fd.Line, fd.EndLine, lines)
			}
		}
		for _, e := range res.Errors {
			if strings.Contains(e.Message, "internal error") {
				t.Errorf("parser panicked: %v", e)
			}
			if e.File != name || e.Line < 0 || e.Line > lines {
				t.Errorf("error outside the input's %d lines: %v", lines, e)
			}
		}
	})
}
