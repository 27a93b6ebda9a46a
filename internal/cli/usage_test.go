package cli

import (
	"strings"
	"testing"
)

// Flags with values ctlint cannot use are usage errors (exit 2), said
// before anything is linted: nothing on stdout.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		flags []string
		want  string
	}{
		{[]string{"--kind", "bogus"}, `--kind: unknown kind "bogus" (want terraform, cloudformation, tfplan, bucket-policy, key-policy, lifecycle, trail, public-access-block, encryption, policy)`},
		{[]string{"--format", "bogus"}, `--format: unknown format "bogus" (want text, json, sarif, junit, github, checkstyle)`},
		{[]string{"--retention-days", "0"}, "--retention-days must be a positive number of days"},
		{[]string{"--log-bucket-scope", "x"}, `--log-bucket-scope: want cloudtrail or all, got "x"`},
		{[]string{"--shard", "3/2"}, "--shard: want 1 <= K <= N, got 3/2"},
		{[]string{"--fail-on", "nope"}, `--fail-on: unknown severity "nope" (want one of info, low, medium, high, critical)`},
		{[]string{"--profile", "nope"}, `--profile: unknown profile "nope" (want pci, hipaa or sox)`},
		{[]string{"--var", "novalue"}, `--var: want NAME=VALUE, got "novalue"`},
		{[]string{"--workers", "-1"}, "--workers must not be negative (0 is one per CPU)"},
		{[]string{"--timeout", "-1s"}, "--timeout must not be negative (0 is no bound)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.flags, " "), func(t *testing.T) {
			args := append(append([]string{"lint"}, tt.flags...), "../../examples/seed-000-bucket-policy.json")
			code, out, errOut := run(t, args...)
			if code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if want := "ctlint: " + tt.want + "\n"; !strings.Contains(errOut, want) {
				t.Errorf("stderr %q, want %q", errOut, want)
			}
		})
	}
}
