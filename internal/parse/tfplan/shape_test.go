package tfplan

import (
	"testing"

	"github.com/ctlint/ctlint/internal/parse"
)

// A plan whose structure has the wrong types used to lint as an empty plan
// and pass; each misshapen member is now an error at its position.
func TestMisshapenPlanIsAnError(t *testing.T) {
	const head = "{\n  \"format_version\": \"1.2\",\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"resources a string", head + "  \"planned_values\": {\"root_module\": {\"resources\": \"x\"}}\n}\n",
			[]string{"plan.json:3:51: invalid Terraform plan: resources must be an array, not a string"}},
		{"resource_changes a number", head + "  \"resource_changes\": 5\n}\n",
			[]string{"plan.json:3:23: invalid Terraform plan: resource_changes must be an array, not a number"}},
		{"planned_values a list", head + "  \"planned_values\": []\n}\n",
			[]string{"plan.json:3:21: invalid Terraform plan: planned_values must be an object, not an array"}},
		{"child_modules an object", head + "  \"planned_values\": {\"root_module\": {\"child_modules\": {}}}\n}\n",
			[]string{"plan.json:3:55: invalid Terraform plan: child_modules must be an array, not an object"}},
		{"nulls are absent members", head + "  \"planned_values\": {\"root_module\": {\"resources\": null}},\n  \"resource_changes\": null\n}\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Parse(parse.File{Path: "plan.json", Data: []byte(tt.src)}, Options{})
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("errors = %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("error %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
