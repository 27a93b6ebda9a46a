package cli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCompileParts(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(file, []byte("# empty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		paths []string
		want  int
	}{
		{[]string{file}, 0},
		{[]string{"-"}, 0},
		{[]string{file, "-"}, 0},
		{[]string{filepath.Join(dir, "missing.tf")}, 0}, // reported by the run, not here
		{[]string{dir}, 1},
		{[]string{file, dir}, 1},
	}
	for _, tc := range tests {
		if got := compileParts(tc.paths); got != tc.want {
			t.Errorf("compileParts(%v) = %d, want %d", tc.paths, got, tc.want)
		}
	}
}
