package eval

import (
	"context"
	"testing"
)

// TestRegoRules runs every built-in rule's Rego unit tests.
func TestRegoRules(t *testing.T) {
	results, err := RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found")
	}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s (%s): %v", r.Name, r.Location, r.Err)
		} else if r.Failed {
			t.Errorf("%s (%s) failed", r.Name, r.Location)
		}
	}
}
