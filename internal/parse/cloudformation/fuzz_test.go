package cloudformation

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

func FuzzParseYAML(f *testing.F) {
	addSeeds(f, "*.yaml")
	f.Add([]byte("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub \"${AWS::AccountId}-x\"\n"))
	f.Add([]byte("a: &a [x, *a]\n"))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\nResources: {B: {Type: AWS::KMS::Key, Properties: {KeyPolicy: *b}}}\n"))
	f.Add([]byte("Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      TrailName: |\n        multi\n        line\n      S3BucketName: 'it''s'\n      S3KeyPrefix: plain\n        continued # comment\n"))
	f.Add([]byte("Conditions:\n  A: !Equals [!Ref P, x]\n  B: !And [!Condition A, !Condition B]\nResources:\n  X:\n    Type: AWS::S3::Bucket\n    Condition: B\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "fuzz.yaml", data)
	})
}

func FuzzParseJSON(f *testing.F) {
	addSeeds(f, "*.json")
	addSeeds(f, "cdk.out/*.json")
	f.Add([]byte(`{"Resources": {"B": {"Type": "AWS::S3::BucketPolicy", "Properties": {"PolicyDocument": "{\"Statement\": []}"}}}}`))
	f.Add([]byte(`{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Join": ["-", {"Fn::Split": [",", "a,b"]}]}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "fuzz.json", data)
	})
}

func addSeeds(f *testing.F, pattern string) {
	paths, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkParse parses data and checks the invariants that hold for any input:
// no panic, an answer in bounded time, every problem on a line of the file,
// and every range of every document within the file.
func checkParse(t *testing.T, name string, data []byte) {
	start := time.Now()
	docs, errs := Parse(parse.File{Path: name, Data: data}, Options{})
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("took %v", d)
	}
	src := newSource(name, data)
	for _, e := range errs {
		if e.File != name || e.Line < 1 || e.Line > len(src.lineStart) {
			t.Errorf("problem outside the file: %v", e)
		}
	}
	if len(docs) > maxVariants {
		t.Errorf("%d documents", len(docs))
	}
	for _, d := range docs {
		forEachRange(reflect.ValueOf(d), func(r model.Range) {
			if !r.IsZero() && !within(src, r) {
				t.Errorf("range %s-%d:%d outside the file", r, r.EndLine, r.EndColumn)
			}
		})
	}
}

// within reports whether r lies inside the file: both ends on lines of the
// file, the end after the start, and no column past the end of its line
// (a range may end just past the line's last byte).
func within(src *source, r model.Range) bool {
	lines := len(src.lineStart)
	if r.Line < 1 || r.Line > lines || r.EndLine < r.Line || r.EndLine > lines {
		return false
	}
	if r.EndLine == r.Line && r.EndColumn < r.Column {
		return false
	}
	lineLen := func(l int) int {
		end := len(src.data)
		if l < lines {
			end = src.lineStart[l] - 1 // the '\n'
		}
		return end - src.lineStart[l-1]
	}
	return r.Column >= 1 && r.Column <= lineLen(r.Line)+1 && r.EndColumn >= 1 && r.EndColumn <= lineLen(r.EndLine)+1
}

var rangeType = reflect.TypeOf(model.Range{})

// forEachRange calls fn for every model.Range reachable from v.
func forEachRange(v reflect.Value, fn func(model.Range)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			forEachRange(v.Elem(), fn)
		}
	case reflect.Struct:
		if v.Type() == rangeType {
			fn(v.Interface().(model.Range))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			forEachRange(v.Field(i), fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			forEachRange(v.Index(i), fn)
		}
	}
}

// TestRangesWithinFixtures runs the fuzz invariants over every fixture, so
// that they are checked on every test run, not only while fuzzing.
func TestRangesWithinFixtures(t *testing.T) {
	for _, pattern := range []string{"*.yaml", "*.json", "cdk.out/*.json"} {
		paths, _ := filepath.Glob(filepath.Join("testdata", pattern))
		for _, p := range paths {
			data := readFile(t, p)
			checkParse(t, p, data)
			docs, _ := Parse(parse.File{Path: p, Data: data}, Options{})
			n := 0
			for _, d := range docs {
				forEachRange(reflect.ValueOf(d), func(r model.Range) {
					if !r.IsZero() {
						n++
					}
				})
			}
			if n == 0 {
				t.Errorf("%s: no ranges checked", p)
			}
		}
	}
}
