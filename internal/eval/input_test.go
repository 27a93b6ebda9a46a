package eval

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/schema"
)

func sampleDocument() *model.Document {
	r := model.Range{File: "main.tf", Line: 3, Column: 5, EndLine: 3, EndColumn: 20}
	pol := &model.Policy{
		ID: "aws_s3_bucket_policy.logs", Kind: model.PolicyBucket, Range: r, Size: 120,
		Version: model.Str("2012-10-17", r),
		Statements: []*model.Statement{{
			Index: 0, Range: r, Sid: model.Str("Write", r), Effect: model.Str("Allow", r),
			Principal:  &model.Principal{Entries: []model.PrincipalEntry{{Type: "Service", Value: "cloudtrail.amazonaws.com", Range: r}}, Range: r},
			Action:     &model.Element{Values: []model.Value{{Value: "s3:PutObject", Range: r}}, Range: r},
			Resource:   &model.Element{Negated: true, Values: []model.Value{{Value: "arn:aws:s3:::b/" + model.AccountID + "/*", Range: r}}, Range: r},
			Conditions: []*model.Condition{{Operator: "StringEquals", Key: "aws:SourceArn", Values: []model.Value{{Value: "x", Range: r}}, Range: r, OperatorRange: r}},
		}},
		Problems:  []model.Problem{{Message: "unknown element", Range: r}},
		Truncated: true,
	}
	return &model.Document{
		Scope:    model.Scope{Kind: model.ScopeTerraform, Path: ".", Files: []string{"main.tf"}},
		Settings: model.Settings{RetentionDays: 365, LogBucketScope: "cloudtrail"},
		Buckets: []*model.Bucket{{
			ID: "aws_s3_bucket.logs", Name: model.Str("logs", r), ARN: "arn:aws:s3:::logs", Range: r,
			ACL: model.Str("private", r), Grants: []model.Grant{{GranteeType: "Group", Grantee: "uri", Permission: "READ", Range: r}},
			Versioning: &model.Versioning{Status: model.Str("Enabled", r), MFADelete: model.Bool(false, r), Range: r},
			Encryption: &model.Encryption{Algorithm: model.Str("aws:kms", r), KMSKeyID: model.UnknownAttr("var.key", r), Range: r},
			Logging:    &model.Logging{TargetBucket: model.Str("access", r), Range: r},
			ObjectLock: &model.ObjectLock{Enabled: model.Bool(true, r), Mode: model.Str("COMPLIANCE", r), Days: model.Num(400, r), Range: r},
			Policy:     "aws_s3_bucket_policy.logs", IsLogBucket: true,
		}},
		BucketPolicies: []*model.BucketPolicy{{ID: "aws_s3_bucket_policy.logs", Bucket: "aws_s3_bucket.logs", Policy: pol, Range: r}},
		Keys:           []*model.Key{{ID: "aws_kms_key.k", ARN: "arn", Range: r, RotationEnabled: model.Bool(true, r), Aliases: []string{"alias/x"}}},
		Lifecycles: []*model.Lifecycle{{ID: "lc", Bucket: "aws_s3_bucket.logs", Range: r, Rules: []*model.LifecycleRule{{
			Index: 0, ID: model.Str("r", r), Status: model.Str("Enabled", r),
			Filter:                       &model.Filter{Prefix: model.Str("AWSLogs/", r), Tags: []model.Tag{{Key: "a", Value: "b", Range: r}}, Range: r},
			Expiration:                   &model.Expiration{Days: model.Num(30, r), Range: r},
			NoncurrentVersionExpiration:  &model.NoncurrentExpiration{NoncurrentDays: model.Num(30, r), Range: r},
			Transitions:                  []*model.Transition{{Days: model.Num(30, r), StorageClass: model.Str("GLACIER", r), Range: r}},
			NoncurrentVersionTransitions: []*model.Transition{},
			Range:                        r,
		}}}},
		Trails: []*model.Trail{{
			ID: "aws_cloudtrail.t", Name: model.Str("main", r), ARN: "arn:aws:cloudtrail:us-east-1:" + model.AccountID + ":trail/main", Range: r,
			IsMultiRegion: model.Bool(true, r), Account: model.AccountID,
			EventSelectors:         []*model.EventSelector{{ReadWriteType: model.Str("All", r), ExcludeManagementEventSources: []model.Value{{Value: "kms.amazonaws.com", Range: r}}, Range: r}},
			AdvancedEventSelectors: []*model.AdvancedEventSelector{{Name: model.Str("n", r), FieldSelectors: []*model.FieldSelector{{Field: "eventCategory", Equals: []model.Value{{Value: "Management"}}, NotEquals: []model.Value{}, StartsWith: []model.Value{}, NotStartsWith: []model.Value{}, EndsWith: []model.Value{}, NotEndsWith: []model.Value{}, Range: r}}, Range: r}},
		}},
		PublicAccessBlocks: []*model.PublicAccessBlock{{ID: "pab", Bucket: "aws_s3_bucket.logs", BlockPublicAcls: model.Bool(true, r), Range: r}},
		OtherPolicies:      []*model.Policy{},
		Unresolved:         []model.Unresolved{{Expr: "module.x", Reason: "remote module", Range: r}},
	}
}

