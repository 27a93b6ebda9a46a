package policyjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func read(t *testing.T, path string) parse.File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parse.File{Path: path, Data: data}
}

func mustParse(t *testing.T, path string) *model.Document {
	t.Helper()
	doc, err := Parse(read(t, path), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func rg(file string, l, c, el, ec int) model.Range {
	return model.Range{File: file, Line: l, Column: c, EndLine: el, EndColumn: ec}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		file string
		kind string
		ok   bool
	}{
		{"aws-bucket-policy.json", KindBucketPolicy, true},
		{"aws-key-policy.json", KindKeyPolicy, true},
		{"seed000-bucket-policy.json", KindBucketPolicy, true},
		{"seed000-key-policy.json", KindKeyPolicy, true},
		{"get-bucket-policy.json", KindBucketPolicy, true},
		{"describe-trails.json", KindTrail, true},
		{"lifecycle.json", KindLifecycle, true},
		{"seed000-lifecycle.json", KindLifecycle, true},
		{"public-access-block.json", KindPublicAccessBlock, true},
		{"encryption.json", KindEncryption, true},
		{"package.json", "", false},
		{"cloudformation.json", "", false},
		{"tfplan.json", "", false},
	}
	for _, tt := range tests {
		kind, ok := Detect(read(t, "testdata/"+tt.file).Data)
		if kind != tt.kind || ok != tt.ok {
			t.Errorf("%s: Detect = %q, %v; want %q, %v", tt.file, kind, ok, tt.kind, tt.ok)
		}
	}
}

func TestDetectInline(t *testing.T) {
	tests := []struct {
		src  string
		kind string
		ok   bool
	}{
		{`{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]}`, KindPolicy, true},
		{`{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "*", "Condition": {"StringNotEquals": {"kms:CallerAccount": "1"}}}]}`, KindKeyPolicy, true},
		{`{"Statement": [{"Effect": "Deny", "Principal": "*", "NotAction": "x:y", "Resource": "arn:aws-cn:s3:::b/*"}]}`, KindBucketPolicy, true},
		{`{"Policy": {"Statement": [{"Effect": "Allow", "Action": "kms:*"}]}}`, KindKeyPolicy, true},
		{`{"Policy": "not json"}`, "", false},
		{`{"Trail": {"Name": "t", "S3BucketName": "b"}}`, KindTrail, true},
		{`{"Name": "t", "S3BucketName": "b"}`, KindTrail, true},
		{`{"TrailARN": "arn:aws:cloudtrail:us-east-1:1:trail/t", "EventSelectors": []}`, "", false},
		{`{"LifecycleConfiguration": {"Rules": []}}`, KindLifecycle, true},
		{`{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}`, KindEncryption, true},
		{`{"Rules": [{"Name": "x"}]}`, "", false},
		{`{"Rules": {"ID": "logs", "Status": "Enabled"}}`, KindLifecycle, true}, // Parse says Rules must be a list
		{`{"Rules": {"Name": "x"}}`, "", false},
		{`{"BlockPublicAcls": true, "RestrictPublicBuckets": true}`, KindPublicAccessBlock, true},
		{`{"BlockPublicAcls": true, "name": "x"}`, "", false},
		{`[1, 2]`, "", false},
		{`{}`, "", false},
		{`{"Statement": [`, KindPolicy, true},        // broken: let Parse report it
		{`{"Resources": {"Statement": [`, "", false}, // broken CloudFormation
		{`{"Statement": [{"Effect": "Allow", "NotPrincipal": {"Service": ["KMS.amazonaws.com"]}}]}`, KindKeyPolicy, true},
		// A statement far over the size limits, which normalization does
		// not read, still tells the kind.
		{`{"Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/` + strings.Repeat("A", 70000) + `"}]}`, KindBucketPolicy, true},
	}
	for _, tt := range tests {
		kind, ok := Detect([]byte(tt.src))
		if kind != tt.kind || ok != tt.ok {
			t.Errorf("%.120s: Detect = %q, %v; want %q, %v", tt.src, kind, ok, tt.kind, tt.ok)
		}
	}
}

func TestBucketPolicy(t *testing.T) {
	const path = "testdata/aws-bucket-policy.json"
	doc := mustParse(t, path)
	if doc.Scope.Kind != model.ScopePolicyJSON || doc.Scope.Path != path || len(doc.Scope.Files) != 1 || doc.Scope.Files[0] != path {
		t.Errorf("scope = %+v", doc.Scope)
	}
	if len(doc.BucketPolicies) != 1 || len(doc.Keys)+len(doc.OtherPolicies)+len(doc.Trails) != 0 {
		t.Fatalf("document = %+v", doc)
	}
	bp := doc.BucketPolicies[0]
	if bp.ID != path || bp.Bucket != "" || bp.Range != rg(path, 1, 1, 23, 2) {
		t.Errorf("bucket policy %q %q %+v", bp.ID, bp.Bucket, bp.Range)
	}
	if *bp.BucketName != *model.Str("myBucketName", rg(path, 9, 19, 9, 46)) {
		t.Errorf("bucket name %+v", bp.BucketName)
	}
	p := bp.Policy
	if p.ID != path || p.Kind != model.PolicyBucket || len(p.Problems) != 0 || len(p.Statements) != 2 {
		t.Fatalf("policy %q %q problems %+v", p.ID, p.Kind, p.Problems)
	}
	s := p.Statements[1]
	if s.Range != rg(path, 12, 5, 21, 6) || s.Sid.String() != "AWSCloudTrailWrite20150319" {
		t.Errorf("statement 1 %+v %q", s.Range, s.Sid.String())
	}
	if c := s.Conditions[1]; c.Key != "aws:SourceArn" || c.Range != rg(path, 20, 9, 20, 81) || c.OperatorRange != rg(path, 18, 21, 18, 35) {
		t.Errorf("condition %q %+v %+v", c.Key, c.Range, c.OperatorRange)
	}
}

// The AWS CLI prints the policy as a string on one long line; positions
// must be the columns of that line.
func TestBucketPolicyInPolicyString(t *testing.T) {
	const path = "testdata/get-bucket-policy.json"
	f := read(t, path)
	doc := mustParse(t, path)
	p := doc.BucketPolicies[0].Policy
	line := strings.Split(string(f.Data), "\n")[1]
	col := func(s string, n int) int {
		i := -1
		for range n {
			i += 1 + strings.Index(line[i+1:], s)
		}
		return i + 1
	}
	if len(p.Problems) != 0 || len(p.Statements) != 2 {
		t.Fatalf("problems %+v", p.Problems)
	}
	// The policy spans the string's content, quotes excluded.
	if p.Range != rg(path, 2, 16, 2, len(line)) {
		t.Errorf("policy range %+v, want 2:16-2:%d", p.Range, len(line))
	}
	s := p.Statements[1]
	start := col(`{\"Sid\"`, 2)
	if s.Range.Line != 2 || s.Range.Column != start || s.Range.EndColumn != col(`]}"`, 1) {
		t.Errorf("statement 1 at %+v, want column %d", s.Range, start)
	}
	want := `\"s3:PutObject\"`
	if v := s.Action.Values[0]; v.Value != "s3:PutObject" || v.Range != rg(path, 2, col(want, 1), 2, col(want, 1)+len(want)) {
		t.Errorf("action %+v, want column %d", v, col(want, 1))
	}
	want = `\"s3:x-amz-acl\"`
	if c := s.Conditions[0]; c.Key != "s3:x-amz-acl" || c.Range.Column != col(want, 1) {
		t.Errorf("condition %+v, want column %d", c, col(want, 1))
	}
}

func TestPolicyStringSyntaxError(t *testing.T) {
	src := "{\n  \"Policy\": \"{\\\"Statement\\\": [}\"\n}"
	_, err := Parse(parse.File{Path: "p.json", Data: []byte(src)}, Options{})
	var perr *parse.Error
	if !errors.As(err, &perr) {
		t.Fatalf("error = %v", err)
	}
	if perr.File != "p.json" || perr.Line != 2 || perr.Column != 31 {
		t.Errorf("error at %d:%d (%s), want 2:31", perr.Line, perr.Column, perr.Message)
	}
}

func TestKeyPolicy(t *testing.T) {
	const path = "testdata/seed000-key-policy.json"
	doc := mustParse(t, path)
	if len(doc.Keys) != 1 || len(doc.BucketPolicies) != 0 {
		t.Fatalf("document = %+v", doc)
	}
	k := doc.Keys[0]
	if k.ID != path || !model.IsUnknown(k.ARN) || k.Policy.Kind != model.PolicyKey {
		t.Errorf("key %q %q %q", k.ID, k.ARN, k.Policy.Kind)
	}
	s := k.Policy.Statements[1]
	if s.Range != rg(path, 13, 1, 24, 2) || len(s.Action.Values) != 2 {
		t.Fatalf("statement 1 %+v", s.Range)
	}
	if v := s.Action.Values[1]; v.Value != "kms:DecryptDataKey" || v.Range != rg(path, 21, 1, 21, 21) {
		t.Errorf("action %+v", v)
	}
}

func TestForcedKind(t *testing.T) {
	doc, err := Parse(parse.File{Path: "p.json", Data: []byte(`{"Version": "2012-10-17"}`)}, Options{Kind: KindBucketPolicy})
	if err != nil {
		t.Fatal(err)
	}
	probs := doc.BucketPolicies[0].Policy.Problems
	if len(probs) != 1 || probs[0].Message != "the policy has no Statement" || probs[0].Range != rg("p.json", 1, 1, 1, 26) {
		t.Errorf("problems = %+v", probs)
	}
	if _, err := Parse(parse.File{Path: "p.json", Data: []byte(`{"a": 1}`)}, Options{Kind: KindLifecycle}); err == nil {
		t.Error("a lifecycle without Rules must be an error")
	}
}

func TestLifecycle(t *testing.T) {
	const path = "testdata/lifecycle.json"
	doc := mustParse(t, path)
	if len(doc.Lifecycles) != 1 {
		t.Fatalf("document = %+v", doc)
	}
	lc := doc.Lifecycles[0]
	if lc.ID != path || lc.Range != rg(path, 1, 1, 31, 2) || len(lc.Rules) != 3 {
		t.Fatalf("lifecycle %q %+v %d rules", lc.ID, lc.Range, len(lc.Rules))
	}
	r0 := lc.Rules[0]
	if r0.ID.String() != "logs-retention" || r0.Status.String() != "Enabled" || r0.Range != rg(path, 3, 9, 15, 10) {
		t.Errorf("rule 0 %+v", r0)
	}
	f := r0.Filter
	if f.Prefix.String() != "AWSLogs/" || len(f.Tags) != 1 || f.Tags[0] != (model.Tag{Key: "class", Value: "audit", Range: rg(path, 5, 63, 5, 97)}) ||
		f.ObjectSizeGreaterThan.Value != 128.0 {
		t.Errorf("filter %+v tags %+v", f, f.Tags)
	}
	if len(r0.Transitions) != 2 || r0.Transitions[1].Days.Value != 90.0 || r0.Transitions[1].StorageClass.String() != "GLACIER" || r0.Transitions[1].Range != rg(path, 9, 17, 9, 56) {
		t.Errorf("transitions %+v", r0.Transitions[1])
	}
	if r0.Expiration.Days.Value != 2555.0 || r0.NoncurrentVersionExpiration.NoncurrentDays.Value != 400.0 || r0.NoncurrentVersionExpiration.NewerNoncurrentVersions.Value != 3.0 {
		t.Errorf("expirations %+v %+v", r0.Expiration, r0.NoncurrentVersionExpiration)
	}
	if r0.NoncurrentVersionTransitions[0].Days.Value != 30.0 || r0.AbortIncompleteMultipartUpload.Value != 7.0 {
		t.Errorf("noncurrent transitions / abort")
	}
	r1 := lc.Rules[1]
	if r1.Filter == nil || r1.Filter.Prefix.String() != "tmp/" || r1.Filter.Range != rg(path, 18, 23, 18, 29) || r1.Expiration.ExpiredObjectDeleteMarker.Value != true {
		t.Errorf("rule 1 %+v", r1)
	}
	// Bad values are kept as written, for CT304.
	r2 := lc.Rules[2]
	if r2.Filter == nil || r2.Filter.Prefix != nil || r2.Filter.Range != rg(path, 24, 23, 24, 25) {
		t.Errorf("empty filter %+v", r2.Filter)
	}
	if r2.Status.Value != 5.0 || r2.Expiration.Days.Value != "abc" || r2.Expiration.Days.Range != rg(path, 26, 36, 26, 41) ||
		r2.Transitions[0].Days.Value != -1.0 || r2.NoncurrentVersionExpiration.NoncurrentDays.Value != 1e30 {
		t.Errorf("rule 2 %+v", r2)
	}
}

func TestTrails(t *testing.T) {
	const path = "testdata/describe-trails.json"
	doc := mustParse(t, path)
	if len(doc.Trails) != 2 {
		t.Fatalf("trails = %d", len(doc.Trails))
	}
	t0, t1 := doc.Trails[0], doc.Trails[1]
	if t0.ID != path+"#trail/management-events" || t1.ID != path+"#trail/data-events" {
		t.Errorf("ids %q %q", t0.ID, t1.ID)
	}
	if t0.ARN != "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events" || t0.Account != "111122223333" || t0.Range != rg(path, 3, 9, 18, 10) {
		t.Errorf("trail 0 %q %q %+v", t0.ARN, t0.Account, t0.Range)
	}
	if v, _ := t0.IsMultiRegion.BoolValue(); !v || t0.IsMultiRegion.Range != rg(path, 8, 35, 8, 39) {
		t.Errorf("multi-region %+v", t0.IsMultiRegion)
	}
	if t0.BucketName.String() != "org-cloudtrail-logs" || t0.S3KeyPrefix.String() != "prod" || t0.KMSKeyID == nil || t0.CloudWatchLogsGroupARN == nil || t0.HomeRegion.String() != "us-east-1" {
		t.Errorf("trail 0 settings %+v", t0)
	}
	if len(t0.EventSelectors) != 0 {
		t.Errorf("selectors merged into the wrong trail")
	}
	if t1.Account != "444455556666" || len(t1.EventSelectors) != 1 || t1.KMSKeyID != nil {
		t.Fatalf("trail 1 %+v", t1)
	}
	es := t1.EventSelectors[0]
	if es.ReadWriteType.String() != "WriteOnly" || len(es.ExcludeManagementEventSources) != 1 || es.Range != rg(path, 34, 9, 39, 10) {
		t.Errorf("selector %+v", es)
	}
}

func TestSingleTrailWithStatus(t *testing.T) {
	src := `{"Trail": {"Name": "t", "S3BucketName": "b", "HomeRegion": "us-west-2"}, "IsLogging": false,
 "AdvancedEventSelectors": [{"Name": "mgmt", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]}]}`
	doc, err := Parse(parse.File{Path: "t.json", Data: []byte(src)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr := doc.Trails[0]
	if tr.ID != "t.json" || tr.IsLogging == nil || tr.IsLogging.Value != false || len(tr.AdvancedEventSelectors) != 1 {
		t.Fatalf("trail %+v", tr)
	}
	fs := tr.AdvancedEventSelectors[0].FieldSelectors[0]
	if fs.Field != "eventCategory" || len(fs.Equals) != 1 || fs.Equals[0].Value != "Management" {
		t.Errorf("field selector %+v", fs)
	}
	// No TrailARN: the linker builds one from the region and the account symbol.
	if want := "arn:" + model.Partition + ":cloudtrail:us-west-2:" + model.AccountID + ":trail/t"; tr.ARN != want {
		t.Errorf("ARN %q, want %q", tr.ARN, want)
	}
}

func TestPublicAccessBlockAndEncryption(t *testing.T) {
	const pab = "testdata/public-access-block.json"
	doc := mustParse(t, pab)
	b := doc.PublicAccessBlocks[0]
	if b.ID != pab || b.BlockPublicPolicy.Value != false || b.BlockPublicPolicy.Range != rg(pab, 5, 30, 5, 35) || b.Range != rg(pab, 2, 39, 7, 6) {
		t.Errorf("public access block %+v", b)
	}
	const enc = "testdata/encryption.json"
	doc = mustParse(t, enc)
	bk := doc.Buckets[0]
	if bk.ID != enc || !bk.Partial || bk.Encryption.Algorithm.String() != "aws:kms" || bk.Encryption.BucketKeyEnabled.Value != true ||
		bk.Encryption.Range != rg(enc, 4, 13, 10, 14) || bk.Encryption.KMSKeyID.Range.Line != 7 {
		t.Errorf("bucket %+v encryption %+v", bk, bk.Encryption)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"syntax", "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}", 3, 24, "invalid character '}' looking for the beginning of an object key string"},
		{"not recognized", `{"name": "x"}`, 1, 1, "not a policy, lifecycle, trail, public access block or encryption configuration; pass the kind explicitly to read it as one"},
		{"rules not a list", `{"LifecycleConfiguration": {"Rules": {"ID": "x"}}}`, 1, 38, "Rules must be a list of objects, not an object"},
		{"rule not an object", `{"Rules": [{"ID": "a"}, 3]}`, 1, 25, "Rules[1] must be an object, not a number"},
		{"expiration a string", `{"Rules": [{"ID": "a", "Expiration": "30d"}]}`, 1, 38, "Expiration must be an object, not a string"},
		{"trail list item", `{"trailList": ["x"]}`, 1, 16, "trailList[0] must be an object, not a string"},
		{"empty", "", 1, 1, "empty file: expected a JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(parse.File{Path: "in.json", Data: []byte(tt.src)}, Options{})
			var perr *parse.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error = %v (%T)", err, err)
			}
			if perr.File != "in.json" || perr.Line != tt.line || perr.Column != tt.col || perr.Message != tt.msg {
				t.Errorf("error = %d:%d %q, want %d:%d %q", perr.Line, perr.Column, perr.Message, tt.line, tt.col, tt.msg)
			}
		})
	}
}

// TestGolden pins the whole document for every fixture.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := Detect(data); !ok {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc := mustParse(t, filepath.ToSlash(path))
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(path), ".json")+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("document differs from %s (run go test -update and review the diff)", golden)
			}
		})
	}
}

func TestPolicyStringMatchesPlainFile(t *testing.T) {
	plain := mustParse(t, "testdata/aws-bucket-policy.json").BucketPolicies[0]
	wrapped := mustParse(t, "testdata/get-bucket-policy.json").BucketPolicies[0]
	if got, want := statementText(wrapped.Policy), statementText(plain.Policy); !reflect.DeepEqual(got, want) {
		t.Errorf("statements differ:\n got %v\nwant %v", got, want)
	}
	if wrapped.BucketName.String() != "myBucketName" || wrapped.Policy.Size != plain.Policy.Size {
		t.Errorf("bucket %q size %d, want myBucketName %d", wrapped.BucketName.String(), wrapped.Policy.Size, plain.Policy.Size)
	}
}
