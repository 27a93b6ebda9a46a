package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

var update = flag.Bool("update", os.Getenv("CTLINT_UPDATE") != "", "rewrite the golden files")

// sample is a result that exercises every part of every format: two files,
// several severities, a suppressed finding, an error, a warning, a note,
// and text that needs escaping in each format.
func sample() *Result {
	ct101 := RuleInfo{ID: "CT101", Name: "cloudtrail-source-condition-missing", Title: "CloudTrail may write here on behalf of any trail",
		Description: "A trail in another account could deliver logs to this bucket.", Severity: finding.High,
		Remediation: "Scope the statement to your trail:\n  \"Condition\": {\"StringEquals\": {\"aws:SourceArn\": \"arn:...\"}}",
		HelpURI:     "docs/rules/CT101.md", Frameworks: []string{"CIS-3.3"}}
	ct109 := RuleInfo{ID: "CT109", Name: "insecure-transport-allowed", Title: "Plain HTTP is not denied", Severity: finding.Medium,
		Remediation: "Deny aws:SecureTransport = false.", HelpURI: "docs/rules/CT109.md"}
	ct302 := RuleInfo{ID: "CT302", Name: "lifecycle-missing", Title: "No lifecycle rule", Severity: finding.Low, HelpURI: "docs/rules/CT302.md"}
	f1 := finding.Finding{RuleID: "CT101", RuleName: ct101.Name, Severity: finding.High, Title: ct101.Title,
		Message: `statement "Write, all": lets cloudtrail.amazonaws.com write for 100% of trails`,
		File:    "policies/bucket policy.json", Line: 4, Column: 5, EndLine: 12, EndColumn: 6, Resource: "policies/bucket policy.json",
		Remediation: ct101.Remediation, Fingerprint: "0123456789abcdef0123456789abcdef"}
	f2 := finding.Finding{RuleID: "CT109", RuleName: ct109.Name, Severity: finding.Medium, Message: "no Deny for aws:SecureTransport\nsecond line",
		File: "policies/bucket policy.json", Line: 1, Column: 1, EndLine: 30, EndColumn: 2, Resource: "policies/bucket policy.json",
		Remediation: ct109.Remediation, Fingerprint: "fedcba9876543210fedcba9876543210"}
	f3 := finding.Finding{RuleID: "CT302", RuleName: ct302.Name, Severity: finding.Low, Message: "log bucket logs has no lifecycle <configuration>",
		File: "modules/trail/main.tf", Line: 31, Column: 1, EndLine: 33, EndColumn: 2, Resource: "aws_s3_bucket.logs", Possible: true,
		Fingerprint: "00000000000000001111111111111111"}
	sup := finding.Finding{RuleID: "CT101", RuleName: ct101.Name, Severity: finding.High, Message: `statement "Acl" lets cloudtrail.amazonaws.com read the ACL`,
		File: "modules/trail/main.tf", Line: 40, Column: 3, EndLine: 48, EndColumn: 4, Resource: "aws_s3_bucket_policy.logs",
		Fingerprint: "22222222222222223333333333333333"}
	return &Result{
		Findings:   []finding.Finding{f3, f2, f1},
		Suppressed: []Suppressed{{Finding: sup, Kind: "inline", Reason: "trail in this account only"}},
		Errors: []*parse.Error{
			{File: "broken.yaml", Line: 3, Column: 7, Message: "mapping values are not allowed here"},
			{File: "big.json", Message: "skipped: 20000000 bytes is more than --max-file-size (10485760 bytes)", Warning: true},
		},
		Files:     4,
		FileNames: []string{"modules/trail/main.tf", "policies/bucket policy.json"},
		Rules:     []RuleInfo{ct101, ct109, ct302},
		Notes:     []string{"modules/trail/main.tf:50: unused suppression: ctlint:ignore CT005 matches no finding"},
	}
}

func TestGolden(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			opts := Options{ToolVersion: "v1.2.3", Source: func(string) []byte { return nil }}
			if err := Write(&buf, format, sample(), opts); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", "sample."+format)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update or CTLINT_UPDATE=1 to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s (run with -update to accept):\n%s", format, golden, buf.String())
			}
		})
	}
}

// Every format must render the same result to the same bytes, whatever the
// order it arrives in.
func TestDeterministic(t *testing.T) {
	for _, format := range Formats {
		var a, b bytes.Buffer
		if err := Write(&a, format, sample(), Options{}); err != nil {
			t.Fatal(err)
		}
		for range 5 {
			b.Reset()
			if err := Write(&b, format, sample(), Options{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("%s: output differs between runs", format)
			}
		}
	}
}
