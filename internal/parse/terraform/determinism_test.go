package terraform

import (
	"encoding/json"
	"fmt"
	"testing"
)

// The document and the errors must not depend on map iteration order.
func TestDeterministic(t *testing.T) {
	files := map[string]string{
		"main.tf": splitConfig + `
locals {
  a = local.b
  b = local.a
  c = local.d
  d = local.c
}
resource "aws_s3_bucket" "many" {
  for_each = { z = 1, a = 2, m = 3 }
  bucket   = "${local.a}-${local.c}-${each.key}-${file("/x")}-${file("../y")}"
}
`,
	}
	render := func() string {
		doc, errs := parseMap(t, files, Options{})
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(string(b), errs)
	}
	first := render()
	for range 20 {
		if got := render(); got != first {
			t.Fatalf("output differs between runs:\n%s\n%s", first, got)
		}
	}
}
