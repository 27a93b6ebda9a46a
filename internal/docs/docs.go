// Package docs renders rule documentation from the rules themselves: their
// METADATA and their good and bad examples. docs/rules/ in the repository,
// `ctlint explain` and `ctlint rules --format markdown` all come from here,
// so the documentation cannot drift from the rules.
package docs

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/policies"
)

// Example is one good or bad example of a rule.
type Example struct {
	Name    string // file name, e.g. bad.json
	Format  string // language tag for code fences: json, hcl, yaml
	Content string
}

// exampleOrder is the order in which formats are shown: raw JSON is the
// shortest, Terraform the most used.
var exampleOrder = []struct{ ext, lang string }{
	{".json", "json"},
	{".tf", "hcl"},
	{".yaml", "yaml"},
	{".template.json", "json"},
}

// Examples returns the rule's first bad and first good example, in the order
// raw JSON, Terraform, CloudFormation YAML, CloudFormation JSON.
func Examples(r *eval.Rule) (bad, good *Example) {
	fsys, dir := ruleFS(r)
	for _, kind := range []string{"bad", "good"} {
		for _, f := range exampleOrder {
			name := kind + f.ext
			data, err := fs.ReadFile(fsys, path.Join(dir, "examples", name))
			if err != nil {
				continue
			}
			ex := &Example{Name: name, Format: f.lang, Content: strings.TrimRight(string(data), "\n")}
			if kind == "bad" {
				bad = ex
			} else {
				good = ex
			}
			break
		}
	}
	return bad, good
}

func ruleFS(r *eval.Rule) (fs.FS, string) {
	if r.Custom {
		return os.DirFS(r.Dir), "."
	}
	return policies.FS, r.Dir
}

// Markdown renders a rule's documentation page.
func Markdown(r *eval.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s\n\n", r.ID, r.Name)
	fmt.Fprintf(&b, "**%s** · severity **%s**", r.Title, r.Severity)
	if len(r.Frameworks) > 0 {
		fmt.Fprintf(&b, " · %s", strings.Join(r.Frameworks, ", "))
	}
	b.WriteString("\n\n## Why it matters\n\n")
	b.WriteString(r.Description + "\n")
	bad, good := Examples(r)
	if bad != nil {
		fmt.Fprintf(&b, "\n## Bad (`%s`)\n\n```%s\n%s\n```\n", bad.Name, bad.Format, bad.Content)
	}
	if good != nil {
		fmt.Fprintf(&b, "\n## Good (`%s`)\n\n```%s\n%s\n```\n", good.Name, good.Format, good.Content)
	}
	b.WriteString("\n## How to fix\n\n")
	b.WriteString(indentCode(r.Remediation) + "\n")
	if len(r.References) > 0 {
		b.WriteString("\n## References\n\n")
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- <%s>\n", ref)
		}
	}
	fmt.Fprintf(&b, "\nSuppress with `# ctlint:ignore %s <reason>` on the line of, or the line above, the flagged block.\n", r.ID)
	return b.String()
}

// indentCode turns the remediation's indented lines (snippets) into a code
// block, keeping the prose as it is.
func indentCode(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	inCode := false
	for _, l := range lines {
		code := strings.HasPrefix(l, "  ")
		switch {
		case code && !inCode:
			b.WriteString("\n```\n")
			inCode = true
		case !code && inCode && strings.TrimSpace(l) != "":
			b.WriteString("```\n\n")
			inCode = false
		}
		if inCode {
			l = strings.TrimPrefix(l, "  ")
		}
		b.WriteString(l + "\n")
	}
	if inCode {
		b.WriteString("```\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// Index renders the rule catalog as a Markdown page linking each rule's page.
func Index(rules []*eval.Rule) string {
	var b strings.Builder
	b.WriteString("# ctlint rules\n\nGenerated from the rules' metadata by `go test ./internal/docs` (CTLINT_UPDATE=1 rewrites it).\n\n")
	b.WriteString("| ID | Name | Severity | Title |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s.md) | `%s` | %s | %s |\n", r.ID, r.ID, r.Name, r.Severity, r.Title)
	}
	return b.String()
}

// Text renders a rule's documentation for a terminal (`ctlint explain`).
func Text(r *eval.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s)\n%s\n", r.ID, r.Name, r.Severity, r.Title)
	if len(r.Frameworks) > 0 {
		fmt.Fprintf(&b, "Frameworks: %s\n", strings.Join(r.Frameworks, ", "))
	}
	fmt.Fprintf(&b, "\nWhy it matters\n%s\n", indent(r.Description))
	bad, good := Examples(r)
	if bad != nil {
		fmt.Fprintf(&b, "\nBad (%s)\n%s\n", bad.Name, indent(bad.Content))
	}
	if good != nil {
		fmt.Fprintf(&b, "\nGood (%s)\n%s\n", good.Name, indent(good.Content))
	}
	fmt.Fprintf(&b, "\nHow to fix\n%s\n", indent(r.Remediation))
	if len(r.References) > 0 {
		b.WriteString("\nReferences\n")
		for _, ref := range r.References {
			fmt.Fprintf(&b, "  %s\n", ref)
		}
	}
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}