// The hand-built AST must be exactly what a JSON round trip of the document
// gives (plus the canonical lowercase condition fields), so that the JSON
// Schema and `ctlint inspect` describe what rules really see.
func TestASTMatchesJSON(t *testing.T) {
	doc := sampleDocument()
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ast.ValueFromReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	// Add the canonical fields the AST carries beyond JSON.
	cond := ast.MustParseTerm(`{"operator_lc": "stringequals", "key_lc": "aws:sourcearn"}`).Value.(ast.Object)
	got := Input(doc)
	gotCond, err := got.Find(ast.Ref{ast.StringTerm("bucket_policies"), ast.IntNumberTerm(0), ast.StringTerm("policy"), ast.StringTerm("statements"), ast.IntNumberTerm(0), ast.StringTerm("conditions"), ast.IntNumberTerm(0)})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"operator_lc", "key_lc"} {
		v := gotCond.(ast.Object).Get(ast.StringTerm(k))
		if v == nil || !v.Equal(cond.Get(ast.StringTerm(k))) {
			t.Fatalf("%s = %v", k, v)
		}
	}
	stripped := stripKeys(got, "operator_lc", "key_lc")
	if stripped.Compare(want) != 0 {
		t.Errorf("AST differs from JSON round trip\n got: %v\nwant: %v", stripped, want)
	}
}

func stripKeys(v ast.Value, keys ...string) ast.Value {
	switch x := v.(type) {
	case ast.Object:
		out := ast.NewObject()
		x.Foreach(func(k, val *ast.Term) {
			for _, drop := range keys {
				if s, ok := k.Value.(ast.String); ok && string(s) == drop {
					return
				}
			}
			out.Insert(k, ast.NewTerm(stripKeys(val.Value, keys...)))
		})
		return out
	case *ast.Array:
		terms := make([]*ast.Term, x.Len())
		for i := range terms {
			terms[i] = ast.NewTerm(stripKeys(x.Elem(i).Value, keys...))
		}
		return ast.NewArray(terms...)
	}
	return v
}

// The Rego input must validate against the published JSON Schema, so the
// schema custom-rule authors read is the truth.
func TestInputMatchesSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Input))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("input.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*model.Document{"full": sampleDocument(), "empty": {Scope: model.Scope{Kind: model.ScopePolicyJSON}, Settings: model.Settings{RetentionDays: 365, LogBucketScope: "all"}}} {
		raw, err := ast.JSON(Input(d))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(raw); err != nil {
			t.Errorf("%s document does not match the schema: %v", name, err)
		}
	}
	// A misspelled entity list must be rejected: the schema is closed.
	bad := map[string]any{"bukets": []any{}}
	if err := sch.Validate(bad); err == nil {
		t.Error("schema accepts unknown top-level keys")
	}
}
