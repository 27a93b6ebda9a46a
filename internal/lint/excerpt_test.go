package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExcerpt(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{strings.Repeat("a", 40), 30, strings.Repeat("a", 16) + "… (40 bytes)"},
		{strings.Repeat("é", 20), 30, strings.Repeat("é", 8) + "… (40 bytes)"}, // never splits a rune
	}
	for _, tt := range tests {
		if got := excerpt(tt.in, tt.max); got != tt.want || len(got) > tt.max {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// A megabyte tag or key in a file is quoted by messages; reports carry
// only an excerpt of it.
func TestLongQuotesAreCut(t *testing.T) {
	long := strings.Repeat("A", 1<<20)
	dir := t.TempDir()
	files := map[string]string{
		"template.yaml": "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !" + long + " x\n",
		"policy.json":   `{"Version": "2012-10-17", "` + long + `": 1, "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(context.Background(), []string{dir}, Options{Engine: newTestEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || len(res.Errors[0].Message) > maxErrorMessage || !strings.HasPrefix(res.Errors[0].Message, "unknown tag !AAAA") {
		t.Errorf("errors = %.500v, want one unknown-tag error of at most %d bytes", res.Errors, maxErrorMessage)
	}
	var ct001 int
	for _, f := range res.Findings {
		if len(f.Message) > maxFindingMessage {
			t.Errorf("%s message is %d bytes", f.RuleID, len(f.Message))
		}
		if f.RuleID == "CT001" && strings.Contains(f.Message, "unknown policy element") {
			ct001++
		}
	}
	if ct001 != 1 {
		t.Errorf("want one CT001 finding for the unknown element, got %d", ct001)
	}
}
