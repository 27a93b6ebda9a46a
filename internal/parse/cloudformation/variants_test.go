package cloudformation

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// TestIfBetweenPolicies is the acceptance test for variants: Fn::If between
// a good and a bad bucket policy on a condition that cannot be decided
// offline yields one document with each.
func TestIfBetweenPolicies(t *testing.T) {
	docs := parseFile(t, "testdata/conditional-policy.yaml", Options{})
	type want struct {
		variant, sid, stmt string
		buckets            []string
		multiRegion        string
	}
	wants := []want{
		{"IsProd=true", "GoodWrite", "26:15-33:51", []string{"LogBucket", "AuditBucket"}, "true@54:7-54:44"},
		{"IsProd=false", "BadWrite", "36:15-40:50", []string{"LogBucket", "DevOnlyBucket", "AuditBucket"}, "nil"},
	}
	if len(docs) != len(wants) {
		t.Fatalf("got %d documents, want %d", len(docs), len(wants))
	}
	for i, w := range wants {
		d := docs[i]
		if d.Scope.Variant != w.variant {
			t.Errorf("document %d: variant %q, want %q", i, d.Scope.Variant, w.variant)
		}
		stmts := d.BucketPolicies[0].Policy.Statements
		if len(stmts) != 1 || stmts[0].Sid.String() != w.sid || at(stmts[0].Range) != w.stmt {
			t.Errorf("%s: statements %s, want %s at %s", w.variant, summary(d), w.sid, w.stmt)
		}
		var ids []string
		for _, b := range d.Buckets {
			ids = append(ids, b.ID)
		}
		if strings.Join(ids, ",") != strings.Join(w.buckets, ",") {
			t.Errorf("%s: buckets %v, want %v", w.variant, ids, w.buckets)
		}
		if got := attrStr(d.Trails[0].IsMultiRegion); got != w.multiRegion {
			t.Errorf("%s: IsMultiRegionTrail %s, want %s", w.variant, got, w.multiRegion)
		}
	}
	// The good policy's SourceArn is the trail's ARN, with its generated name.
	cond := docs[0].BucketPolicies[0].Policy.Statements[0].Conditions
	if len(cond) != 1 || cond[0].Values[0].Value != "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:«AWS::AccountId»:trail/«Trail.TrailName»" {
		t.Errorf("SourceArn condition: %+v", cond)
	}
}

// TestParameterDecidesCondition: a parameter given on the command line
// decides the condition, so there is one document and no variant.
func TestParameterDecidesCondition(t *testing.T) {
	tests := []struct {
		params      map[string]string
		sid         string
		auditBucket string // "" when the bucket does not exist
	}{
		{map[string]string{"Env": "prod"}, "GoodWrite", "audit-111122223333"},
		{map[string]string{"Env": "dev", "AuditAccount": "444455556666"}, "BadWrite", "audit-444455556666"},
		{map[string]string{"Env": "dev", "AuditAccount": ""}, "BadWrite", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.params), func(t *testing.T) {
			docs := parseFile(t, "testdata/conditional-policy.yaml", Options{Parameters: tt.params})
			if len(docs) != 1 || docs[0].Scope.Variant != "" {
				t.Fatalf("got %d documents (first variant %q), want one without variant", len(docs), docs[0].Scope.Variant)
			}
			d := docs[0]
			if sid := d.BucketPolicies[0].Policy.Statements[0].Sid.String(); sid != tt.sid {
				t.Errorf("statement %s, want %s", sid, tt.sid)
			}
			got := ""
			for _, b := range d.Buckets {
				if b.ID == "AuditBucket" {
					got = b.Name.String()
				}
			}
			if got != tt.auditBucket {
				t.Errorf("AuditBucket name %q, want %q", got, tt.auditBucket)
			}
		})
	}
}

func TestParameters(t *testing.T) {
	const text = `Parameters:
  WithDefault: {Type: String, Default: logs-default}
  NoDefault: {Type: String}
  Regions: {Type: CommaDelimitedList, Default: "a, b"}
  Ami: {Type: "AWS::SSM::Parameter::Value<String>", Default: /ami}
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: !Join ["+", [!Ref WithDefault, !Ref NoDefault, !Select [1, !Ref Regions], !Ref Ami, !Ref AWS::StackName]]
      S3BucketName: !Sub "${WithDefault}-${NoDefault}"
      IsLogging: true
`
	tests := []struct {
		params     map[string]string
		name, bkt  string
		nameKnown  bool
		unresolved int
	}{
		{nil, "logs-default+«NoDefault»+b+«Ami»+«AWS::StackName»", "logs-default-«NoDefault»", false, 0},
		{map[string]string{"NoDefault": "x", "WithDefault": "y", "Regions": "c,d", "Ami": "ami-1"}, "y+x+d+«Ami»+«AWS::StackName»", "y-x", false, 0},
	}
	for _, tt := range tests {
		docs, errs := parseText("params.yaml", text, Options{Parameters: tt.params})
		if len(errs) != 0 || len(docs) != 1 {
			t.Fatalf("errors %v, %d documents", errs, len(docs))
		}
		tr := docs[0].Trails[0]
		if tr.Name.String() != tt.name || tr.Name.Known != tt.nameKnown || tr.BucketName.String() != tt.bkt {
			t.Errorf("%v: name %q (known %t), bucket %q; want %q, %q", tt.params, tr.Name.String(), tr.Name.Known, tr.BucketName.String(), tt.name, tt.bkt)
		}
		if len(docs[0].Unresolved) != tt.unresolved {
			t.Errorf("unresolved: %v", docs[0].Unresolved)
		}
	}
}

