package terraform

import (
	"strings"
	"testing"
)

// 100,000 nested brackets overflowed the HCL parser's stack and killed the
// process; they must be an error at the bracket past the limit.
func TestTooDeep(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	tests := []struct {
		name      string
		src       string
		line, col int
		deep      bool
	}{
		// "locals {" is level 1, so the first "[" (column 7) is level 2.
		{"100,000 nested brackets", "locals {\n  x = " + deep + "\n}\n", 2, 7 + maxSourceNesting - 1, true},
		{"brackets in strings and comments", "# " + deep + "\nx = \"" + deep + "\" // " + deep + "\n", 0, 0, false},
		{"escaped quote", `x = "\"` + deep + `"`, 0, 0, false},
		{"balanced nesting at the limit", strings.Repeat("[", maxSourceNesting) + strings.Repeat("]", maxSourceNesting), 0, 0, false},
	}
	for _, tt := range tests {
		line, col, deep := tooDeep([]byte(tt.src))
		if line != tt.line || col != tt.col || deep != tt.deep {
			t.Errorf("%s: tooDeep = %d, %d, %t; want %d, %d, %t", tt.name, line, col, deep, tt.line, tt.col, tt.deep)
		}
	}
}
