package docs

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
)

const docsDir = "../../docs/rules"

// docs/rules/ is generated from the rules; this test fails when it is stale.
// CTLINT_UPDATE=1 go test ./internal/docs rewrites it.
func TestDocsUpToDate(t *testing.T) {
	engine, err := eval.New(context.Background(), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"README.md": Index(engine.Rules())}
	for _, r := range engine.Rules() {
		want[r.ID+".md"] = Markdown(r)
	}
	update := os.Getenv("CTLINT_UPDATE") != ""
	if update {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range want {
		p := filepath.Join(docsDir, name)
		got, err := os.ReadFile(p)
		if string(got) == content {
			continue
		}
		if update {
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v (run CTLINT_UPDATE=1 go test ./internal/docs)", p, err)
		} else {
			t.Errorf("%s is stale (run CTLINT_UPDATE=1 go test ./internal/docs)", p)
		}
	}
	entries, _ := os.ReadDir(docsDir)
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("%s: no rule has this page; remove it", filepath.Join(docsDir, e.Name()))
		}
	}
}

func TestMarkdownPage(t *testing.T) {
	engine, err := eval.New(context.Background(), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := engine.Rule("CT002")
	if r == nil {
		t.Fatal("CT002 not found")
	}
	page := Markdown(r)
	for _, want := range []string{
		"# CT002 policy-version\n",
		"severity **low**",
		"## Why it matters",
		"## Bad (`bad.json`)\n\n```json\n{",
		"## Good (`good.json`)",
		"## How to fix\n\nStart every policy with the current language version:\n\n```\n{\"Version\": \"2012-10-17\"",
		"- <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html>",
		"ctlint:ignore CT002",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	text := Text(r)
	if !strings.HasPrefix(text, "CT002 policy-version (low)\nPolicy Version is missing or outdated\n") {
		t.Errorf("explain text starts with %q", text[:80])
	}
}
