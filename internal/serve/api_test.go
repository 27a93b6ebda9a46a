package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/lint"
	"github.com/ctlint/ctlint/internal/report"
)

func TestLintSeedPolicy(t *testing.T) {
	srv, logs := newTestServer(t, Config{})
	seed := readSeed(t)
	resp, body := postLint(t, srv, map[string]any{"content": seed})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	// The top-level shape is the JSON report's contract.
	var shape map[string]json.RawMessage
	if err := json.Unmarshal(body, &shape); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range shape {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"errors", "findings", "summary", "suppressed"}; !slices.Equal(keys, want) {
		t.Errorf("top-level keys = %q, want %q", keys, want)
	}

	rep := decodeReport(t, body)
	var ct101 []string
	for _, f := range rep.Findings {
		if f.RuleID == "CT101" {
			ct101 = append(ct101, fmt.Sprintf("%s:%d:%d-%d:%d %s", f.File, f.Line, f.Column, f.EndLine, f.EndColumn, f.Severity))
			if f.RuleName != "cloudtrail-source-condition-missing" || f.Remediation == "" || f.Message == "" {
				t.Errorf("CT101 finding lacks name, message or remediation: %+v", f)
			}
		}
	}
	want := []string{"<stdin>:4:5-12:6 high", "<stdin>:13:5-26:6 high"}
	if !slices.Equal(ct101, want) {
		t.Errorf("CT101 findings = %q, want %q", ct101, want)
	}
	if rep.Summary.Files != 1 || rep.Summary.Findings != len(rep.Findings) || len(rep.Errors) != 0 {
		t.Errorf("summary = %+v with %d errors", rep.Summary, len(rep.Errors))
	}

	// Byte for byte what `ctlint lint --format json -` prints for the same
	// content.
	cli, err := lint.Run(context.Background(), []string{"-"}, lint.Options{Engine: engine(t), Stdin: strings.NewReader(seed)})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, "json", &report.Result{Findings: cli.Findings, Errors: cli.Errors, Files: len(cli.Files)}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(body) {
		t.Errorf("API and command line differ:\nAPI:\n%s\nCLI:\n%s", body, buf.String())
	}

	// Only method, path, status and duration are logged.
	log := logs.String()
	if !strings.Contains(log, "method=POST path=/api/v1/lint status=200 duration=") {
		t.Errorf("request not logged: %q", log)
	}
	if strings.Contains(log, "my-cloudtrail-logs") || strings.Contains(log, "AWSCloudTrail") {
		t.Errorf("the pasted content reached the log: %q", log)
	}
}

