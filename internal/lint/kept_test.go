package lint

import (
	"math"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/ctlint/ctlint/internal/finding"
)

func TestKeptFindingsRoundTrip(t *testing.T) {
	full := finding.Finding{
		RuleID: "CT101", RuleName: "cloudtrail-source-condition-missing", Severity: finding.High, Title: "title",
		Message: "message", File: "a/b.tf", Line: 4, Column: 5, EndLine: 12, EndColumn: 6, Resource: "aws_s3_bucket_policy.p",
		Remediation: "do this", Possible: true, ResourceLine: 3, Fingerprint: "0123",
	}
	other := finding.Finding{RuleID: "CT109", Severity: finding.Medium, Message: "m2", File: "a/b.tf", Line: 1}
	tests := []struct {
		name        string
		fs          []finding.Finding
		wantCompact bool
	}{
		{"none", nil, false},
		{"every field set", []finding.Finding{full, other}, true},
		{"zero finding", []finding.Finding{{}}, true},
		{"32-bit extremes", []finding.Finding{{Line: math.MaxInt32, Column: math.MinInt32, EndLine: -1, Severity: -3}}, true},
		{"a line past 32 bits keeps the scope as is", []finding.Finding{full, {Line: math.MaxInt32 + 1}}, false},
		{"an end column past 32 bits", []finding.Finding{{EndColumn: math.MinInt32 - 1}, other}, false},
		{"a resource line past 32 bits", []finding.Finding{{ResourceLine: 1 << 40}}, false},
		{"an unknown severity past 8 bits", []finding.Finding{{Severity: 300}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var texts ruleTexts
			kept := texts.keep(tt.fs)
			if got := len(kept.compact) > 0; got != tt.wantCompact {
				t.Errorf("compact: %v, want %v", got, tt.wantCompact)
			}
			if kept.len() != len(tt.fs) {
				t.Errorf("len %d, want %d", kept.len(), len(tt.fs))
			}
			prefix := []finding.Finding{other}
			got := kept.appendTo(slices.Clone(prefix))
			if want := append(prefix, tt.fs...); !slices.Equal(got, want) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// Scopes share the texts of their rules.
func TestKeptFindingsShareRuleTexts(t *testing.T) {
	var texts ruleTexts
	f := finding.Finding{RuleID: "CT101", RuleName: "n", Title: "t", Remediation: "r"}
	g := f
	g.Remediation = "another text for the same rule ID (a custom rule)"
	a := texts.keep([]finding.Finding{f, g})
	b := texts.keep([]finding.Finding{f})
	if a.compact[0].rule != b.compact[0].rule {
		t.Error("two scopes' findings of one rule do not share its texts")
	}
	if a.compact[0].rule == a.compact[1].rule {
		t.Error("findings with different rule texts share them")
	}
}

// keptFinding must carry every field of finding.Finding, or the findings
// that come out of a run lose what the rules put in: a field added to
// finding.Finding must be added to keptFinding too (and this list).
func TestKeptFindingHasEveryField(t *testing.T) {
	want := []string{"RuleID", "RuleName", "Severity", "Title", "Message", "File", "Line", "Column", "EndLine",
		"EndColumn", "Resource", "Remediation", "Possible", "ResourceLine", "Fingerprint"}
	var got []string
	for f := range reflect.TypeFor[finding.Finding]().Fields() {
		got = append(got, f.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("finding.Finding has fields %v; keptFinding carries %v: update kept.go", got, want)
	}
	if kept, full := unsafe.Sizeof(keptFinding{}), unsafe.Sizeof(finding.Finding{}); kept > full*6/10 {
		t.Errorf("keptFinding is %d bytes, finding.Finding %d: keeping findings saves too little to be worth it", kept, full)
	}
}
