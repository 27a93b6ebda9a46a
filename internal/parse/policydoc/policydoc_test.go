package policydoc

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

const file = "p.json"

func r(l, c, el, ec int) model.Range {
	return model.Range{File: file, Line: l, Column: c, EndLine: el, EndColumn: ec}
}

func parseJSON(t *testing.T, src string) *tree.Node {
	t.Helper()
	res, err := jsonpos.Parse(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return res.Root
}

func val(v string, rg model.Range) model.Value { return model.Value{Value: v, Range: rg} }

func TestFromNodeStatements(t *testing.T) {
	src, err := os.ReadFile("testdata/statements.json")
	if err != nil {
		t.Fatal(err)
	}
	p := FromNode(parseJSON(t, string(src)), "bp", model.PolicyBucket)
	if len(p.Problems) != 0 {
		t.Fatalf("problems: %+v", p.Problems)
	}
	if p.ID != "bp" || p.Kind != model.PolicyBucket || p.Range != r(1, 1, 14, 2) {
		t.Errorf("policy = %q %q %+v", p.ID, p.Kind, p.Range)
	}
	if *p.Version != *model.Str("2012-10-17", r(2, 14, 2, 26)) {
		t.Errorf("Version = %+v", p.Version)
	}
	var compacted bytes.Buffer
	if err := json.Compact(&compacted, src); err != nil {
		t.Fatal(err)
	}
	if p.Size != compacted.Len() || p.Size != 458 {
		t.Errorf("Size = %d, want %d (compact JSON)", p.Size, compacted.Len())
	}
	if len(p.Statements) != 2 {
		t.Fatalf("statements = %d", len(p.Statements))
	}

	s := p.Statements[0]
	want := &model.Statement{
		Index:  0,
		Range:  r(4, 5, 11, 6),
		Sid:    model.Str("Write", r(5, 14, 5, 21)),
		Effect: model.Str("Allow", r(6, 17, 6, 24)),
		Principal: &model.Principal{Range: r(7, 7, 7, 85), Entries: []model.PrincipalEntry{
			{Type: "Service", Value: "cloudtrail.amazonaws.com", Range: r(7, 33, 7, 59)},
			{Type: "Service", Value: "config.amazonaws.com", Range: r(7, 61, 7, 83)},
		}},
		Action: &model.Element{Range: r(8, 7, 8, 31), Values: []model.Value{val("s3:PutObject", r(8, 17, 8, 31))}},
		Resource: &model.Element{Range: r(9, 7, 9, 65), Values: []model.Value{
			val("arn:aws:s3:::b/AWSLogs/*", r(9, 20, 9, 46)),
			val("arn:aws:s3:::b", r(9, 48, 9, 64)),
		}},
		Conditions: []*model.Condition{
			{Operator: "StringEquals", Key: "s3:x-amz-acl", OperatorRange: r(10, 21, 10, 35), Range: r(10, 38, 10, 81),
				Values: []model.Value{val("bucket-owner-full-control", r(10, 54, 10, 81))}},
			{Operator: "StringEquals", Key: "aws:SourceAccount", OperatorRange: r(10, 21, 10, 35), Range: r(10, 83, 10, 123),
				Values: []model.Value{val("111122223333", r(10, 105, 10, 119)), val("5", r(10, 121, 10, 122))}},
			{Operator: "Bool", Key: "aws:SecureTransport", OperatorRange: r(10, 126, 10, 132), Range: r(10, 135, 10, 162),
				Values: []model.Value{val("true", r(10, 158, 10, 162))}},
		},
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("statement 0:\n got %s\nwant %s", dump(s), dump(want))
	}

	s = p.Statements[1]
	want = &model.Statement{
		Index:      1,
		Range:      r(12, 5, 12, 92),
		Effect:     model.Str("Deny", r(12, 16, 12, 22)),
		Principal:  &model.Principal{Range: r(12, 24, 12, 40), Entries: []model.PrincipalEntry{{Type: "*", Value: "*", Range: r(12, 37, 12, 40)}}},
		Action:     &model.Element{Negated: true, Range: r(12, 42, 12, 71), Values: []model.Value{val("s3:GetObject", r(12, 56, 12, 70))}},
		Resource:   &model.Element{Negated: true, Range: r(12, 73, 12, 91), Values: []model.Value{val("*", r(12, 88, 12, 91))}},
		Conditions: []*model.Condition{},
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("statement 1:\n got %s\nwant %s", dump(s), dump(want))
	}
}

func dump(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestFromNodeSingleStatementObjectAndAWSStar(t *testing.T) {
	p := FromNode(parseJSON(t, `{"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}}`), "k", model.PolicyKey)
	if len(p.Problems) != 0 || len(p.Statements) != 1 {
		t.Fatalf("problems %+v, statements %d", p.Problems, len(p.Statements))
	}
	if p.Version != nil {
		t.Errorf("Version = %+v, want nil", p.Version)
	}
	got := p.Statements[0].Principal.Entries
	want := []model.PrincipalEntry{{Type: "AWS", Value: "*", Range: r(1, 56, 1, 59)}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %+v", got)
	}
}

func TestFromNodeProblems(t *testing.T) {
	tests := []struct {
		name, src string
		kind      string
		want      []model.Problem
	}{
		{"not an object", `["x"]`, model.PolicyIdentity, []model.Problem{
			{Message: "a policy document must be a JSON object, not an array", Range: r(1, 1, 1, 6)}}},
		{"no statement", `{"Version": "2012-10-17"}`, model.PolicyIdentity, []model.Problem{
			{Message: "the policy has no Statement", Range: r(1, 1, 1, 26)}}},
		{"statement a string", `{"Statement": "x"}`, model.PolicyIdentity, []model.Problem{
			{Message: "Statement must be an object or a list of objects, not a string", Range: r(1, 15, 1, 18)}}},
		{"statement item not an object", `{"Statement": [1]}`, model.PolicyIdentity, []model.Problem{
			{Message: "statement 0 must be an object, not a number", Range: r(1, 16, 1, 17)}}},
		{"empty statement", `{"Statement": [{}]}`, model.PolicyBucket, []model.Problem{
			{Message: "statement 0 has no Effect", Range: r(1, 16, 1, 18)},
			{Message: "statement 0 has neither Action nor NotAction", Range: r(1, 16, 1, 18)},
			{Message: "statement 0 has neither Principal nor NotPrincipal, which a bucket policy requires", Range: r(1, 16, 1, 18)},
			{Message: "statement 0 has neither Resource nor NotResource, which a bucket policy requires", Range: r(1, 16, 1, 18)}}},
		{"effect case", `{"Statement": [{"Effect": "allow", "Action": "s3:*"}]}`, model.PolicyIdentity, []model.Problem{
			{Message: `Effect must be "Allow" or "Deny", not "allow": did you mean "Allow"? (Effect is case-sensitive)`, Range: r(1, 27, 1, 34)}}},
		{"effect value", `{"Statement": [{"Effect": "Permit", "Action": "s3:*"}]}`, model.PolicyIdentity, []model.Problem{
			{Message: `Effect must be "Allow" or "Deny", not "Permit"`, Range: r(1, 27, 1, 35)}}},
		{"effect type", `{"Statement": [{"Effect": true, "Action": "s3:*"}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "Effect must be a string, not a boolean", Range: r(1, 27, 1, 31)}}},
		{"lowercase element", `{"Statement": [{"effect": "Allow", "Action": "s3:*"}]}`, model.PolicyIdentity, []model.Problem{
			{Message: `unknown statement element "effect": did you mean Effect? (element names are case-sensitive)`, Range: r(1, 17, 1, 25)},
			{Message: "statement 0 has no Effect", Range: r(1, 16, 1, 53)}}},
		{"unknown top-level element", `{"Version": "2012-10-17", "Foo": 1, "Statement": []}`, model.PolicyIdentity, []model.Problem{
			{Message: `unknown policy element "Foo" (allowed: Version, Id, Statement)`, Range: r(1, 27, 1, 32)},
			{Message: "Statement is an empty list", Range: r(1, 37, 1, 52)}}},
		{"both action and notaction", `{"Statement": [{"Effect": "Allow", "Action": "a:b", "NotAction": "c:d"}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "a statement cannot have both Action and NotAction", Range: r(1, 53, 1, 64)}}},
		{"both resource and notresource", `{"Statement": [{"Effect": "Deny", "Action": "a:b", "NotResource": "*", "Resource": "*"}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "a statement cannot have both NotResource and Resource", Range: r(1, 72, 1, 82)}}},
		{"both principal and notprincipal", `{"Statement": [{"Effect": "Deny", "Action": "a:b", "Principal": "*", "NotPrincipal": "*", "Resource": "*"}]}`, model.PolicyBucket, []model.Problem{
			{Message: "a statement cannot have both Principal and NotPrincipal", Range: r(1, 70, 1, 84)}}},
		{"action a number", `{"Statement": [{"Effect": "Allow", "Action": 5}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "Action must be a string or a list of strings, not a number", Range: r(1, 46, 1, 47)}}},
		{"action list item a number", `{"Statement": [{"Effect": "Allow", "Action": ["s3:*", 5]}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "Action values must be strings, not a number", Range: r(1, 55, 1, 56)}}},
		{"principal string", `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Principal": "arn:aws:iam::1:root"}]}`, model.PolicyBucket, []model.Problem{
			{Message: `Principal must be "*" or an object such as {"AWS": "arn:aws:iam::1:root"}, not a string`, Range: r(1, 84, 1, 105)}}},
		{"principal type case", `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Principal": {"service": "x"}}]}`, model.PolicyBucket, []model.Problem{
			{Message: `unknown principal type "service": did you mean Service? (principal types are case-sensitive)`, Range: r(1, 85, 1, 94)}}},
		{"condition not an object", `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Condition": "x"}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "Condition must be an object, not a string", Range: r(1, 67, 1, 70)}}},
		{"condition value an object", `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Condition": {"Bool": {"k": {"x": 1}}}}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "condition k: values must be strings, numbers or booleans, not an object", Range: r(1, 82, 1, 90)}}},
		{"condition operator not an object", `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Condition": {"Bool": true}}]}`, model.PolicyIdentity, []model.Problem{
			{Message: "condition operator Bool must map condition keys to values, not be a boolean", Range: r(1, 76, 1, 80)}}},
		{"duplicate key", "{\"Statement\": [{\"Effect\": \"Allow\",\n \"Effect\": \"Deny\", \"Action\": \"s3:*\"}]}", model.PolicyIdentity, []model.Problem{
			{Message: `duplicate key "Effect" (first at 1:17): IAM rejects a policy that repeats a key`, Range: r(2, 2, 2, 10)}}},
		// The string has escapes, so positions fall back to its start.
		{"policy string with a syntax error", `"{\"Statement\" 1}"`, model.PolicyIdentity, []model.Problem{
			{Message: `the policy string is not valid JSON: invalid character '1' after object key "Statement" (expected ':')`, Range: r(1, 1, 1, 2)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := FromNode(parseJSON(t, tt.src), "p", tt.kind)
			if !reflect.DeepEqual(p.Problems, tt.want) {
				t.Errorf("problems:\n got %s\nwant %s", dump(p.Problems), dump(tt.want))
			}
		})
	}
}

func TestFromNodeKeepsFirstOfDuplicates(t *testing.T) {
	p := FromNode(parseJSON(t, `{"Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "s3:*"}]}`), "p", model.PolicyIdentity)
	if got := p.Statements[0].Effect.String(); got != "Allow" {
		t.Errorf("Effect = %q, want the first occurrence", got)
	}
}

func TestFromNodePolicyString(t *testing.T) {
	// A one-line string without escapes keeps exact columns.
	n := &tree.Node{Kind: tree.String, Text: `{"Statement":[{"Effect":"Deny","Action":"s3:*"}]}`, Range: r(3, 10, 3, 61)}
	p := FromNode(n, "p", model.PolicyIdentity)
	if len(p.Problems) != 0 || len(p.Statements) != 1 {
		t.Fatalf("problems %+v", p.Problems)
	}
	if got := p.Statements[0].Effect.Range; got != r(3, 35, 3, 41) {
		t.Errorf("Effect range %+v", got)
	}
	if p.Size != len(n.Text) {
		t.Errorf("Size = %d, want %d", p.Size, len(n.Text))
	}
}

func unknown(expr string, rg model.Range) *tree.Node {
	return &tree.Node{Kind: tree.Unknown, Text: model.Unknown(expr), Range: rg}
}

func str(s string, rg model.Range) *tree.Node {
	return &tree.Node{Kind: tree.String, Text: s, Range: rg}
}

func obj(rg model.Range, kv ...any) *tree.Node {
	n := &tree.Node{Kind: tree.Object, Range: rg}
	for i := 0; i < len(kv); i += 2 {
		n.Keys = append(n.Keys, &tree.Field{Key: kv[i].(string), Value: kv[i+1].(*tree.Node)})
	}
	return n
}

func TestFromNodeUnknowns(t *testing.T) {
	whole := FromNode(unknown("data.aws_iam_policy_document.x.json", r(1, 10, 1, 45)), "p", model.PolicyBucket)
	if whole.Unresolved != "«data.aws_iam_policy_document.x.json»" || len(whole.Statements) != 0 || whole.Size != 0 || len(whole.Problems) != 0 {
		t.Errorf("whole unknown: %+v", whole)
	}

	list := FromNode(obj(r(1, 1, 5, 2), "Statement", unknown("local.statements", r(2, 3, 2, 20))), "p", model.PolicyBucket)
	if list.Unresolved != "«local.statements»" || len(list.Statements) != 0 {
		t.Errorf("unknown statement list: %+v", list)
	}

	alt := &tree.Node{Kind: tree.Unknown, Range: r(1, 1, 1, 2), Alternatives: []*tree.Node{str("a", r(1, 1, 1, 2))}}
	if p := FromNode(alt, "p", model.PolicyIdentity); p.Unresolved != "«conditional value»" {
		t.Errorf("alternatives: %q", p.Unresolved)
	}

	bucket := "arn:aws:s3:::«var.bucket»/AWSLogs/*"
	stmt := obj(r(2, 1, 4, 2),
		"Effect", str("Allow", r(2, 2, 2, 3)),
		"Principal", obj(r(2, 3, 2, 4), "AWS", &tree.Node{Kind: tree.Array, Items: []*tree.Node{unknown("var.role", r(2, 5, 2, 6))}}),
		"Action", &tree.Node{Kind: tree.Array, Range: r(3, 1, 3, 9), Items: []*tree.Node{str("s3:PutObject", r(3, 2, 3, 3)), unknown("var.extra_action", r(3, 4, 3, 8))}},
		"Resource", str(bucket, r(3, 10, 3, 20)),
		"Condition", obj(r(4, 1, 4, 2), "StringEquals", unknown("var.conditions", r(4, 1, 4, 2))),
	)
	p := FromNode(obj(r(1, 1, 5, 2), "Statement", &tree.Node{Kind: tree.Array, Items: []*tree.Node{stmt}}), "p", model.PolicyBucket)
	if p.Unresolved != "" || len(p.Problems) != 0 || p.Size != 0 {
		t.Fatalf("partly unknown: unresolved %q problems %+v size %d", p.Unresolved, p.Problems, p.Size)
	}
	s := p.Statements[0]
	if got := s.Action.Values; !reflect.DeepEqual(got, []model.Value{val("s3:PutObject", r(3, 2, 3, 3)), val("«var.extra_action»", r(3, 4, 3, 8))}) {
		t.Errorf("actions = %+v", got)
	}
	if got := s.Resource.Values; !reflect.DeepEqual(got, []model.Value{val(bucket, r(3, 10, 3, 20))}) {
		t.Errorf("resources = %+v", got)
	}
	if got := s.Principal.Entries; !reflect.DeepEqual(got, []model.PrincipalEntry{{Type: "AWS", Value: "«var.role»", Range: r(2, 5, 2, 6)}}) {
		t.Errorf("principal = %+v", got)
	}
	if len(s.Conditions) != 1 || s.Conditions[0].Operator != "StringEquals" || s.Conditions[0].Key != "«var.conditions»" {
		t.Errorf("conditions = %s", dump(s.Conditions))
	}
}
