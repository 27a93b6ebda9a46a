package cloudformation

import (
	"strings"
	"testing"
	"time"
)

// TestLongLine: a template written on one line (minified JSON read as YAML)
// is parsed in linear time.
func TestLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [`)
	for i := 0; i < 20000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"Key": "k", "Value": "v"}`)
	}
	b.WriteString(`]}}}}`)
	start := time.Now()
	docs, errs := parseText("long.yaml", b.String(), Options{})
	if len(errs) != 0 || len(docs) != 1 || len(docs[0].Buckets) != 1 {
		t.Fatalf("errors %v", errs)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
}
