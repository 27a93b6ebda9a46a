package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/parse"
)

// FuzzParse checks that Parse never panics, that every error is a
// *parse.Error naming the file with a line inside it, and that a parsed
// configuration holds only valid values.
func FuzzParse(f *testing.F) {
	f.Add(fullConfig)
	f.Add("retension_days: 3\n")
	f.Add("rules:\n  severity:\n    CT101: urgent\n")
	f.Add("suppressions:\n  - rule: CT101\n    reason: r\n    expires: 2026-01-01\n")
	f.Add("a: &a [*a, *a]\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse("c.yaml", []byte(src))
		if err != nil {
			var pe *parse.Error
			if !errors.As(err, &pe) || pe.File != "c.yaml" {
				t.Fatalf("error %v is not a parse.Error for c.yaml", err)
			}
			if lines := yamlLines(src); pe.Line < 0 || pe.Line > lines+1 {
				t.Fatalf("error line %d outside 1..%d: %v", pe.Line, lines, err)
			}
			return
		}
		if c.RetentionDays < 0 {
			t.Fatalf("negative retention %d", c.RetentionDays)
		}
		for _, s := range c.Suppressions {
			if s.Rule.Text == "" || s.Reason == "" {
				t.Fatalf("suppression without rule or reason: %+v", s)
			}
		}
	})
}

// yamlLines counts lines as YAML does: a lone "\r" breaks a line too, so
// "\r\r0" has its 0 on line 3.
func yamlLines(src string) int {
	return strings.Count(strings.ReplaceAll(src, "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(src, "\r\n", ""), "\r") + 1
}
