package terraform

import (
	"testing"
)

// Each expression is evaluated as a bucket name; markers must pass through
// string functions and never turn into a guessed answer.
func TestFunctions(t *testing.T) {
	tests := []struct {
		expr  string
		want  string
		known bool
	}{
		{`format("%s-logs", var.unknown)`, "«var.unknown»-logs", false},
		{`lower("A-${var.unknown}")`, "a-«var.unknown»", false},
		{`replace("a.b.c", "/[.]/", "-")`, "a-b-c", true},
		{`replace("a.b", ".", "")`, "ab", true},
		{`join("/", concat(["a"], ["b"]))`, "a/b", true},
		{`startswith("arn:aws", "arn") ? "yes" : "no"`, "yes", true},
		{`startswith(var.unknown, "arn") ? "yes" : "no"`, `«startswith(var.unknown, "arn") ? "yes" : "no"»`, false},
		{`base64decode(base64encode("x"))`, "x", true},
		{`try(var.obj.missing, "fallback")`, "fallback", true},
		{`lookup({ a = "1" }, "a", "0")`, "1", true},
		{`element(split(",", "x,y"), 1)`, "y", true},
		{`tostring(length([1, 2, 3]))`, "3", true},
		{`one(["only"])`, "only", true},
		{`timestamp()`, "«timestamp()»", false},
		{`coalesce("", "second")`, "second", true},
		{`jsonencode({ a = var.unknown })`, `{"a":"«var.unknown»"}`, false},
		{`substr("abcdef", 1, 3)`, "bcd", true},
		{`join(",", [for i in range(3) : tostring(i)])`, "0,1,2", true},
		{`join(",", range(100000000))`, `«join(",", range(100000000))»`, false},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			doc := mustParseMap(t, map[string]string{"main.tf": `
variable "unknown" {}
variable "obj" { default = {} }
resource "aws_s3_bucket" "b" {
  bucket = ` + tt.expr + `
}
`})
			n := doc.Buckets[0].Name
			if n.String() != tt.want || n.Known != tt.known {
				t.Errorf("got %q known=%v, want %q known=%v", n.String(), n.Known, tt.want, tt.known)
			}
		})
	}
}
