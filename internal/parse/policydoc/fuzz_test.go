package policydoc

import (
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
)

// FuzzFromNode checks that any JSON value normalizes without panicking and
// that every range the policy reports lies inside the input.
func FuzzFromNode(f *testing.F) {
	f.Add([]byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["a"]}, "Action": ["s3:*"], "Resource": "*", "Condition": {"Bool": {"k": [true, 1]}}}]}`))
	f.Add([]byte(`{"Statement": {"effect": "Deny", "NotAction": 5, "Condition": {"X": {"k": {}}}}, "Statement": 1}`))
	f.Add([]byte(`"{\"Statement\": []}"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := jsonpos.Parse(file, data)
		if err != nil {
			return
		}
		lines := jsonpos.NewLines(data)
		inside := func(rg model.Range) {
			if rg.IsZero() {
				t.Fatalf("zero range")
			}
			if _, ok := lines.Offset(rg.Line, rg.Column); !ok {
				t.Fatalf("range %+v starts outside the input", rg)
			}
			if _, ok := lines.Offset(rg.EndLine, rg.EndColumn); !ok {
				t.Fatalf("range %+v ends outside the input", rg)
			}
		}
		for _, kind := range []string{model.PolicyBucket, model.PolicyIdentity} {
			p := FromNode(res.Root, "p", kind)
			for _, pr := range p.Problems {
				inside(pr.Range)
			}
			for _, s := range p.Statements {
				inside(s.Range)
				for _, e := range []*model.Element{s.Action, s.Resource} {
					if e != nil {
						for _, v := range e.Values {
							inside(v.Range)
						}
					}
				}
				for _, c := range s.Conditions {
					inside(c.Range)
					inside(c.OperatorRange)
				}
			}
		}
	})
}
