package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The same input gives byte-identical output, whatever the number of
// workers and however often it runs: reports are diffed in CI and baselines
// are committed, so map order or scheduling must never leak into them.
func TestOutputIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("lints the examples and hostile inputs several times; run without -short")
	}
	t.Chdir("../..")
	// Every input format, and inputs that produce errors and warnings.
	paths := []string{"examples", "testdata/bad", "policies/rules/bucket", "policies/rules/trail"}
	for _, format := range []string{"json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			var first []byte
			for run, workers := range []int{1, 4, 4, 1} {
				args := append([]string{"lint", "--format", format, "--workers", fmt.Sprint(workers)}, paths...)
				res := runCLI(t, 3*time.Minute, args...)
				if res.exit != ExitError {
					t.Fatalf("exit = %d, want 2 (testdata/bad has unparsable inputs); stderr: %s", res.exit, res.stderr)
				}
				out := []byte(res.stdout)
				if run == 0 {
					first = out
					if !bytes.Contains(out, []byte("testdata/bad/json-truncated/bad.json")) || !bytes.Contains(out, []byte("CT101")) {
						t.Fatalf("output lacks the expected error and findings:\n%.1000s", out)
					}
					continue
				}
				if !bytes.Equal(out, first) {
					t.Fatalf("run %d (--workers %d) differs from run 0 (--workers 1):\n%s", run, workers, firstDifference(first, out))
				}
			}
		})
	}
}

// firstDifference shows the first line where a and b differ.
func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return "(same lines, different bytes)"
}
