package cloudformation

import (
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/parse/tree"
)

const resolveTemplate = `Parameters:
  Env: {Type: String, Default: prod}
  Open: {Type: String}
  Zones: {Type: "List<AWS::EC2::AvailabilityZone::Name>", Default: "a,b"}
Mappings:
  M:
    prod: {Days: 400, Classes: [GLACIER, DEEP_ARCHIVE]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Unknown: !Equals [!Ref Open, x]
  Either: !Or [!Condition IsProd, !Condition Unknown]
  Both: !And [!Condition IsProd, !Condition Unknown]
  NotProd: !Not [!Condition IsProd]
Resources:
  Named: {Type: AWS::S3::Bucket, Properties: {BucketName: named-bucket}}
  Unnamed: {Type: AWS::S3::Bucket}
  Key: {Type: AWS::KMS::Key}
  Alias: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/k, TargetKeyId: !Ref Key}}
  Trail: {Type: AWS::CloudTrail::Trail, Properties: {TrailName: !Sub "${Env}-trail"}}
  Loop1: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref Loop2}}
  Loop2: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref Loop1}}
  Group: {Type: AWS::Logs::LogGroup}
`

// TestResolve resolves one expression at a time, in the context of
// resolveTemplate, and compares the result's text (lists joined with |) and
// the resource it links to.
func TestResolve(t *testing.T) {
	root, err := parseYAML(newSource("t.yaml", []byte(resolveTemplate)))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, errs := readTemplate("t.yaml", root)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		expr, want, link string
	}{
		{`!Ref AWS::AccountId`, "«AWS::AccountId»", ""},
		{`!Ref AWS::Region`, "«AWS::Region»", ""},
		{`!Ref AWS::Partition`, "«AWS::Partition»", ""},
		{`!Ref AWS::URLSuffix`, "«AWS::URLSuffix»", ""},
		{`!Ref AWS::StackId`, "«AWS::StackId»", ""},
		{`!Ref AWS::NotificationARNs`, "«AWS::NotificationARNs»", ""},
		{`!Ref AWS::NoValue`, "<absent>", ""},
		{`!Ref Env`, "prod", ""},
		{`!Ref Open`, "«Open»", ""},
		{`!Ref Zones`, "a|b", ""},
		{`!Ref Named`, "named-bucket", "Named"},
		{`!Ref Unnamed`, "«Unnamed»", "Unnamed"},
		{`!Ref Key`, "«Key»", "Key"},
		{`!Ref Alias`, "alias/k", "Alias"},
		{`!Ref Trail`, "prod-trail", "Trail"},
		{`!Ref Group`, "«Group»", "Group"},
		{`!Ref Loop1`, "«Loop1»", "Loop1"},
		{`!GetAtt Named.Arn`, "arn:aws:s3:::named-bucket", "Named"},
		{`!GetAtt [Unnamed, Arn]`, "arn:aws:s3:::«Unnamed»", "Unnamed"},
		{`{"Fn::GetAtt": ["Key", "Arn"]}`, "arn:«AWS::Partition»:kms:«AWS::Region»:«AWS::AccountId»:key/«Key»", "Key"},
		{`!GetAtt Key.KeyId`, "«Key»", "Key"},
		{`!GetAtt Trail.Arn`, "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:«AWS::AccountId»:trail/prod-trail", "Trail"},
		{`!GetAtt Named.DomainName`, "«Named.DomainName»", ""},
		{`!GetAtt Group.Arn`, "«Group.Arn»", ""},
		{`!Sub "${Named}"`, "named-bucket", "Named"},
		{`!Sub "arn:aws:s3:::${Named}"`, "arn:aws:s3:::named-bucket", "Named"},
		{`!Sub "${Named}-replica"`, "named-bucket-replica", ""},
		{`!Sub "${Named.Arn}/AWSLogs/${AWS::AccountId}/*"`, "arn:aws:s3:::named-bucket/AWSLogs/«AWS::AccountId»/*", ""},
		{`!Sub ["${A}-${B}-${!C}", {A: x, B: !Ref Env}]`, "x-prod-${C}", ""},
		{`!Sub "${Zones}"`, "«Zones»", ""},
		{`!Sub "${unclosed"`, "${unclosed", ""},
		{`!Join [":", [a, !Ref Open, 3]]`, "a:«Open»:3", ""},
		{`!Join [":", !Ref Zones]`, "a:b", ""},
		{`!Join [":", !GetAZs ""]`, "«Fn::Join»", ""},
		{`!Select [1, !Ref Zones]`, "b", ""},
		{`!Select [5, !Ref Zones]`, "«Fn::Select»", ""},
		{`!Split [":", !Sub "arn:${AWS::Partition}:s3"]`, "arn|«AWS::Partition»|s3", ""},
		{`!Split [":", !Ref Open]`, "«Fn::Split»", ""},
		{`!FindInMap [M, !Ref Env, Days]`, "400", ""},
		{`!FindInMap [M, !Ref Env, Classes]`, "GLACIER|DEEP_ARCHIVE", ""},
		{`!FindInMap [M, !Ref Open, Days]`, "«Fn::FindInMap»", ""},
		{`!FindInMap [M, dev, Days, {DefaultValue: 30}]`, "30", ""},
		{`!If [IsProd, yes, no]`, "yes", ""},
		{`!If [NotProd, yes, no]`, "no", ""},
		{`!If [Either, yes, no]`, "yes", ""},
		{`!If [Both, yes, no]`, "«Fn::If Both»", ""},
		{`!If [Unknown, yes, !Ref AWS::NoValue]`, "«Fn::If Unknown»", ""},
		{`!ImportValue shared-name`, "«Fn::ImportValue shared-name»", ""},
		{`!Base64 abc`, "YWJj", ""},
		{`{"Fn::Base64": !Ref Open}`, "«Fn::Base64»", ""},
		{`!Cidr [10.0.0.0/16, 2, 8]`, "«Fn::Cidr»", ""},
		{`{"Fn::Transform": {Name: AWS::Include}}`, "«Fn::Transform»", ""},
		{`{Condition: IsProd}`, "{Condition}", ""}, // only an intrinsic inside Conditions
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			n, err := parseYAML(newSource("e.yaml", []byte(tt.expr)))
			if err != nil {
				t.Fatal(err)
			}
			r := newResolver(tmpl, Options{}, nil)
			got := r.value(n)
			if s := render(got); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
			if got != nil && r.links[got] != tt.link {
				t.Errorf("link %q, want %q", r.links[got], tt.link)
			}
		})
	}
}

func render(n *tree.Node) string {
	if n == nil {
		return "<absent>"
	}
	switch n.Kind {
	case tree.Array:
		var parts []string
		for _, it := range n.Items {
			parts = append(parts, render(it))
		}
		return strings.Join(parts, "|")
	case tree.Object:
		var keys []string
		for _, f := range n.Keys {
			keys = append(keys, f.Key)
		}
		return "{" + strings.Join(keys, ",") + "}"
	}
	return n.Text
}

// TestDerivedConditions: a condition built from another undecidable one
// splits nothing by itself; And/Or decide as soon as one operand does.
func TestDerivedConditions(t *testing.T) {
	const text = `Parameters:
  P: {Type: String}
  Q: {Type: String}
Conditions:
  A: !Equals [!Ref P, x]
  B: !And [!Condition A, !Equals [!Ref Q, y]]
  NotA: !Not [!Condition A]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !If [B, b, !If [NotA, not-a, a-only]]
`
	docs, errs := parseText("derived.yaml", text, Options{})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.Scope.Variant+" -> "+d.Buckets[0].Name.String())
	}
	want := []string{"A=true,B=true -> b", "A=false -> not-a", "A=true,B=false -> a-only"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got %q, want %q", got, want)
	}
}
