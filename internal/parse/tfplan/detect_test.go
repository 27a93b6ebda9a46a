package tfplan

import (
	"os"
	"testing"
)

func TestDetect(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"plan with modules", read("testdata/modules.plan.json"), true},
		{"plan with unknowns", read("testdata/unknown.plan.json"), true},
		{"state", read("testdata/state.json"), true},
		{"plan without changes", `{"format_version":"1.2","planned_values":{"root_module":{}}}`, true},
		{"resource changes only", "\ufeff\n {\"format_version\": \"1.0\", \"resource_changes\": []}", true},
		{"CloudFormation template", `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"B":{"Type":"AWS::S3::Bucket"}}}`, false},
		{"raw policy", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`, false},
		{"package.json", `{"name":"app","version":"1.0.0","scripts":{"plan":"terraform plan"}}`, false},
		{"plan named only inside a string", `{"format_version":"1.0","note":"{\"planned_values\": 1}"}`, false},
		{"state without values", `{"format_version":"1.0","terraform_version":"1.9.0"}`, false},
		{"JSON array", `[{"format_version":"1.0","planned_values":{}}]`, false},
		{"empty", ``, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.data)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}
