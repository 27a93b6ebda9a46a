package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

// encodeDocument is how the json format was written before it streamed:
// JSONDocument encoded in one go. The streamed bytes must equal it.
func encodeDocument(t *testing.T, res *Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(JSONDocument(res)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestStreamedJSONMatchesDocument(t *testing.T) {
	many := &Result{Files: 300}
	for i := range 300 {
		many.Findings = append(many.Findings, finding.Finding{
			RuleID: "CT101", RuleName: "r", Severity: finding.Severity(i % 5),
			Message: fmt.Sprintf("finding %d <&> \u2028 \"quoted\"\ttab", i),
			File:    fmt.Sprintf("dir/%03d.tf", i/3), Line: i + 1, Column: 2, EndLine: i + 3, EndColumn: 4,
			Resource: "aws_s3_bucket.b", Remediation: "Do this:\n  resource {}", Possible: i%7 == 0,
		})
	}
	onlyWarnings := &Result{Errors: []*parse.Error{{File: "big.json", Message: "skipped", Warning: true}}}
	emptyNotes := &Result{Notes: []string{}, Findings: []finding.Finding{}, Suppressed: []Suppressed{}}
	onlySuppressed := &Result{Suppressed: sample().Suppressed, Files: 1}
	tests := []struct {
		name string
		res  *Result
	}{
		{"sample (findings, suppressed, errors, warning, note)", sample()},
		{"empty", &Result{}},
		{"empty but not nil", emptyNotes},
		{"only a warning", onlyWarnings},
		{"only suppressed", onlySuppressed},
		{"many findings, every severity, escapes", many},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := Write(&got, "json", tt.res, Options{}); err != nil {
				t.Fatal(err)
			}
			want := encodeDocument(t, tt.res)
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("streamed JSON differs from the encoded document:\n got: %s\nwant: %s", got.Bytes(), want)
			}
		})
	}
}

// A failing writer's error is returned, not lost in the buffer.
func TestStreamedJSONReturnsWriteError(t *testing.T) {
	res := &Result{}
	for i := range 2000 { // more than the stream's buffer holds
		res.Findings = append(res.Findings, finding.Finding{RuleID: "CT101", Message: fmt.Sprint(i), File: "a.tf"})
	}
	for _, limit := range []int{0, 10, 100 << 10} {
		w := &failingWriter{limit: limit}
		err := Write(w, "json", res, Options{})
		if !errors.Is(err, errWriteFailed) {
			t.Errorf("limit %d: got error %v, want %v", limit, err, errWriteFailed)
		}
	}
}

var errWriteFailed = errors.New("disk full")

// failingWriter accepts limit bytes, then fails.
type failingWriter struct{ limit, n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n+len(p) > w.limit {
		return 0, errWriteFailed
	}
	w.n += len(p)
	return len(p), nil
}
