package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ctlint/ctlint/internal/docs"
	"github.com/ctlint/ctlint/internal/eval"
)

func newRulesCmd() *cobra.Command {
	var format string
	var policyDirs []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, name, severity, title, frameworks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			engine, err := eval.New(cmd.Context(), eval.Options{PolicyDirs: policyDirs, CacheDir: ruleCacheDir()})
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			out := cmd.OutOrStdout()
			switch format {
			case "text":
				tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE\tFRAMEWORKS")
				for _, r := range engine.Rules() {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Title, strings.Join(r.Frameworks, ", "))
				}
				return tw.Flush()
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(engine.Rules())
			case "markdown":
				// The catalog, then every rule's page: the same text as docs/rules/.
				var b strings.Builder
				b.WriteString(docs.Index(engine.Rules()))
				for _, r := range engine.Rules() {
					b.WriteString("\n---\n\n" + docs.Markdown(r))
				}
				_, err := fmt.Fprint(out, b.String())
				return err
			}
			return usageError("unknown --format %q (want text, json or markdown)", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json, markdown")
	cmd.Flags().StringArrayVar(&policyDirs, "policy-dir", nil, "also list custom rules from this directory (repeatable)")
	return cmd
}

// RulesTable renders the rule catalog as a Markdown table (the README's
// table is generated from it, and a test keeps the two equal).
func RulesTable(rules []*eval.Rule) string {
	var b strings.Builder
	b.WriteString("| ID | Name | Severity | Title | Frameworks |\n|---|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", r.ID, r.Name, r.Severity, r.Title, strings.Join(r.Frameworks, ", "))
	}
	return b.String()
}
