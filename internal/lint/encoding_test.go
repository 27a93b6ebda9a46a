package lint

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// A UTF-16 policy is an error, not a file skipped as "not a policy"
// (silently, in a directory walk).
func TestUTF16FileIsAnError(t *testing.T) {
	policy := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::logs/*"}]}`
	var data []byte
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(policy))...) {
		data = append(data, byte(u), byte(u>>8)) // little endian
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "policy.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, filepath.Join(dir, "policy.json")} {
		res, err := Run(context.Background(), []string{path}, Options{Engine: newTestEngine(t)})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) != 1 || res.Errors[0].Warning || res.Errors[0].Line != 1 ||
			res.Errors[0].Message != "the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8" {
			t.Errorf("lint %s: errors = %v, want one UTF-16 error at line 1", path, res.Errors)
		}
	}
}