// TestVariantCap: more undecidable conditions than variants allowed leaves
// the rest undecided, says so, and keeps both values of Fn::If.
func TestVariantCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("Parameters:\n")
	for _, c := range "ABCDE" {
		fmt.Fprintf(&b, "  P%c: {Type: String}\n", c)
	}
	b.WriteString("Conditions:\n")
	for _, c := range "ABCDE" {
		fmt.Fprintf(&b, "  C%c: !Equals [!Ref P%c, yes]\n", c, c)
	}
	b.WriteString("Resources:\n")
	for _, c := range "ABCDE" {
		fmt.Fprintf(&b, "  B%c:\n    Type: AWS::S3::Bucket\n    Condition: C%c\n    Properties:\n      BucketName: !If [C%c, on, off]\n", c, c, c)
	}
	docs, errs := parseText("cap.yaml", b.String(), Options{})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if len(docs) != maxVariants {
		t.Fatalf("got %d documents, want %d", len(docs), maxVariants)
	}
	if docs[0].Scope.Variant != "CA=true,CB=true,CC=true,CD=true" || docs[15].Scope.Variant != "CA=false,CB=false,CC=false,CD=false" {
		t.Errorf("variants %q ... %q", docs[0].Scope.Variant, docs[15].Scope.Variant)
	}
	d := docs[0]
	last := d.Buckets[len(d.Buckets)-1]
	if last.ID != "BE" || last.Name.Known || last.Name.String() != "«Fn::If CE»" {
		t.Errorf("undecided bucket: %s %s", last.ID, attrStr(last.Name))
	}
	if len(d.Unresolved) != 1 || d.Unresolved[0].Expr != "CE" {
		t.Errorf("unresolved: %+v", d.Unresolved)
	}
}

func TestSuppressions(t *testing.T) {
	data, err := os.ReadFile("testdata/suppressions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs, problems := Parse(parse.File{Path: "testdata/suppressions.yaml", Data: data}, Options{})
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	resource := model.Range{File: "testdata/suppressions.yaml", Line: 2, Column: 3, EndLine: 21, EndColumn: 61}
	want := []model.Suppression{
		{RuleIDs: []string{"CT101"}, Reason: "the trail lives in this account only", Resource: "LogBucketPolicy", Range: resource},
		{RuleIDs: []string{"CT103", "CT104"}, Reason: "legacy writer", Expires: "2027-01-31", Resource: "LogBucketPolicy", Range: resource},
		{RuleIDs: []string{"CT105", "CT106"}, Resource: "LogBucketPolicy", Range: resource},
	}
	if got, w := fmt.Sprintf("%+v", docs[0].Suppressions), fmt.Sprintf("%+v", want); got != w {
		t.Errorf("suppressions\n got %s\nwant %s", got, w)
	}
	wantProblems := []string{
		"testdata/suppressions.yaml:13:13: resource LogBucketPolicy: ignored suppression: no rule id",
		`testdata/suppressions.yaml:14:13: resource LogBucketPolicy: ignored suppression: expires must be a date written YYYY-MM-DD, not "next week"`,
		`testdata/suppressions.yaml:16:13: resource LogBucketPolicy: ignored suppression: unknown field "because" (use id, reason, expires)`,
		"testdata/suppressions.yaml:18:13: resource LogBucketPolicy: ignored suppression: an entry must be a mapping with id and reason",
		"testdata/suppressions.yaml:26:17: resource Trail: Metadata.ctlint.ignore must be a list of {id, reason}",
	}
	var got []string
	for _, p := range problems {
		if !p.Warning {
			t.Errorf("%v: not a warning", p)
		}
		got = append(got, p.Error())
	}
	if strings.Join(got, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems\n got %s\nwant %s", strings.Join(got, "\n"), strings.Join(wantProblems, "\n"))
	}
}
