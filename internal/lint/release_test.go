package lint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/parse"
)

const releaseTestPolicy = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
  "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject",
  "Resource": "arn:aws:s3:::logs/AWSLogs/*"}]}`

// A directory walk keeps the kind of each file it detected, not its content.
func TestDiscoveryKeepsNoContent(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("policy.json", []byte(releaseTestPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &runner{opts: Options{MaxFileSize: DefaultMaxFileSize, Stdin: strings.NewReader(releaseTestPolicy)}}
	scopes, errs := r.discover([]string{".", "-"})
	if len(errs) != 0 || len(scopes) != 2 {
		t.Fatalf("got %d scopes, errors %v; want 2, none", len(scopes), errs)
	}
	for _, sc := range scopes {
		switch sc.file.Path {
		case "policy.json":
			if sc.kind != kindPolicyJSON || sc.file.Data != nil {
				t.Errorf("walked file: kind %q, %d bytes held; want %q, content dropped", sc.kind, len(sc.file.Data), kindPolicyJSON)
			}
		case stdinName:
			if string(sc.file.Data) != releaseTestPolicy {
				t.Errorf("standard input: %q held, want its content (it cannot be read again)", sc.file.Data)
			}
		default:
			t.Errorf("unexpected scope %q", sc.file.Path)
		}
	}
}

func TestLoadReadsContentAgain(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "policy.json")
	name := filepath.ToSlash(p)
	tests := []struct {
		name    string
		content string // "" : no file
		max     int64
		want    string
		wantErr string
		warning bool
	}{
		{name: "read again", content: releaseTestPolicy, max: DefaultMaxFileSize, want: releaseTestPolicy},
		{name: "exactly the limit", content: "12345", max: 5, want: "12345"},
		{name: "empty", content: "\x00", max: 5, want: ""},
		{name: "grew past the limit", content: "123456", max: 5, warning: true,
			wantErr: "skipped: the file grew to more than --max-file-size (5 bytes) while ctlint ran"},
		{name: "removed", max: 5, wantErr: "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(p)
			switch tt.content {
			case "":
			case "\x00":
				if err := os.WriteFile(p, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			default:
				if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			sc := &scope{kind: kindPolicyJSON, file: &parse.File{Path: name}, unread: true}
			err := sc.load(tt.max)
			if tt.wantErr != "" {
				if err == nil || err.Message != tt.wantErr || err.File != name || err.Warning != tt.warning {
					t.Fatalf("got error %+v, want %q on %s (warning %v)", err, tt.wantErr, name, tt.warning)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if sc.file.Data == nil || string(sc.file.Data) != tt.want {
				t.Errorf("loaded %q (nil: %v), want %q", sc.file.Data, sc.file.Data == nil, tt.want)
			}
			sc.release()
			if sc.file.Data != nil {
				t.Error("release kept the content")
			}
		})
	}
}

// Linting a walked file reads it again and finds what is in it.
func TestWalkedFileIsLinted(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("policy.json", []byte(releaseTestPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), []string{"."}, Options{Engine: sharedEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 0 || len(res.Findings) == 0 {
		t.Fatalf("errors %v, %d findings; want none, some", res.Errors, len(res.Findings))
	}
	for _, f := range res.Findings {
		if f.File != "policy.json" {
			t.Errorf("finding in %q, want policy.json", f.File)
		}
	}
}

// Content that did not come from a walk is never looked for on disk, even
// when it is empty and named after a file: ctlint serve names posted content
// as its client says.
func TestEmptyContentIsNotReadFromDisk(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("policy.json", []byte(releaseTestPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	sc := &scope{kind: kindPolicyJSON, file: &parse.File{Path: "policy.json"}}
	if err := sc.load(DefaultMaxFileSize); err != nil || sc.file.Data != nil {
		t.Errorf("load read %q (error %v) for a scope that was never dropped", sc.file.Data, err)
	}
	res, err := Content(context.Background(), "policy.json", nil, Options{Engine: sharedEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("empty content named policy.json: %d findings, want none (the file on disk must not be read)", len(res.Findings))
	}
}
