package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ctlint/ctlint/internal/eval"
)

func newTestCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "test DIR...",
		Short: "Run the Rego tests of custom rules, with ctlint's builtins",
		Long: `Run the tests (test_* rules in *_test.rego files) of custom rule directories,
compiled together with ctlint's library and built-in rules, so that tests can
use data.ctlint.lib and the ctlint.iam builtins. Exit 1 when a test fails,
2 when the rules do not compile.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			results, err := eval.RunTests(cmd.Context(), dirs)
			if err != nil {
				var ce *eval.CompileError
				if errors.As(err, &ce) {
					return &exitError{code: ExitError, err: err}
				}
				return &exitError{code: ExitError, err: fmt.Errorf("ctlint test: %w", err)}
			}
			results = inDirs(results, dirs)
			if len(results) == 0 {
				return usageError("no tests found in %s", strings.Join(dirs, ", "))
			}
			if failed := eval.WriteTestResults(cmd.OutOrStdout(), results, verbose); failed > 0 {
				return &exitError{code: ExitFindings}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list passing tests too")
	return cmd
}

// inDirs keeps the tests defined under dirs: the built-in rules' own tests
// run with the project, not with the user's.
func inDirs(results []eval.TestResult, dirs []string) []eval.TestResult {
	var out []eval.TestResult
	for _, r := range results {
		file := r.Location
		if i := strings.LastIndex(file, ":"); i >= 0 {
			file = file[:i]
		}
		for _, d := range dirs {
			rel, err := filepath.Rel(filepath.Clean(d), filepath.Clean(file))
			if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
