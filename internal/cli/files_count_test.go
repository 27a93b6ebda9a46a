package cli

import (
	"encoding/json"
	"testing"
)

// A local module's files are linted through the module that calls it and
// counted once, not once more as a directory of their own.
func TestFilesCountedOnceWithLocalModules(t *testing.T) {
	tempDir(t)
	write(t, "main.tf", "module \"logs\" {\n  source = \"./mod\"\n}\n")
	write(t, "mod/main.tf", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n")
	_, out, errOut := run(t, "lint", "-f", "json", ".")
	var rep struct {
		Summary struct {
			Files int `json:"files"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
	if rep.Summary.Files != 2 {
		t.Errorf("summary.files = %d, want 2 (main.tf and mod/main.tf)\n%s", rep.Summary.Files, out)
	}
}