func TestLintRequests(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	lifecycle := `{"Rules":[{"ID":"x","Status":"Enabled","Filter":{"Prefix":"AWSLogs/"},"Expiration":{"Days":400}}]}`
	tests := []struct {
		name       string
		body       any
		wantStatus int
		// wantError is a substring of the API error (non-200) or of the
		// report's first error (200).
		wantError string
		wantLine  int
		wantRules []string // rules that must be reported
		noRules   []string // rules that must not
		wantFile  string
	}{
		{
			name:       "invalid JSON content is a report error with its line",
			body:       map[string]any{"content": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",,}\n  ]\n}\n"},
			wantStatus: 200, wantError: "invalid character ','", wantLine: 4,
		},
		{
			name:       "content of no known kind",
			body:       map[string]any{"content": "hello"},
			wantStatus: 200, wantError: "not a recognized input",
		},
		{
			name:       "malformed request JSON",
			body:       `{"content": "x"`,
			wantStatus: 400, wantError: "not valid JSON",
		},
		{
			name:       "request JSON syntax error",
			body:       `{"content" "x"}`,
			wantStatus: 400, wantError: "not valid JSON at byte 12",
		},
		{
			name:       "empty body",
			body:       ``,
			wantStatus: 400, wantError: "empty request body",
		},
		{
			name:       "two JSON values",
			body:       `{"content": "x"} {}`,
			wantStatus: 400, wantError: "more than one JSON value",
		},
		{
			name:       "missing content",
			body:       `{"kind": "bucket-policy"}`,
			wantStatus: 400, wantError: `missing "content"`,
		},
		{
			name:       "content of the wrong type",
			body:       `{"content": 42}`,
			wantStatus: 400, wantError: `"content" must be a string, not a number`,
		},
		{
			name:       "unknown field",
			body:       `{"content": "x", "path": "/etc/passwd"}`,
			wantStatus: 400, wantError: `unknown field "path"`,
		},
		{
			name:       "unknown kind",
			body:       map[string]any{"content": "{}", "kind": "dockerfile"},
			wantStatus: 400, wantError: `unknown kind "dockerfile"`,
		},
		{
			name:       "retention out of range",
			body:       map[string]any{"content": "{}", "retention_days": 0},
			wantStatus: 400, wantError: "retention_days must be between 1 and 36500",
		},
		{
			name:       "retention days reach the rules",
			body:       map[string]any{"content": lifecycle, "retention_days": 2555},
			wantStatus: 200, wantRules: []string{"CT301"},
		},
		{
			name:       "default retention",
			body:       map[string]any{"content": lifecycle},
			wantStatus: 200, noRules: []string{"CT301"},
		},
		{
			name:       "filename is a sanitized label",
			body:       map[string]any{"content": lifecycle, "filename": "../../etc/<lc>.json", "retention_days": 2555},
			wantStatus: 200, wantRules: []string{"CT301"}, wantFile: "_lc_.json",
		},
		{
			name:       "forced kind",
			body:       map[string]any{"content": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n", "kind": "terraform"},
			wantStatus: 200,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := postLint(t, srv, tt.body)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d: %s", resp.StatusCode, tt.wantStatus, body)
			}
			if tt.wantStatus != 200 {
				var e apiError
				if err := json.Unmarshal(body, &e); err != nil {
					t.Fatalf("error body is not JSON: %s", body)
				}
				if !strings.Contains(e.Error, tt.wantError) {
					t.Errorf("error = %q, want it to contain %q", e.Error, tt.wantError)
				}
				return
			}
			rep := decodeReport(t, body)
			if tt.wantError != "" {
				if len(rep.Errors) != 1 {
					t.Fatalf("errors = %+v, want one", rep.Errors)
				}
				if e := rep.Errors[0]; !strings.Contains(e.Message, tt.wantError) || e.Line != tt.wantLine || e.File != "<stdin>" {
					t.Errorf("error = %+v, want %q at <stdin> line %d", e, tt.wantError, tt.wantLine)
				}
				if rep.Summary.Errors != 1 {
					t.Errorf("summary.errors = %d", rep.Summary.Errors)
				}
			} else if len(rep.Errors) != 0 {
				t.Errorf("unexpected errors: %+v", rep.Errors)
			}
			ids := ruleIDs(rep)
			for _, r := range tt.wantRules {
				if !slices.Contains(ids, r) {
					t.Errorf("missing %s in %q", r, ids)
				}
			}
			for _, r := range tt.noRules {
				if slices.Contains(ids, r) {
					t.Errorf("unexpected %s in %q", r, ids)
				}
			}
			if tt.wantFile != "" {
				for _, f := range rep.Findings {
					if f.File != tt.wantFile {
						t.Errorf("finding file = %q, want %q", f.File, tt.wantFile)
					}
				}
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	big := `{"content": "` + strings.Repeat("a", 5<<20) + `"}`
	const want = "request body is larger than the limit of 1048576 bytes (ctlint serve --max-body)"

	t.Run("declared length", func(t *testing.T) {
		resp, body := postLint(t, srv, big)
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("status = %d: %.200s", resp.StatusCode, body)
		}
		var e apiError
		if err := json.Unmarshal(body, &e); err != nil || e.Error != want {
			t.Errorf("body = %s, want error %q", body, want)
		}
	})
	t.Run("chunked", func(t *testing.T) {
		// No Content-Length: the limit is found while reading.
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/lint", io.MultiReader(strings.NewReader(big)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if req.ContentLength != 0 {
			t.Fatalf("request declared its length (%d); the test needs a chunked body", req.ContentLength)
		}
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), want) {
			t.Errorf("status %d, body %.200s", resp.StatusCode, body)
		}
	})
	t.Run("smaller limit", func(t *testing.T) {
		small, _ := newTestServer(t, Config{MaxBody: 100})
		resp, _ := postLint(t, small, map[string]any{"content": strings.Repeat("x", 200)})
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("status = %d", resp.StatusCode)
		}
	})
}

