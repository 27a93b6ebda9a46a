package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
)

// seedPolicy is the bucket policy of the first seed tutorial: CloudTrail
// may write to it on behalf of any trail (CT101 at lines 4 and 13).
const seedPolicyPath = "../../examples/seed-000-bucket-policy.json"

var testEngine = sync.OnceValues(func() (*eval.Engine, error) {
	return eval.New(context.Background(), eval.Options{})
})

func engine(t testing.TB) *eval.Engine {
	t.Helper()
	e, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func readSeed(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(seedPolicyPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// logBuffer collects the request log safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// newTestServer starts the handler on a loopback httptest server.
func newTestServer(t testing.TB, cfg Config) (*httptest.Server, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	cfg.Engine = engine(t)
	cfg.Log = slog.New(slog.NewTextHandler(logs, nil))
	h, err := NewHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, logs
}

// lintReport mirrors the JSON report's fields the tests look at.
type lintReport struct {
	Findings []struct {
		RuleID      string `json:"rule_id"`
		RuleName    string `json:"rule_name"`
		Severity    string `json:"severity"`
		Message     string `json:"message"`
		File        string `json:"file"`
		Line        int    `json:"line"`
		Column      int    `json:"column"`
		EndLine     int    `json:"end_line"`
		EndColumn   int    `json:"end_column"`
		Remediation string `json:"remediation"`
	} `json:"findings"`
	Errors []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	} `json:"errors"`
	Summary struct {
		Files    int `json:"files"`
		Findings int `json:"findings"`
		Errors   int `json:"errors"`
	} `json:"summary"`
}

// answer is a response read to the end (its body already closed).
type answer struct {
	StatusCode int
	Header     http.Header
}

// postLint posts body (marshalled unless it is already a string) as JSON.
func postLint(t testing.TB, srv *httptest.Server, body any) (answer, []byte) {
	t.Helper()
	var raw []byte
	switch b := body.(type) {
	case string:
		raw = []byte(b)
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := srv.Client().Post(srv.URL+"/api/v1/lint", "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{StatusCode: resp.StatusCode, Header: resp.Header}, out
}

func decodeReport(t testing.TB, body []byte) lintReport {
	t.Helper()
	var rep lintReport
	if err := json.Unmarshal(body, &rep); err != nil {
		t.Fatalf("response is not a JSON report: %v\n%s", err, body)
	}
	return rep
}

func ruleIDs(rep lintReport) []string {
	var ids []string
	for _, f := range rep.Findings {
		ids = append(ids, f.RuleID)
	}
	return ids
}
