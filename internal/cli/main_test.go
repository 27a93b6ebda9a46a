package cli

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps the tests' compiled-rules cache in a directory of its
// own: tests must not write to the user's cache directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ctlint-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.Setenv(cacheDirEnv, dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}