func TestMethodsAndContentType(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	tests := []struct {
		method, path, contentType string
		wantStatus                int
		wantAllow                 string
	}{
		{"GET", "/api/v1/lint", "", 405, "POST"},
		{"PUT", "/api/v1/lint", "application/json", 405, "POST"},
		{"POST", "/api/v1/rules", "application/json", 405, "GET, HEAD"},
		{"DELETE", "/healthz", "", 405, "GET, HEAD"},
		{"POST", "/api/v1/lint", "text/plain", 415, ""},
		{"POST", "/api/v1/lint", "application/x-www-form-urlencoded", 415, ""},
		{"GET", "/api/v2/lint", "", 404, ""},
		{"GET", "/nope", "", 404, ""},
		{"GET", "/static/", "", 404, ""},
		{"GET", "/static/missing.js", "", 404, ""},
		{"GET", "/rules/CT999", "", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path+" "+tt.contentType, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(`{"content": "{}"}`))
			if err != nil {
				t.Fatal(err)
			}
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if got := resp.Header.Get("Allow"); got != tt.wantAllow {
				t.Errorf("Allow = %q, want %q", got, tt.wantAllow)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	want := map[string]string{
		"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
	}
	for _, p := range []string{"/", "/static/app.js", "/static/style.css", "/api/v1/rules", "/healthz", "/rules/CT101", "/missing", "/api/v1/lint"} {
		resp, err := srv.Client().Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for k, v := range want {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("GET %s: %s = %q, want %q", p, k, got, v)
			}
		}
	}
}

func TestPageAndAssets(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	tests := []struct {
		path, contentType string
		contains          []string
	}{
		{"/", "text/html; charset=utf-8", []string{`<script src="/static/app.js" defer></script>`, `<label for="content">`, `aria-live="polite"`, `<link rel="stylesheet" href="/static/style.css">`}},
		{"/static/app.js", "text/javascript; charset=utf-8", []string{"/api/v1/lint"}},
		{"/static/style.css", "text/css; charset=utf-8", []string{".line.hit"}},
	}
	for _, tt := range tests {
		resp, err := srv.Client().Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != tt.contentType {
			t.Errorf("GET %s: %d %q", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		for _, s := range tt.contains {
			if !strings.Contains(string(body), s) {
				t.Errorf("GET %s lacks %q", tt.path, s)
			}
		}
		// CSP forbids inline script and style: the page must not need them.
		if tt.path == "/" {
			for _, bad := range []string{"<script>", "<style", " style=", " onclick=", "http://", "https://"} {
				if strings.Contains(string(body), bad) {
					t.Errorf("page contains %q, which the CSP blocks or which loads from elsewhere", bad)
				}
			}
		}
	}
}

func TestRulesEndpoint(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	resp, err := srv.Client().Get(srv.URL + "/api/v1/rules")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// `ctlint rules --format json` encodes the same slice the same way.
	want, err := json.MarshalIndent(engine(t).Rules(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != string(want)+"\n" {
		t.Errorf("rules differ from `ctlint rules --format json`")
	}
	var rules []struct {
		ID       string `json:"id"`
		Severity string `json:"severity"`
	}
	if err := json.Unmarshal(body, &rules); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(rules, func(r struct {
		ID       string `json:"id"`
		Severity string `json:"severity"`
	}) bool {
		return r.ID == "CT101" && r.Severity == "high"
	}) {
		t.Errorf("CT101 (high) missing from %d rules", len(rules))
	}
}

func TestRulePage(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	rule := engine(t).Rule("CT101")
	for _, p := range []string{"/rules/CT101", "/rules/ct101", "/rules/cloudtrail-source-condition-missing"} {
		resp, err := srv.Client().Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Fatalf("GET %s: %d %q", p, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		page := string(body)
		for _, s := range []string{
			"<title>CT101 " + rule.Title + " · ctlint</title>",
			`<span class="sev sev-high">high</span>`,
			"<code>cloudtrail-source-condition-missing</code>",
			"<h2>Remediation</h2>",
			paragraphs(rule.Description)[0][:40],
		} {
			if !strings.Contains(page, s) {
				t.Errorf("GET %s lacks %q", p, s)
			}
		}
	}
}

func TestHealthz(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	resp, err := srv.Client().Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != "ok\n" {
		t.Errorf("healthz: %d %q", resp.StatusCode, body)
	}
}

// A Terraform snippet cannot make the server read a file: file() stays an
// unresolved value (CT007), whether it names /etc/passwd or a file holding
// a policy that would otherwise be reported.
func TestNoFileAccess(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	public := filepath.Join(t.TempDir(), "public.json")
	if err := os.WriteFile(public, []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/etc/passwd", filepath.ToSlash(public)} {
		src := fmt.Sprintf("resource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = \"b\"\n  policy = file(%q)\n}\n", path)
		resp, body := postLint(t, srv, map[string]any{"content": src, "filename": "main.tf"})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		if strings.Contains(string(body), "root:") {
			t.Errorf("/etc/passwd content in the response: %s", body)
		}
		rep := decodeReport(t, body)
		ids := ruleIDs(rep)
		if !slices.Contains(ids, "CT007") || slices.Contains(ids, "CT110") {
			t.Errorf("file(%q): findings %q, want CT007 and no CT110", path, ids)
		}
	}
}

func TestConcurrencyLimit(t *testing.T) {
	cfg := Config{Engine: engine(t), MaxConcurrent: 1, QueueWait: 50 * time.Millisecond}.withDefaults()
	a := &api{cfg: cfg, slots: make(chan struct{}, 1)}
	body := `{"content": "{}"}`
	do := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/lint", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		a.lint(rec, req)
		return rec
	}
	a.slots <- struct{}{} // a request in progress
	start := time.Now()
	rec := do()
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
		t.Fatalf("busy server: %d %q", rec.Code, rec.Body)
	}
	if waited := time.Since(start); waited < cfg.QueueWait {
		t.Errorf("gave up after %s, before the queue wait of %s", waited, cfg.QueueWait)
	}
	// A slot freed while waiting is taken.
	go func() { time.Sleep(10 * time.Millisecond); <-a.slots }()
	if rec := do(); rec.Code != http.StatusOK {
		t.Errorf("after release: %d %s", rec.Code, rec.Body)
	}
	if len(a.slots) != 0 {
		t.Errorf("slot not released: %d held", len(a.slots))
	}
}

func TestRequestTimeout(t *testing.T) {
	srv, _ := newTestServer(t, Config{RequestTimeout: time.Nanosecond})
	resp, body := postLint(t, srv, map[string]any{"content": readSeed(t)})
	if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(string(body), "linting took longer than the request timeout (1ns)") {
		t.Errorf("status %d: %s", resp.StatusCode, body)
	}
}

func TestSanitizeFilename(t *testing.T) {
	tests := map[string]string{
		"":                        "",
		"policy.json":             "policy.json",
		"main.tf":                 "main.tf",
		"../../etc/passwd":        "passwd",
		`C:\Users\me\bucket.json`: "bucket.json",
		"..":                      "",
		".hidden.yaml":            "hidden.yaml",
		"a<b>\"c\x00.json":        "a_b__c_.json",
		"bucket policy (1).json":  "bucket policy _1_.json",
		"émoji😀.json":             "_moji_.json",
		strings.Repeat("a", 300):  strings.Repeat("a", 100),
	}
	for in, want := range tests {
		if got := SanitizeFilename(in); got != want {
			t.Errorf("SanitizeFilename(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1:7341": true,
		"[::1]:7341":     true,
		"localhost:80":   true,
		"127.0.0.2:80":   true,
		":7341":          false,
		"0.0.0.0:7341":   false,
		"10.0.0.1:7341":  false,
		"example.com:80": false,
		"nonsense":       false,
	}
	for addr, want := range tests {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}
