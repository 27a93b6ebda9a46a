package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSanitizeFilename checks that whatever a client sends as filename, the
// display name is a short, single, non-hidden path element of safe
// characters, and that sanitizing is idempotent.
func FuzzSanitizeFilename(f *testing.F) {
	for _, s := range []string{"", "policy.json", "../../etc/passwd", `C:\a\b.tf`, "..", ".git", "a\x00b", "😀.yaml", strings.Repeat("ab/", 80), " . x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := SanitizeFilename(name)
		if len(got) > maxFilenameLen {
			t.Errorf("%q: %d bytes", got, len(got))
		}
		if strings.ContainsAny(got, `/\<>"'&`+"\x00") || strings.HasPrefix(got, ".") || !utf8.ValidString(got) {
			t.Errorf("unsafe display name %q from %q", got, name)
		}
		if got != strings.TrimSpace(got) {
			t.Errorf("%q has surrounding space", got)
		}
		if again := SanitizeFilename(got); again != got {
			t.Errorf("not idempotent: %q -> %q -> %q", name, got, again)
		}
	})
}

// FuzzLintRequest posts arbitrary bodies to the lint handler: the answer is
// always JSON, a report (200) or an error a client can act on (4xx), never
// a server error, and a report's positions lie inside the content.
func FuzzLintRequest(f *testing.F) {
	seeds := []string{
		`{"content": "{}"}`,
		`{"content": "{\"Version\": \"2012-10-17\", \"Statement\": []}", "kind": "bucket-policy"}`,
		`{"content": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = file(\"/etc/passwd\")\n}\n", "filename": "main.tf"}`,
		`{"content": "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", "filename": "t.yaml"}`,
		`{"content": "{\"Rules\": [{\"Expiration\": {\"Days\": 1}}]}", "retention_days": 2555}`,
		`{"content": "x", "kind": "nope"}`,
		`{"content": 1}`,
		`[]`,
		`{`,
		``,
	}
	for _, s := range seeds {
		f.Add(s)
	}
	h, err := NewHandler(Config{Engine: engine(f), MaxBody: 64 << 10})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/lint", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if rec.Code != http.StatusOK {
			var e apiError
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("status %d without a JSON error: %s", rec.Code, rec.Body)
			}
			return
		}
		var in struct {
			Content string `json:"content"`
		}
		if err := json.Unmarshal([]byte(body), &in); err != nil {
			t.Fatalf("200 for a body that does not decode: %v", err)
		}
		lines := strings.Count(in.Content, "\n") + 1
		rep := decodeReport(t, rec.Body.Bytes())
		for _, fd := range rep.Findings {
			// Only the start is checked: the Terraform parser gives values
			// inside an unterminated string an end before their start
			// (testdata/fuzz/FuzzLintRequest/48874d8fb266bf2f), and the page
			// highlights from the start line.
			if fd.Line < 0 || fd.Line > lines || fd.EndLine > lines {
				t.Errorf("finding %s at %d-%d outside the %d lines of the content", fd.RuleID, fd.Line, fd.EndLine, lines)
			}
		}
		for _, e := range rep.Errors {
			if e.Line < 0 || e.Line > lines {
				t.Errorf("error at line %d outside the %d lines of the content: %s", e.Line, lines, e.Message)
			}
		}
	})
}
