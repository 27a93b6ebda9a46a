package config

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ctlint/ctlint/internal/finding"
)

func TestFingerprintIgnoresPosition(t *testing.T) {
	a := finding.Finding{RuleID: "CT101", File: "p.json", Resource: "p.json", Message: `statement "Write" lets cloudtrail write`, Line: 4, Column: 5}
	b := a
	b.Line, b.Column, b.EndLine = 40, 9, 52
	if Fingerprint(a) != Fingerprint(b) {
		t.Error("fingerprint changed with the position")
	}
	c := a
	c.Message = `statement "Other" lets cloudtrail write`
	if Fingerprint(a) == Fingerprint(c) {
		t.Error("fingerprint did not change with the content")
	}
	d := a
	d.Message += " (see p.json:4:5)"
	e := a
	e.Message += " (see p.json:9:5)"
	if Fingerprint(d) != Fingerprint(e) {
		t.Error("positions quoted in messages change the fingerprint")
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	old := []finding.Finding{
		{RuleID: "CT101", File: "p.json", Resource: "p.json", Message: `statement "A"`, Line: 4},
		{RuleID: "CT005", File: "p.json", Resource: "p.json", Message: "duplicate", Line: 10},
		{RuleID: "CT005", File: "p.json", Resource: "p.json", Message: "duplicate", Line: 20},
	}
	var buf bytes.Buffer
	if err := NewBaseline(old).Write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) != 2 || b.Findings[0].RuleID != "CT005" || b.Findings[0].Count != 2 {
		t.Fatalf("baseline = %+v", b.Findings)
	}
	// A new statement above moves the old findings down; a third duplicate
	// appears.
	now := []finding.Finding{
		{RuleID: "CT101", File: "p.json", Resource: "p.json", Message: `statement "New"`, Line: 4},
		{RuleID: "CT101", File: "p.json", Resource: "p.json", Message: `statement "A"`, Line: 14},
		{RuleID: "CT005", File: "p.json", Resource: "p.json", Message: "duplicate", Line: 20},
		{RuleID: "CT005", File: "p.json", Resource: "p.json", Message: "duplicate", Line: 30},
		{RuleID: "CT005", File: "p.json", Resource: "p.json", Message: "duplicate", Line: 40},
	}
	fresh, known := b.Apply(now)
	if want := []finding.Finding{now[0], now[4]}; !reflect.DeepEqual(fresh, want) {
		t.Errorf("fresh = %+v", fresh)
	}
	if len(known) != 3 || known[0].Kind != KindBaseline {
		t.Errorf("known = %+v", known)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"version.json": `{"version": 2, "findings": []}`,
		"unknown.json": `{"version": 1, "findings": [], "extra": 1}`,
		"broken.json":  `{"version": 1,`,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadBaseline(p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// withoutPositions skips the regular expression only for messages it
// cannot match: the result is always what the expression alone gives, so
// fingerprints (and the baselines holding them) do not change.
func FuzzWithoutPositions(f *testing.F) {
	for _, s := range []string{
		"",
		"statement at main.tf:12:5 allows s3:GetObject",
		"arn:aws:iam::111122223333:root may delete logs",
		"see line 12, column 4",
		"trailing colon:",
		"a:b:c:9",
		"::1",
		"pipeline 7 and columns 3",
		"x:12:34y z:5_",
		"the trail's region (${AWS::Region}) is not known offline",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		if got, want := withoutPositions(msg), positions.ReplaceAllString(msg, ""); got != want {
			t.Fatalf("withoutPositions(%q) = %q, want %q", msg, got, want)
		}
	})
}

func BenchmarkFingerprint(b *testing.B) {
	fs := []finding.Finding{
		{RuleID: "CT101", File: "main.tf", Resource: "aws_s3_bucket_policy.logs", Message: "statement \"AWSCloudTrailWrite\" lets cloudtrail.amazonaws.com write to the bucket for any trail: add an aws:SourceArn condition naming the trail"},
		{RuleID: "CT105", File: "main.tf", Resource: "aws_cloudtrail.main", Message: "the bucket policy does not let trail arn:aws:cloudtrail:us-east-1:111122223333:trail/main deliver its logs"},
	}
	for b.Loop() {
		for _, f := range fs {
			Fingerprint(f)
		}
	}
}
