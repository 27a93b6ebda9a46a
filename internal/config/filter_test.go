package config

import (
	"path/filepath"
	"testing"
)

// Globs are relative to the configuration file's directory, not to the
// working directory.
func TestExcludedRelativeToConfig(t *testing.T) {
	dir := t.TempDir()
	mustMkdir(t, filepath.Join(dir, "sub", "legacy"))
	mustWrite(t, filepath.Join(dir, "sub", FileName), "exclude: [legacy]\n")
	t.Chdir(dir)
	c, err := Load(filepath.Join("sub", FileName), "sub/"+FileName)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{
		"sub/legacy/a.json": true,
		"sub/legacy":        true,
		"legacy/a.json":     false,
		"sub/other.json":    false,
		"<stdin>":           false,
	} {
		if got := c.Excluded(file); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", file, got, want)
		}
	}
}
