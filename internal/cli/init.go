package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ctlint/ctlint/internal/config"
)

func init() { extraCommands = append(extraCommands, newInitCmd, newTestCmd) }

// defaultConfig is what `ctlint init` writes: every setting, commented, at
// its default. A test keeps it parseable.
const defaultConfig = `# ctlint configuration. ctlint reads .ctlint.yaml from the working directory
# or the nearest parent (up to the repository root); --config FILE names
# another. Command-line flags override what is written here.
version: 1

rules:
  # Run only these rules (IDs or names); empty means all.
  enable: []
  # Never report these rules.
  disable: []
  # Change a rule's severity, e.g. CT302: medium
  severity: {}

# Required log retention: a number of days, or a profile (pci: 365,
# hipaa: 2190, sox: 2555). retention_days wins over profile.
# retention_days: 365
# profile: pci

# Which buckets get the log-bucket rules (CT3xx, CT5xx): cloudtrail (buckets
# a trail writes to, or whose policy grants CloudTrail) or all.
log_bucket_scope: cloudtrail

# Paths never linted (doublestar globs, relative to this file).
exclude: []
#  - "legacy/**"
#  - "**/testdata/**"

# Directories of custom Rego rules (relative to this file).
policy_dirs: []

terraform:
  # Variable files, relative to each module directory.
  var_files: []
  vars: {}

cloudformation:
  parameters: {}

# false: ctlint:ignore comments and CloudFormation Metadata suppress nothing
# (and are reported as notes); only the suppressions below count.
allow_inline_suppressions: true

# Suppressions that live here rather than in the source (the only way for
# raw JSON, which has no comments). Each needs a reason; expires is
# optional (YYYY-MM-DD, UTC) and ends the suppression after that day.
suppressions: []
#  - rule: CT101
#    path: "policies/legacy-*.json"
#    resource: ""
#    reason: the legacy trail is removed in Q3
#    expires: 2026-09-30

# Lowest severity that makes ctlint exit 1: info, low, medium, high, critical.
fail_on: low
`

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented default " + config.FileName,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			path := filepath.Join(dir, config.FileName)
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			file, err := os.OpenFile(path, flags, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return usageError("%s exists; use --force to overwrite it", path)
			}
			if err != nil {
				return usageError("init: %v", err)
			}
			if _, err := file.WriteString(defaultConfig); err != nil {
				file.Close()
				return &exitError{code: ExitError, err: fmt.Errorf("write %s: %w", path, err)}
			}
			if err := file.Close(); err != nil {
				return &exitError{code: ExitError, err: fmt.Errorf("write %s: %w", path, err)}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
