package cli

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
)

const (
	rulesStart = "<!-- rules:start -->\n"
	rulesEnd   = "<!-- rules:end -->"
)

// The README's rule table is generated from the rules' metadata. Run
// `CTLINT_UPDATE=1 go test ./internal/cli -run TestREADMERules` to refresh it.
func TestREADMERulesTable(t *testing.T) {
	engine, err := eval.New(context.Background(), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const path = "../../README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	start := strings.Index(readme, rulesStart)
	end := strings.Index(readme, rulesEnd)
	if start < 0 || end < start {
		t.Fatalf("README has no %q ... %q section", rulesStart, rulesEnd)
	}
	want := RulesTable(engine.Rules())
	got := readme[start+len(rulesStart) : end]
	if got == want {
		return
	}
	if os.Getenv("CTLINT_UPDATE") != "" {
		updated := readme[:start+len(rulesStart)] + want + readme[end:]
		if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README rule table is stale; run CTLINT_UPDATE=1 go test ./internal/cli -run TestREADMERules\n got:\n%s\nwant:\n%s", got, want)
}
