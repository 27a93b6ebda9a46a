package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/parse"
)

// fuzzExts are the names the whole-pipeline fuzz target gives its input:
// each selects a different discovery path and parser.
var fuzzExts = []string{"input.json", "input.yaml", "main.tf"}

// fuzzTimeLimit bounds one input: a hang is a finding, not a stalled fuzzer.
const fuzzTimeLimit = 20 * time.Second

// FuzzLint writes arbitrary bytes to a file and lints it through Run, the
// way the command line does (discovery, reading, detection, parsing,
// evaluation). Invariants: no panic, Run itself succeeds, every error names
// the file (or its directory) and lies within it, and every finding points
// inside the file.
func FuzzLint(f *testing.F) {
	for _, seed := range []string{
		"../../examples/seed-000-bucket-policy.json",
		"../../examples/seed-000-key-policy.json",
		"../../examples/seed-000-lifecycle.json",
		"../../examples/seed-001-terraform/main.tf",
	} {
		data, err := os.ReadFile(seed)
		if err != nil {
			f.Fatal(err)
		}
		for ext := range fuzzExts {
			f.Add(data, uint8(ext))
		}
	}
	for _, s := range []string{
		"AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref B\n      PolicyDocument: {Statement: [{Effect: Allow, Principal: '*', Action: 's3:*', Resource: '*'}]}\n",
		"locals {\n  a = local.b\n  b = local.a\n}\nresource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = local.a\n  policy = file(\"../x\")\n}\n",
		"{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": 1}]}",
		"a: &a [*a]\n",
		"\xff\xfe{\x00}\x00",
		"",
	} {
		for ext := range fuzzExts {
			f.Add([]byte(s), uint8(ext))
		}
	}
	engine := newTestEngine(f)
	f.Fuzz(func(t *testing.T, data []byte, ext uint8) {
		dir := t.TempDir()
		name := fuzzExts[int(ext)%len(fuzzExts)]
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		type outcome struct {
			res *Result
			err error
		}
		done := make(chan outcome, 1)
		go func() {
			res, err := Run(context.Background(), []string{dir}, Options{Engine: engine, Workers: 1})
			done <- outcome{res, err}
		}()
		var res *Result
		select {
		case o := <-done:
			if o.err != nil {
				t.Fatalf("Run: %v", o.err)
			}
			res = o.res
		case <-time.After(fuzzTimeLimit):
			t.Fatalf("Run still busy after %s on %s input %q", fuzzTimeLimit, name, data)
		}
		file := filepath.ToSlash(path)
		lines := strings.Split(string(data), "\n")
		inside := func(line, col int) bool {
			if line == 0 {
				return col == 0 // no position
			}
			if line < 0 || line > len(lines) || col < 0 {
				return false
			}
			return col <= len(lines[line-1])+1
		}
		for _, e := range res.Errors {
			if strings.Contains(e.Message, "internal error") {
				t.Fatalf("panic: %v", e)
			}
			if e.File != file && e.File != filepath.ToSlash(dir) {
				t.Errorf("error names %q, want %q: %v", e.File, file, e)
			}
			if !inside(e.Line, e.Column) {
				t.Errorf("error outside the input (%d lines): %v", len(lines), e)
			}
		}
		for _, fd := range res.Findings {
			if fd.File != file {
				t.Errorf("finding %s names %q, want %q", fd.RuleID, fd.File, file)
			}
			if !inside(fd.Line, fd.Column) || !inside(fd.EndLine, fd.EndColumn) {
				t.Errorf("finding %s at %d:%d-%d:%d outside the input (%d lines)", fd.RuleID, fd.Line, fd.Column, fd.EndLine, fd.EndColumn, len(lines))
			}
		}
		checkErrorsSorted(t, res.Errors)
	})
}

// checkErrorsSorted holds Run to its promise of a deterministic order.
func checkErrorsSorted(t *testing.T, errs []*parse.Error) {
	for i := 1; i < len(errs); i++ {
		a, b := errs[i-1], errs[i]
		if a.File > b.File || (a.File == b.File && a.Line > b.Line) {
			t.Errorf("errors out of order: %v before %v", a, b)
		}
	}
}
