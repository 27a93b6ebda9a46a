package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A policy far larger than AWS accepts is read only in part (CT006 and
// CT001 say so). The statements read are a prefix: one not read may deny
// what they allow, so no rule judges what the policy allows or denies.
// (Before, CT109 reported "no Deny for unencrypted uploads" and CT110 each
// public statement of a policy whose Deny was never read.)
func TestTruncatedPolicyIsNotJudged(t *testing.T) {
	allow := `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*"}`
	deny := `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::logs/*"}`
	src := `{"Version":"2012-10-17","Statement":[` + strings.Repeat(allow+",", 100000) + deny + `]}`
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bucket-policy.json"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, errOut := run(t, "lint", "-f", "json", "bucket-policy.json")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	var rep struct {
		Findings []struct {
			RuleID  string `json:"rule_id"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
			Message string `json:"message"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.RuleID)
	}
	if want := []string{"CT006", "CT001"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("findings %v, want %v", got, want)
	}
	if msg := rep.Findings[1].Message; !strings.Contains(msg, "only the first 720 of 100001 statements are checked") {
		t.Errorf("CT001 message %q does not say how much was read", msg)
	}
}
