package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*"]}]}`,
		"{\r\n \"a\": [1, -2.5e-3, true, false, null, \"\\u00e9\\n\"]\r\n}",
		`{"a": 1, "a": 2}`,
		`"\ud83d\ude00 \ud800"`,
		"\xEF\xBB\xBF[]",
		`[[[[{"x": {}}]]]]`,
		`{"Policy": "{\"Statement\": []}"}`,
		`01`, `1.`, `{"a" 1}`, `[1,]`, "\x00", "\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := NewLines(data)
		res, err := Parse("f.json", data)
		if err != nil {
			var perr *parse.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %T, want *parse.Error", err)
			}
			checkPosition(t, lines, perr.Line, perr.Column)
		}
		comparable := utf8.Valid(data) && !bytes.HasPrefix(data, utf8BOM) && depth(data) <= parse.MaxDepth
		if comparable && json.Valid(data) != (err == nil) {
			t.Fatalf("encoding/json valid = %v, Parse error = %v", json.Valid(data), err)
		}
		if err != nil {
			return
		}
		tree.Walk(res.Root, func(n *tree.Node) {
			checkRange(t, lines, n.Range)
			for _, k := range n.Keys {
				checkRange(t, lines, k.KeyRange)
			}
		})
		for _, d := range res.Duplicates {
			checkRange(t, lines, d.Range)
			checkRange(t, lines, d.First)
		}
		if !comparable {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		if got := plain(res.Root); !reflect.DeepEqual(got, want) {
			t.Fatalf("value mismatch:\n got %#v\nwant %#v", got, want)
		}
	})
}

// plain converts a node to what encoding/json decodes (with UseNumber):
// for duplicate keys the last member wins, as there.
func plain(n *tree.Node) any {
	switch n.Kind {
	case tree.Null:
		return nil
	case tree.Bool:
		return n.Text == "true"
	case tree.Number:
		return json.Number(n.Text)
	case tree.String:
		return n.Text
	case tree.Array:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = plain(it)
		}
		return out
	}
	out := map[string]any{}
	for _, f := range n.Keys {
		out[f.Key] = plain(f.Value)
	}
	return out
}

// depth is an upper bound of the nesting depth of data.
func depth(data []byte) int {
	d, most := 0, 0
	for _, c := range data {
		switch c {
		case '[', '{':
			d++
			most = max(most, d)
		case ']', '}':
			d--
		}
	}
	return most
}

func checkRange(t *testing.T, lines *Lines, r model.Range) {
	t.Helper()
	if r.File != "f.json" {
		t.Fatalf("range file %q", r.File)
	}
	checkPosition(t, lines, r.Line, r.Column)
	checkPosition(t, lines, r.EndLine, r.EndColumn)
	if r.EndLine < r.Line || (r.EndLine == r.Line && r.EndColumn <= r.Column) {
		t.Fatalf("empty or inverted range %+v", r)
	}
}

func checkPosition(t *testing.T, lines *Lines, line, col int) {
	t.Helper()
	if _, ok := lines.Offset(line, col); !ok {
		t.Fatalf("position %d:%d outside the input", line, col)
	}
}
