package policyjson

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"Statement": {"Effect": "Allow", "Action": "kms:*", "Condition": {"Bool": {"a": [true, 1]}}}}`))
	f.Add([]byte(`{"Rules": [{"Status": 5, "Filter": {"And": {"Tags": [{}]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(parse.File{Path: "in.json", Data: data}, Options{})
		lines := jsonpos.NewLines(data)
		if err != nil {
			var perr *parse.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %T, want *parse.Error", err)
			}
			if perr.Line != 0 {
				if _, ok := lines.Offset(perr.Line, perr.Column); !ok {
					t.Fatalf("error position %d:%d outside the input", perr.Line, perr.Column)
				}
			}
			return
		}
		eachRange(reflect.ValueOf(doc), func(r model.Range) {
			if r.IsZero() {
				return
			}
			_, okStart := lines.Offset(r.Line, r.Column)
			_, okEnd := lines.Offset(r.EndLine, r.EndColumn)
			if r.File != "in.json" || !okStart || !okEnd {
				t.Fatalf("range %+v outside the input", r)
			}
		})
		// The same policy in the AWS CLI's {"Policy": "..."} wrapper must
		// normalize to the same statements.
		p := onlyPolicy(doc)
		if res, _ := jsonpos.Parse("in.json", data); p == nil || res.Root.Get("Statement") == nil {
			return // not a bare policy (perhaps already wrapped)
		}
		lit, _ := json.Marshal(string(data))
		wrapped := append(append([]byte(`{"Policy": `), lit...), '}')
		wdoc, err := Parse(parse.File{Path: "in.json", Data: wrapped}, Options{})
		if err != nil {
			t.Fatalf("wrapped policy: %v", err)
		}
		wp := onlyPolicy(wdoc)
		if wp == nil || wp.Kind != p.Kind {
			t.Fatalf("wrapped policy kind differs")
		}
		if got, want := statementText(wp), statementText(p); !reflect.DeepEqual(got, want) {
			t.Fatalf("wrapped statements differ:\n got %v\nwant %v", got, want)
		}
	})
}

func onlyPolicy(d *model.Document) *model.Policy {
	if ps := d.Policies(); len(ps) == 1 {
		return ps[0]
	}
	return nil
}

// statementText is a policy's statements without positions.
func statementText(p *model.Policy) []string {
	var out []string
	for _, s := range p.Statements {
		out = append(out, "effect="+s.Effect.String())
		for _, e := range []*model.Element{s.Action, s.Resource} {
			if e != nil {
				for _, v := range e.Values {
					out = append(out, "value="+v.Value)
				}
			}
		}
		for _, c := range s.Conditions {
			out = append(out, "condition="+c.Operator+"/"+c.Key)
			for _, v := range c.Values {
				out = append(out, "="+v.Value)
			}
		}
	}
	for _, pr := range p.Problems {
		// Messages may cite positions, which differ between the two forms.
		out = append(out, "problem="+firstAt.ReplaceAllString(pr.Message, ""))
	}
	return out
}

var firstAt = regexp.MustCompile(`\(first at \d+:\d+\)`)

var rangeType = reflect.TypeOf(model.Range{})

// eachRange calls fn for every model.Range reachable from v.
func eachRange(v reflect.Value, fn func(model.Range)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachRange(v.Elem(), fn)
		}
	case reflect.Struct:
		if v.Type() == rangeType {
			fn(v.Interface().(model.Range))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachRange(v.Field(i), fn)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			eachRange(v.Index(i), fn)
		}
	}
}
