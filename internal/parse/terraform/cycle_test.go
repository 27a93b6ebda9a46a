package terraform

import (
	"testing"
)

// A policy read from locals that refer to each other used to end only as an
// unresolved policy (CT007); the cycle is an error at the locals, as it is
// for any other use of them.
func TestPolicyFromCircularLocalsReportsTheCycle(t *testing.T) {
	doc, errs := parseMap(t, map[string]string{"main.tf": `locals {
  a = local.b
  b = local.a
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = "logs"
  policy = local.a
}
`}, Options{})
	want := []string{
		"main.tf:2:3: local values refer to each other in a cycle: local.a -> local.b -> local.a",
		"main.tf:3:3: local values refer to each other in a cycle: local.a -> local.b -> local.a",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want %q", errs, want)
	}
	for i, e := range errs {
		if e.Error() != want[i] {
			t.Errorf("error %d = %q, want %q", i, e.Error(), want[i])
		}
	}
	if len(doc.BucketPolicies) != 1 || doc.BucketPolicies[0].Policy.Unresolved == "" {
		t.Errorf("the policy must stay unresolved: %+v", doc.BucketPolicies)
	}
}
