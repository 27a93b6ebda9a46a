package astcodec_test

import (
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/ctlint/ctlint/internal/eval/astcodec"
)

func TestEncodeRefusesUnsupportedNodes(t *testing.T) {
	loc := &ast.Location{File: "x.rego", Row: 7, Col: 3}
	moduleWith := func(x *ast.Expr) *ast.Module {
		x.Location = loc
		m := ast.MustParseModule("package p\n\nr if { true }")
		m.Rules[0].Body = ast.NewBody(x)
		return m
	}
	tests := []struct {
		name string
		expr *ast.Expr
		want string
	}{
		{
			name: "logical and",
			expr: ast.NewExpr(&ast.LogicalAnd{Lhs: ast.NewBody(ast.NewExpr(ast.BooleanTerm(true))), Rhs: ast.NewBody(ast.NewExpr(ast.BooleanTerm(true)))}),
			want: "module bad.rego near x.rego:7:3: unsupported expression *ast.LogicalAnd",
		},
		{
			name: "template string",
			expr: ast.NewExpr(ast.TemplateStringTerm(false, ast.StringTerm("a"))),
			want: "module bad.rego near x.rego:7:3: unsupported term value *ast.TemplateString",
		},
		{
			name: "empty call",
			expr: ast.NewExpr([]*ast.Term{}),
			want: "module bad.rego near x.rego:7:3: empty ref, call or declaration",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			modules := map[string]*ast.Module{
				"bad.rego":  moduleWith(tc.expr),
				"good.rego": ast.MustParseModule("package q\n\ns := 1"),
			}
			_, err := astcodec.Encode(modules)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func TestDecodeRejectsEveryTruncation(t *testing.T) {
	modules := map[string]*ast.Module{
		"a.rego": ast.MustParseModule("package a\n\nimport data.b as c\n\nx contains y if {\n\tsome y in [1, {\"k\": {2}}]\n\tnot c.z with input as {}\n}\n\nf(v) := 1 if v > 1 else := 2\n"),
	}
	data, err := astcodec.Encode(modules)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := astcodec.Decode(data); err != nil {
		t.Fatalf("whole encoding: %v", err)
	}
	for n := range len(data) {
		if got, err := astcodec.Decode(data[:n]); err == nil {
			t.Fatalf("prefix of %d of %d bytes decoded to %d modules", n, len(data), len(got))
		}
	}
	if _, err := astcodec.Decode(append(data[:len(data):len(data)], 0)); err == nil {
		t.Fatal("trailing byte accepted")
	}
}

func TestDecodeRejectsOtherFormats(t *testing.T) {
	good, err := astcodec.Encode(map[string]*ast.Module{"a.rego": ast.MustParseModule("package a")})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"json", []byte(`{"package": {}}`), "bad magic"},
		{"wrong magic", append([]byte("CTAD"), good[4:]...), "bad magic"},
		{"next format", append([]byte("CTAC\x02"), good[5:]...), "format version 2, want 1"},
		{"huge count", []byte("CTAC\x01\xff\xff\xff\xff\x0f"), "exceeds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := astcodec.Decode(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
