package jsonpos

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

func rng(l, c, el, ec int) model.Range {
	return model.Range{File: "p.json", Line: l, Column: c, EndLine: el, EndColumn: ec}
}

func TestParseRanges(t *testing.T) {
	src := "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"N\": -1.5e3, \"B\": true, \"Z\": null}\n  ]\n}\n"
	res, err := Parse("p.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	root := res.Root
	if root.Kind != tree.Object || root.Range != rng(1, 1, 6, 2) {
		t.Fatalf("root = %v %+v", root.Kind, root.Range)
	}
	ver := root.Field("Version")
	if ver.KeyRange != rng(2, 3, 2, 12) || ver.Value.Range != rng(2, 14, 2, 26) || ver.Value.Text != "2012-10-17" {
		t.Errorf("Version: key %+v value %+v %q", ver.KeyRange, ver.Value.Range, ver.Value.Text)
	}
	st := root.Get("Statement")
	if st.Kind != tree.Array || st.Range != rng(3, 16, 5, 4) {
		t.Errorf("Statement = %v %+v", st.Kind, st.Range)
	}
	s0 := st.Items[0]
	if s0.Range != rng(4, 5, 4, 59) {
		t.Errorf("statement range %+v", s0.Range)
	}
	want := []struct {
		key  string
		kind tree.Kind
		text string
		r    model.Range
	}{
		{"Effect", tree.String, "Allow", rng(4, 16, 4, 23)},
		{"N", tree.Number, "-1.5e3", rng(4, 30, 4, 36)},
		{"B", tree.Bool, "true", rng(4, 43, 4, 47)},
		{"Z", tree.Null, "null", rng(4, 54, 4, 58)},
	}
	for i, w := range want {
		f := s0.Keys[i]
		if f.Key != w.key || f.Value.Kind != w.kind || f.Value.Text != w.text || f.Value.Range != w.r {
			t.Errorf("member %d = %q %v %q %+v, want %+v", i, f.Key, f.Value.Kind, f.Value.Text, f.Value.Range, w)
		}
	}
	if len(res.Duplicates) != 0 {
		t.Errorf("duplicates = %+v", res.Duplicates)
	}
}

func TestParseScalars(t *testing.T) {
	tests := []struct {
		src  string
		kind tree.Kind
		text string
	}{
		{`1e30`, tree.Number, "1e30"},
		{`-0`, tree.Number, "-0"},
		{`0.5E+2`, tree.Number, "0.5E+2"},
		{`"a\"b\\c\/d\n\t\u00e9\ud83d\ude00"`, tree.String, "a\"b\\c/d\n\té😀"},
		{`"\ud800x"`, tree.String, "\uFFFDx"},
		{`"\u0000"`, tree.String, "\x00"},
		{` false `, tree.Bool, "false"},
		{"\xEF\xBB\xBF\"bom\"", tree.String, "bom"},
	}
	for _, tt := range tests {
		res, err := Parse("p.json", []byte(tt.src))
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if res.Root.Kind != tt.kind || res.Root.Text != tt.text {
			t.Errorf("%q = %v %q, want %v %q", tt.src, res.Root.Kind, res.Root.Text, tt.kind, tt.text)
		}
	}
}

func TestParseBOMAndCRLFPositions(t *testing.T) {
	src := "\xEF\xBB\xBF{\r\n  \"a\": 1,\r\n  \"b\": [2]\r\n}\r\n"
	res, err := Parse("p.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// Columns count bytes, the BOM included.
	if res.Root.Range != rng(1, 4, 4, 2) {
		t.Errorf("root %+v", res.Root.Range)
	}
	if r := res.Root.Field("b").KeyRange; r != rng(3, 3, 3, 6) {
		t.Errorf("b key %+v", r)
	}
	if r := res.Root.Get("b").Items[0].Range; r != rng(3, 9, 3, 10) {
		t.Errorf("b[0] %+v", r)
	}
}

func TestParseDuplicates(t *testing.T) {
	src := "{\"Effect\": \"Allow\",\n \"Effect\": \"Deny\"}"
	res, err := Parse("p.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Duplicate{{Key: "Effect", Range: rng(2, 2, 2, 10), First: rng(1, 2, 1, 10)}}
	if len(res.Duplicates) != 1 || res.Duplicates[0] != want[0] {
		t.Errorf("duplicates = %+v, want %+v", res.Duplicates, want)
	}
	if len(res.Root.Keys) != 2 || res.Root.Get("Effect").Text != "Allow" {
		t.Errorf("both members must be kept, Get returning the first")
	}
}

func TestParseDuplicatesLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&b, `"k%02d": 1, `, i)
	}
	b.WriteString(`"k02": 2, "kZ": 3, "kZ": 4}`)
	res, err := Parse("p.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, d := range res.Duplicates {
		keys = append(keys, d.Key)
	}
	if strings.Join(keys, ",") != "k02,kZ" {
		t.Errorf("duplicates = %v", keys)
	}
	if res.Duplicates[0].First != rng(1, 22, 1, 27) {
		t.Errorf("first k02 at %+v", res.Duplicates[0].First)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"empty", "", 1, 1, "empty file: expected a JSON value"},
		{"white space", " \n ", 2, 2, "empty file: expected a JSON value"},
		{"unclosed object", "{\n  \"a\": {\n    \"b\": 1\n", 4, 1, "unexpected end of input: object opened at 2:8 is not closed"},
		{"unclosed array", "[1,", 1, 4, "unexpected end of input: array opened at 1:1 is not closed"},
		{"unclosed string", "{\"a\": \"bc", 1, 10, "unexpected end of input: string opened at 1:7 is not closed"},
		{"missing colon", "{\"a\" x}", 1, 6, `invalid character 'x' after object key "a" (expected ':')`},
		{"missing comma", "{\"a\": 1 \"b\": 2}", 1, 9, `invalid character '"' after object member "a" (expected ',' or '}')`},
		{"trailing comma", "{\"a\": 1,}", 1, 9, "invalid character '}' looking for the beginning of an object key string"},
		{"array trailing comma", "[1,]", 1, 4, "invalid character ']' looking for the beginning of a value"},
		{"single quotes", "{'a': 1}", 1, 2, "invalid character ''' looking for the beginning of an object key string"},
		{"comment", "// x\n{}", 1, 1, "invalid character '/' looking for the beginning of a value"},
		{"trailing data", "{} {}", 1, 4, "invalid character '{' after the top-level value"},
		{"leading zero", "01", 1, 2, "invalid character '1' after the top-level value"},
		{"bad fraction", "1.", 1, 3, "invalid character end of input after decimal point in number"},
		{"bad exponent", "1e+x", 1, 4, "invalid character 'x' in exponent of number"},
		{"minus alone", "-", 1, 2, "invalid character end of input in number (expected a digit)"},
		{"bad literal", "[tru]", 1, 5, "invalid character ']' in literal true"},
		{"raw newline in string", "\"a\nb\"", 1, 3, `invalid control character '\n' in string literal (escape it)`},
		{"bad escape", `"\x"`, 1, 2, `invalid escape sequence \x in string literal`},
		{"bad unicode escape", `"\u12G4"`, 1, 2, `invalid \u escape in string literal: want four hexadecimal digits`},
		{"utf16 le bom", "\xFF\xFE{\x00}\x00", 1, 1, "UTF-16 is not supported; save the file as UTF-8"},
		{"utf16 be no bom", "\x00{\x00}", 1, 1, "UTF-16 is not supported; save the file as UTF-8"},
		{"nul", "{\"a\":\n 1\x00}", 2, 3, "NUL byte: this is binary data, not JSON text"},
		{"invalid utf8", "{\"a\": \"\xff\"}", 1, 8, "invalid UTF-8 byte 0xff: the file must be UTF-8 text"},
		{"depth", strings.Repeat("[", 300), 1, 257, "array nested deeper than 256 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.json", []byte(tt.src))
			var perr *parse.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error = %v (%T), want *parse.Error", err, err)
			}
			if perr.File != "p.json" || perr.Line != tt.line || perr.Column != tt.col || perr.Message != tt.msg {
				t.Errorf("error = %d:%d %q, want %d:%d %q", perr.Line, perr.Column, perr.Message, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestParseDeepNestingIsFast(t *testing.T) {
	src := []byte(strings.Repeat("[", 100000))
	start := time.Now()
	if _, err := Parse("p.json", src); err == nil {
		t.Fatal("want an error")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

func TestParseStringMapsIntoOuterFile(t *testing.T) {
	// The AWS CLI's get-bucket-policy output: the policy is a string.
	src := "{\n    \"Policy\": \"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"caf\\u00e9\\\",\\\"Effect\\\":\\\"Allow\\\"}]}\"\n}\n"
	outer, err := Parse("p.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lit := outer.Root.Get("Policy")
	res, err := ParseString("p.json", []byte(src), lit.Range)
	if err != nil {
		t.Fatal(err)
	}
	// The policy opens at column 16 (after the quote at 15) and its closing
	// brace is the byte before the closing quote.
	if want := rng(2, 16, 2, lit.Range.EndColumn-1); res.Root.Range != want {
		t.Errorf("root %+v, want %+v", res.Root.Range, want)
	}
	st := res.Root.Get("Statement").Items[0]
	line := strings.Split(src, "\n")[1]
	sid := st.Field("Sid")
	keyCol := strings.Index(line, `\"Sid\"`) + 1
	if sid.KeyRange != rng(2, keyCol, 2, keyCol+7) {
		t.Errorf("Sid key %+v, want column %d..%d", sid.KeyRange, keyCol, keyCol+7)
	}
	valCol := strings.Index(line, `\"caf`) + 1
	if sid.Value.Text != "café" || sid.Value.Range != rng(2, valCol, 2, valCol+len(`\"caf\u00e9\"`)) {
		t.Errorf("Sid value %q %+v, want column %d", sid.Value.Text, sid.Value.Range, valCol)
	}
	effCol := strings.Index(line, `\"Allow\"`) + 1
	if r := st.Get("Effect").Range; r != rng(2, effCol, 2, effCol+len(`\"Allow\"`)) {
		t.Errorf("Effect %+v, want column %d", r, effCol)
	}
}

func TestParseStringErrorPosition(t *testing.T) {
	src := "{\"Policy\": \"{\\\"Version\\\" 1}\"}"
	outer, err := Parse("p.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseString("p.json", []byte(src), outer.Root.Get("Policy").Range)
	var perr *parse.Error
	if !errors.As(err, &perr) {
		t.Fatalf("error = %v", err)
	}
	col := strings.Index(src, " 1}") + 2
	if perr.Line != 1 || perr.Column != col || !strings.Contains(perr.Message, `after object key "Version"`) {
		t.Errorf("error = %v, want column %d", perr, col)
	}
}

func TestParseAtShiftsPositions(t *testing.T) {
	// A heredoc body copied verbatim from line 3 of a Terraform file.
	outer := "resource \"x\" \"y\" {\n  policy = <<EOF\n{\"Effect\":\n  \"Deny\"}\nEOF\n}\n"
	base := strings.Index(outer, "{\"Effect\"")
	body := outer[base:strings.Index(outer, "\nEOF")]
	res, err := ParseAt("main.tf", []byte(body), NewLines([]byte(outer)).At(base))
	if err != nil {
		t.Fatal(err)
	}
	want := model.Range{File: "main.tf", Line: 4, Column: 3, EndLine: 4, EndColumn: 9}
	if r := res.Root.Get("Effect").Range; r != want {
		t.Errorf("Effect %+v, want %+v", r, want)
	}
}

func TestLinesOffset(t *testing.T) {
	l := NewLines([]byte("ab\ncd\n"))
	tests := []struct {
		line, col, off int
		ok             bool
	}{
		{1, 1, 0, true}, {1, 3, 2, true}, {1, 4, 0, false}, {2, 2, 4, true}, {3, 1, 6, true}, {4, 1, 0, false}, {0, 1, 0, false},
	}
	for _, tt := range tests {
		off, ok := l.Offset(tt.line, tt.col)
		if ok != tt.ok || (ok && off != tt.off) {
			t.Errorf("Offset(%d, %d) = %d, %v; want %d, %v", tt.line, tt.col, off, ok, tt.off, tt.ok)
		}
	}
	if line, col := l.Position(4); line != 2 || col != 2 {
		t.Errorf("Position(4) = %d:%d", line, col)
	}
}
