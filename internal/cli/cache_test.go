package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestRuleCacheDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	t.Setenv("HOME", "/home/u")
	tests := []struct{ env, want string }{
		{"off", ""},
		{"/tmp/c", "/tmp/c"},
	}
	if runtime.GOOS == "linux" { // elsewhere the base is not XDG_CACHE_HOME
		tests = append(tests, struct{ env, want string }{"", "/xdg/ctlint"})
	}
	for _, tc := range tests {
		t.Setenv(cacheDirEnv, tc.env)
		if got := ruleCacheDir(); got != tc.want {
			t.Errorf("%s=%q: cache dir %q, want %q", cacheDirEnv, tc.env, got, tc.want)
		}
	}
}

// lint writes the compiled rules to the cache unless told not to, and a
// cached run reports what a compiled one does.
func TestLintCache(t *testing.T) {
	file, err := filepath.Abs("../../examples/seed-001-terraform/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	t.Chdir(work)
	lint := func(env string, args ...string) string {
		t.Helper()
		t.Setenv(cacheDirEnv, env)
		code, out, errOut := run(t, append([]string{"lint", "-f", "json", file}, args...)...)
		if code != 1 {
			t.Fatalf("%s=%s lint %v: exit %d, want 1 (findings)\n%s", cacheDirEnv, env, args, code, errOut)
		}
		return out
	}
	entries := func(dir string) int {
		t.Helper()
		es, err := os.ReadDir(dir)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return len(es)
	}
	dir := filepath.Join(t.TempDir(), "cache")
	compiled := lint(dir, "--no-cache")
	if n := entries(dir); n != 0 {
		t.Fatalf("--no-cache wrote %d cache entries", n)
	}
	first := lint(dir)
	// The compiled rules, and the results directory with the answers for
	// the file's one document.
	if n, r := entries(dir), entries(filepath.Join(dir, "results")); n != 2 || r != 1 {
		t.Fatalf("%d cache entries and %d results after a run, want 2 and 1", n, r)
	}
	cached := lint(dir)
	if first != compiled || cached != compiled {
		t.Fatalf("output differs:\ncompiled: %s\nfirst:    %s\ncached:   %s", compiled, first, cached)
	}
	// "off" is not a directory name.
	if off := lint("off"); off != compiled {
		t.Fatalf("output differs with the cache off:\n%s", off)
	}
	if n := entries(work); n != 0 {
		t.Fatalf("%s=off created %d files in the working directory", cacheDirEnv, n)
	}
}
