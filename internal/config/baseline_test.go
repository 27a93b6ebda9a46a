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
