package lint

import (
	"context"
	"strings"
	"testing"
)

// An unknown Kind fails the run at once instead of failing every file the
// same way (and linting Terraform directories regardless); every kind in
// Kinds is accepted.
func TestKindIsChecked(t *testing.T) {
	e := sharedEngine(t)
	const policy = "../../examples/seed-000-bucket-policy.json"
	_, err := Run(context.Background(), []string{policy}, Options{Engine: e, Kind: "bogus"})
	if err == nil || !strings.Contains(err.Error(), `unknown input kind "bogus" (want one of terraform, cloudformation, tfplan, bucket-policy,`) {
		t.Fatalf("Run with kind bogus: err = %v", err)
	}
	if _, err := Content(context.Background(), "p.json", []byte(`{}`), Options{Engine: e, Kind: "bogus"}); err == nil || !strings.Contains(err.Error(), `unknown input kind "bogus"`) {
		t.Fatalf("Content with kind bogus: err = %v", err)
	}
	for _, kind := range Kinds {
		if _, err := Run(context.Background(), []string{policy}, Options{Engine: e, Kind: kind}); err != nil {
			t.Errorf("kind %s: %v", kind, err)
		}
	}
}
