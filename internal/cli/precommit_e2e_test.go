package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const goodKeyPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EnableRootAccess",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "kms:*",
      "Resource": "*"
    }
  ]
}
`

// TestPreCommitHook installs this checkout's hook with the real pre-commit
// tool into a scratch repository and runs it on a good and a bad file. It
// needs pre-commit on PATH (.ci/run installs it) and the hook file
// committed: pre-commit clones the repository at HEAD.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ctlint through pre-commit; skipped with -short")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed")
	}
	checkout, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	gitOut := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	rev := gitOut(checkout, "rev-parse", "HEAD")
	if exec.Command("git", "-C", checkout, "cat-file", "-e", rev+":.pre-commit-hooks.yaml").Run() != nil {
		t.Fatal(".pre-commit-hooks.yaml is not committed at HEAD: pre-commit clones HEAD")
	}

	repo := t.TempDir()
	gitOut(repo, "init", "-q")
	write(t, filepath.Join(repo, ".pre-commit-config.yaml"), "repos:\n  - repo: "+checkout+"\n    rev: "+rev+"\n    hooks:\n      - id: ctlint\n")
	write(t, filepath.Join(repo, "kms", "key-policy.json"), goodKeyPolicy)
	write(t, filepath.Join(repo, "package.json"), `{"name": "not an input"}`)
	gitOut(repo, "add", ".")

	// Reuse the module and build caches: pre-commit gives the hook its own
	// GOPATH, which would otherwise download every module again.
	env := append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit-home"))
	for _, v := range []string{"GOMODCACHE", "GOCACHE"} {
		if out, err := exec.Command("go", "env", v).Output(); err == nil {
			env = append(env, v+"="+strings.TrimSpace(string(out)))
		}
	}
	preCommit := func() (string, error) {
		cmd := exec.Command("pre-commit", "run", "--all-files", "--color=never")
		cmd.Dir = repo
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := preCommit()
	if err != nil {
		t.Fatalf("good repository: pre-commit failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "ctlint") || !strings.Contains(out, "Passed") {
		t.Errorf("good repository: hook did not run:\n%s", out)
	}

	bad := strings.Replace(goodKeyPolicy, `"kms:*"`, `["kms:*", "kms:DecryptDataKey"]`, 1)
	write(t, filepath.Join(repo, "kms", "key-policy.json"), bad)
	gitOut(repo, "add", ".")
	out, err = preCommit()
	if err == nil {
		t.Fatalf("bad repository: pre-commit passed:\n%s", out)
	}
	if !strings.Contains(out, "Failed") || !strings.Contains(out, "kms/key-policy.json:8:") || !strings.Contains(out, "CT003 unknown-action") {
		t.Errorf("bad repository: output does not name the rule and place:\n%s", out)
	}
}
