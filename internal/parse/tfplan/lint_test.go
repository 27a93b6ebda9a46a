package tfplan_test

import (
	"context"
	"testing"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/lint"
)

// The plan goes through the real runner: detection, parsing and rules. Its
// bucket policy lets CloudTrail write without aws:SourceArn.
func TestLintPlan(t *testing.T) {
	engine, err := eval.New(context.Background(), eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, file string
		line       int
	}{
		{"testdata/modules.plan.json", "testdata/modules.plan.json", 1},
		{"testdata/withconfig/plan.json", "testdata/withconfig/modules/logs/main.tf", 12},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, err := lint.Run(context.Background(), []string{tt.path}, lint.Options{Engine: engine, Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			if res.HasErrors() {
				t.Fatalf("errors: %v", res.Errors)
			}
			for _, f := range res.Findings {
				if f.RuleID == "CT101" && f.Resource == "module.logs.aws_s3_bucket_policy.this" {
					if f.File != tt.file || f.Line != tt.line {
						t.Errorf("CT101 at %s:%d, want %s:%d", f.File, f.Line, tt.file, tt.line)
					}
					return
				}
			}
			t.Errorf("no CT101 for module.logs.aws_s3_bucket_policy.this; findings: %+v", res.Findings)
		})
	}
}
