package cloudformation

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestTrailRanges pins the ranges findings point at, in the YAML template
// and the same template in JSON: the property line, the statement, the
// resource from its logical ID to its end.
func TestTrailRanges(t *testing.T) {
	tests := []struct {
		path                   string
		trail, multiRegion     string
		bucketPolicy, stmt0    string
		stmt1, stmt1Resource   string
		keyPolicy, bucketName  string
		restrictPublicBuckets  string
		lifecycleRule, expDays string
	}{
		{
			path:  "testdata/trail.yaml",
			trail: "75:3-84:36", multiRegion: "83:7-83:32",
			bucketPolicy: "35:3-56:56", stmt0: "42:13-47:44",
			stmt1: "48:13-56:56", stmt1Resource: "53:23-53:74",
			keyPolicy: "62:9-69:26", bucketName: "11:7-11:54",
			restrictPublicBuckets: "23:9-23:39",
			lifecycleRule:         "26:13-34:37", expDays: "29:13-29:33",
		},
		{
			path:  "testdata/trail.json",
			trail: "86:5-97:6", multiRegion: "94:9-94:36",
			bucketPolicy: "38:5-63:6", stmt0: "45:13-51:14",
			stmt1: "52:13-59:14", stmt1Resource: "57:27-57:86",
			keyPolicy: "68:22-79:10", bucketName: "11:9-11:66",
			restrictPublicBuckets: "22:11-22:43",
			lifecycleRule:         "26:13-33:14", expDays: "30:15-30:37",
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			docs := parseFile(t, tt.path, Options{})
			if len(docs) != 1 {
				t.Fatalf("got %d documents, want 1", len(docs))
			}
			d := docs[0]
			if len(d.Trails) != 1 || len(d.BucketPolicies) != 1 || len(d.Keys) != 1 || len(d.Buckets) != 1 {
				t.Fatalf("entities: %d trails, %d bucket policies, %d keys, %d buckets", len(d.Trails), len(d.BucketPolicies), len(d.Keys), len(d.Buckets))
			}
			tr, bp, key, bk := d.Trails[0], d.BucketPolicies[0], d.Keys[0], d.Buckets[0]
			stmts := bp.Policy.Statements
			if len(stmts) != 2 {
				t.Fatalf("got %d statements, want 2", len(stmts))
			}
			checks := []struct{ what, got, want string }{
				{"trail range", at(tr.Range), tt.trail},
				{"IsMultiRegionTrail range", at(tr.IsMultiRegion.Range), tt.multiRegion},
				{"IsMultiRegionTrail value", attrStr(tr.IsMultiRegion), "false@" + tt.multiRegion},
				{"bucket policy range", at(bp.Range), tt.bucketPolicy},
				{"statement 0", at(stmts[0].Range), tt.stmt0},
				{"statement 1", at(stmts[1].Range), tt.stmt1},
				{"statement 1 resource", at(stmts[1].Resource.Values[0].Range), tt.stmt1Resource},
				{"statement 1 resource value", stmts[1].Resource.Values[0].Value, "arn:aws:s3:::«AWS::AccountId»-trail-logs/AWSLogs/«AWS::AccountId»/*"},
				{"key policy", at(key.Policy.Range), tt.keyPolicy},
				{"bucket name", attrStr(bk.Name), "«AWS::AccountId»-trail-logs@" + tt.bucketName},
				{"RestrictPublicBuckets (string false)", attrStr(d.PublicAccessBlocks[0].RestrictPublicBuckets), "false@" + tt.restrictPublicBuckets},
				{"lifecycle rule", at(d.Lifecycles[0].Rules[0].Range), tt.lifecycleRule},
				{"ExpirationInDays", attrStr(d.Lifecycles[0].Rules[0].Expiration.Days), "90@" + tt.expDays},
				{"trail name", tr.Name.String(), "prod-trail"},
				{"trail ARN", tr.ARN, "arn:«AWS::Partition»:cloudtrail:«AWS::Region»:«AWS::AccountId»:trail/prod-trail"},
				{"trail bucket link", tr.Bucket, "LogBucket"},
				{"trail key link", tr.Key, "TrailKey"},
				{"policy bucket link", bp.Bucket, "LogBucket"},
				{"encryption key link", bk.Encryption.Key, "TrailKey"},
				{"key alias", strings.Join(key.Aliases, ","), "alias/trail"},
				{"log bucket", map[bool]string{true: "yes", false: "no"}[bk.IsLogBucket], "yes"},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
				}
			}
			for _, s := range stmts {
				if s.Principal == nil || len(s.Conditions) > 1 {
					t.Errorf("statement %d: principal %v, %d conditions", s.Index, s.Principal, len(s.Conditions))
				}
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		path string
		data string
		want bool
	}{
		{"a.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", true},
		{"a.yml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", true},
		{"a.template", "Resources:\n  B:\n    Type: \"AWS::S3::Bucket\"\n", true},
		{"flow.yaml", "Resources: {B: {Type: AWS::S3::Bucket}}\n", true},
		{"a.json", `{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}`, true},
		{"cdk.out/Stack.template.json", "\ufeff  {\"Resources\":{\"B\":{\"Type\":\"AWS::S3::Bucket\"}}}", true},
		{"a.template", `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}`, true},
		{"a.txt", "AWSTemplateFormatVersion: '2010-09-09'\n", false},
		{"a.tf", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", false},
		{"a.yaml", "resources:\n  limits: {}\n", false},
		{"a.yaml", "Resources:\n  B:\n    Type: Custom::Thing\n", false},
		{"a.yaml", "", false},
	}
	for _, tt := range tests {
		if got := Detect(tt.path, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %t, want %t", tt.path, tt.data, got, tt.want)
		}
	}
	for _, path := range []string{
		"testdata/notemplates/workflow.yml",
		"testdata/notemplates/docker-compose.yaml",
		"testdata/notemplates/package.json",
		"testdata/notemplates/policy.json",
		"testdata/notemplates/plan.json",
	} {
		if Detect(path, readFile(t, path)) {
			t.Errorf("Detect(%s) = true, want false", path)
		}
	}
	for _, path := range []string{"testdata/trail.yaml", "testdata/trail.json", "testdata/cdk.out/AuditStack.template.json"} {
		if !Detect(path, readFile(t, path)) {
			t.Errorf("Detect(%s) = false, want true", path)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, path, text string
		want             []string // Error() of every problem, in order
	}{
		{
			name: "bad YAML",
			path: "bad.yaml",
			text: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: x: y\n",
			want: []string{"bad.yaml:4: invalid YAML: did not find expected key"},
		},
		{
			name: "bad YAML on the first line",
			path: "bad.yaml",
			text: "Resources: x: y\n",
			want: []string{"bad.yaml:1: invalid YAML: mapping values are not allowed in this context"},
		},
		{
			name: "unknown tag",
			path: "tag.yaml",
			text: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Foo bar\n",
			want: []string{"tag.yaml:5:19: unknown tag !Foo"},
		},
		{
			name: "Resources not a map",
			path: "list.yaml",
			text: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  - B\n",
			want: []string{"list.yaml:3:3: Resources must be a mapping, not array"},
		},
		{
			name: "no Resources",
			path: "none.yaml",
			text: "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: nothing\n",
			want: []string{"none.yaml:1:1: template has no Resources section"},
		},
		{
			name: "resource without Type, the others still read",
			path: "notype.yaml",
			text: "Resources:\n  A:\n    Properties: {}\n  B:\n    Type: AWS::S3::Bucket\n  C: oops\n  D:\n    Type: [x]\n",
			want: []string{
				"notype.yaml:2:3: resource A has no Type",
				"notype.yaml:6:6: resource C must be a mapping, not string",
				"notype.yaml:8:11: resource D: Type must be a string",
			},
		},
		{
			name: "undefined condition",
			path: "cond.yaml",
			text: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: Nope\n",
			want: []string{"cond.yaml:4:16: resource B names undefined condition Nope"},
		},
		{
			name: "template not a mapping",
			path: "scalar.yaml",
			text: "just text\n",
			want: []string{"scalar.yaml:1:1: template must be a mapping, not string"},
		},
		{
			name: "bad JSON",
			path: "bad.json",
			text: "{\n  \"Resources\": {\n    \"B\": {\"Type\": \"AWS::S3::Bucket\",}\n  }\n}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := parseText(tt.path, tt.text, Options{})
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
				if e.Warning {
					t.Errorf("%v is a warning, want an error", e)
				}
			}
			if tt.want == nil { // JSON: the position comes from jsonpos
				if len(errs) != 1 || errs[0].Line != 3 || errs[0].Column == 0 {
					t.Fatalf("got %q, want one error at line 3 with a column", got)
				}
				return
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestAliasBomb: a "billion laughs" document must end with an error quickly,
// without expanding the aliases.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		b.WriteString("a" + strconv.Itoa(i) + ": &a" + strconv.Itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + strconv.Itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a11\n")
	start := time.Now()
	_, errs := parseText("bomb.yaml", b.String(), Options{})
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if len(errs) != 1 || errs[0].Error() != "bomb.yaml:5:45: aliases expand to more than 100000 values" {
		t.Fatalf("got %v, want one error about alias expansion", errs)
	}
}

func TestDeepNesting(t *testing.T) {
	text := "Resources: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n"
	_, errs := parseText("deep.yaml", text, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "nested deeper than 256") {
		t.Fatalf("got %v, want a nesting error", errs)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A list or map where one value belongs is an unknown that says which.
func TestCollectionWhereAValueBelongs(t *testing.T) {
	docs, errs := parseText("t.yaml", `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockConfiguration:
        Rule:
          DefaultRetention:
            Days: [1, 2]
            Mode: {a: b}
`, Options{})
	if len(errs) > 0 || len(docs) != 1 || len(docs[0].Buckets) != 1 {
		t.Fatalf("docs %v, errors %v", docs, errs)
	}
	lock := docs[0].Buckets[0].ObjectLock
	for name, got := range map[string]string{"Days": lock.Days.String(), "Mode": lock.Mode.String()} {
		want := map[string]string{"Days": "«an array where a single value belongs»", "Mode": "«an object where a single value belongs»"}[name]
		if got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
}
