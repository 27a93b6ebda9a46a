package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ctlint/ctlint/internal/docs"
	"github.com/ctlint/ctlint/internal/eval"
)

func init() {
	extraCommands = append(extraCommands, newExplainCmd)
}

func newExplainCmd() *cobra.Command {
	var policyDirs []string
	var markdown bool
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: why it matters, a bad and a good example, the fix, references",
		Long:  "RULE is a rule id (CT101) or name (cloudtrail-source-condition-missing).",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			engine, err := eval.New(cmd.Context(), eval.Options{PolicyDirs: policyDirs, CacheDir: ruleCacheDir()})
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			r := engine.Rule(args[0])
			if r == nil {
				var ids []string
				for _, r := range engine.Rules() {
					ids = append(ids, r.ID)
				}
				return usageError("no rule %q (rules: %s)", args[0], strings.Join(ids, ", "))
			}
			if markdown {
				_, err = fmt.Fprint(cmd.OutOrStdout(), docs.Markdown(r))
			} else {
				_, err = fmt.Fprint(cmd.OutOrStdout(), docs.Text(r))
			}
			return err
		},
	}
	cmd.Flags().StringArrayVar(&policyDirs, "policy-dir", nil, "also look up custom rules from this directory (repeatable)")
	cmd.Flags().BoolVar(&markdown, "markdown", false, "print the Markdown page (as in docs/rules/)")
	return cmd
}
