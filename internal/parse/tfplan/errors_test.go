package tfplan

import (
	"os"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/parse"
)

func TestParseErrors(t *testing.T) {
	full, err := os.ReadFile("testdata/unknown.plan.json")
	if err != nil {
		t.Fatal(err)
	}
	truncated := full[:strings.Index(string(full), `"resource_changes"`)]
	tests := []struct {
		name       string
		data       string
		line, col  int
		msgContain string
	}{
		{"truncated plan", string(truncated), 138, 3, "invalid Terraform plan JSON: unexpected end of input"},
		{"major version 2", "{\n  \"format_version\": \"2.0\",\n  \"planned_values\": {}\n}", 2, 21, `unsupported Terraform JSON format_version "2.0": ctlint reads versions 0.x and 1.x`},
		{"version not a string", `{"format_version": 1.2, "planned_values": {}}`, 1, 20, "format_version must be a string"},
		{"no format_version", `{"planned_values": {}}`, 1, 1, "no format_version"},
		{"not an object", `["format_version"]`, 1, 1, "expected a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, errs := Parse(parse.File{Path: "plan.json", Data: []byte(tt.data)}, Options{})
			if doc != nil {
				t.Errorf("document returned for unreadable input")
			}
			if len(errs) != 1 {
				t.Fatalf("errors = %v, want one", errs)
			}
			e := errs[0]
			if e.File != "plan.json" || e.Line != tt.line || e.Column != tt.col || !strings.Contains(e.Message, tt.msgContain) {
				t.Errorf("error = %s (line %d col %d), want plan.json:%d:%d containing %q", e, e.Line, e.Column, tt.line, tt.col, tt.msgContain)
			}
		})
	}
}

// A policy string that is not JSON is a CT001 problem at the plan
// position of the defect, not a parse failure of the plan.
func TestInvalidPolicyString(t *testing.T) {
	data := `{"format_version":"1.2","planned_values":{"root_module":{"resources":[` +
		`{"address":"aws_s3_bucket_policy.p","mode":"managed","type":"aws_s3_bucket_policy","name":"p","values":{"bucket":"b","policy":"{\"Version\":}"}}]}}}`
	doc, errs := Parse(parse.File{Path: "plan.json", Data: []byte(data)}, Options{})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	pol := doc.BucketPolicies[0].Policy
	if len(pol.Problems) != 1 || !strings.Contains(pol.Problems[0].Message, "not valid JSON") {
		t.Fatalf("problems = %+v", pol.Problems)
	}
	if r := pol.Problems[0].Range; r.Line != 1 || r.Column != 211 {
		t.Errorf("problem at %d:%d, want 1:211 (the closing brace after the colon)", r.Line, r.Column)
	}
	if data[210] != '}' {
		t.Fatalf("fixture moved: byte 211 is %q", data[210])
	}
}
