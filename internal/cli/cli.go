// Package cli builds ctlint's command tree and maps outcomes to exit codes:
// 0 no finding at or above --fail-on, 1 findings, 2 an input could not be
// read or parsed, or bad flags, configuration or custom rules.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes (DESIGN.md).
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitError    = 2
)

// exitError carries an exit code out of a command. A nil err means the
// command has already printed what it had to say.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

// usageError marks bad flags or arguments (exit 2).
func usageError(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}

// Version is set at build time (-ldflags "-X ...cli.Version=v1.2.3").
var Version = "dev"

// Main runs ctlint with args and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "ctlint: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "ctlint: %v\n", err)
	return ExitError
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "ctlint",
		Short: "Lint the configuration that keeps CloudTrail audit logs safe",
		Long: `ctlint checks S3 bucket policies, KMS key policies, lifecycle rules, bucket
settings and CloudTrail trails in Terraform, Terraform plans, CloudFormation and
raw policy JSON, and whether trail, bucket and key agree with each other.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: ExitError, err: err}
	})
	root.AddCommand(
		newLintCmd(),
		newRulesCmd(),
		newVersionCmd(),
	)
	for _, add := range extraCommands {
		root.AddCommand(add())
	}
	return root
}

// extraCommands lets other files of this package add commands (serve,
// explain, test, init) without touching newRoot.
var extraCommands []func() *cobra.Command

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print ctlint's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "ctlint %s\n", Version)
			return nil
		},
	}
}
