package lint

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/policies"
)

// exampleFormats are the input formats every rule shows a good and a bad
// example in; raw JSON (.json) examples exist where the rule applies to raw
// policies, lifecycles or trails.
var exampleFormats = map[string]string{".tf": "terraform", ".yaml": "cloudformation", ".template.json": "cloudformation"}

func newTestEngine(t testing.TB) *eval.Engine {
	t.Helper()
	e, err := eval.New(context.Background(), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestRuleExamples pushes every rule's examples through the real parsers:
// bad.* must trigger the rule, good.* must not.
func TestRuleExamples(t *testing.T) {
	engine := newTestEngine(t)
	for _, rule := range engine.Rules() {
		entries, err := fs.ReadDir(policies.FS, path.Join(rule.Dir, "examples"))
		if err != nil {
			continue // TestRuleCompleteness reports missing examples
		}
		for _, e := range entries {
			name := e.Name()
			bad := strings.HasPrefix(name, "bad")
			if !bad && !strings.HasPrefix(name, "good") {
				continue
			}
			t.Run(rule.ID+"/"+name, func(t *testing.T) {
				data, err := fs.ReadFile(policies.FS, path.Join(rule.Dir, "examples", name))
				if err != nil {
					t.Fatal(err)
				}
				res := lintExample(t, engine, name, data)
				for _, pe := range res.Errors {
					if !pe.Warning {
						t.Fatalf("example does not parse: %v", pe)
					}
				}
				var hits []string
				for _, f := range res.Findings {
					if f.RuleID == rule.ID {
						hits = append(hits, f.Message)
					}
				}
				if bad && len(hits) == 0 {
					t.Errorf("bad example does not trigger %s; findings: %v", rule.ID, res.Findings)
				}
				if !bad && len(hits) > 0 {
					t.Errorf("good example triggers %s: %q", rule.ID, hits)
				}
			})
		}
	}
}

// lintExample lints one example file on its own: a .tf example becomes the
// only file of a module directory.
func lintExample(t *testing.T, engine *eval.Engine, name string, data []byte) *Result {
	t.Helper()
	dir := t.TempDir()
	target := filepath.Join(dir, name)
	if strings.HasSuffix(name, ".tf") {
		target = filepath.Join(dir, "main.tf")
	}
	if err := os.WriteFile(target, data, 0o600); err != nil {
		t.Fatal(err)
	}
	arg := target
	if strings.HasSuffix(name, ".tf") {
		arg = dir
	}
	res, err := Run(context.Background(), []string{arg}, Options{Engine: engine, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRuleCompleteness holds every built-in rule to the convention: metadata,
// Rego tests, and good and bad examples in every format.
func TestRuleCompleteness(t *testing.T) {
	engine := newTestEngine(t)
	for _, rule := range engine.Rules() {
		if rule.Custom {
			continue
		}
		t.Run(rule.ID, func(t *testing.T) {
			if rule.Description == "" || rule.Remediation == "" {
				t.Error("METADATA needs a description and custom.remediation")
			}
			files, err := fs.ReadDir(policies.FS, rule.Dir)
			if err != nil {
				t.Fatal(err)
			}
			hasTest := false
			for _, f := range files {
				hasTest = hasTest || strings.HasSuffix(f.Name(), "_test.rego")
			}
			if !hasTest {
				t.Error("no Rego tests (*_test.rego) in " + rule.Dir)
			}
			for _, kind := range []string{"bad", "good"} {
				for ext, format := range exampleFormats {
					if reason := rule.NoBadExample[format]; kind == "bad" && reason != "" {
						continue
					}
					if _, err := fs.Stat(policies.FS, path.Join(rule.Dir, "examples", kind+ext)); err != nil {
						t.Errorf("missing example %s", path.Join(rule.Dir, "examples", kind+ext))
					}
				}
			}
		})
	}
}
