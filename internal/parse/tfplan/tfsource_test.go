package tfplan

import (
	"os"
	"slices"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

// A plan next to its configuration: entities and attributes point at the
// .tf blocks, following the local module source.
func TestMapToConfiguration(t *testing.T) {
	doc := parseFixture(t, "testdata/withconfig/plan.json", Options{FS: os.DirFS("testdata"), TFDir: "withconfig", DisplayPrefix: "testdata"})
	const root, mod = "testdata/withconfig/main.tf", "testdata/withconfig/modules/logs/main.tf"
	if want := []string{"testdata/withconfig/plan.json", root, mod}; !slices.Equal(doc.Scope.Files, want) {
		t.Errorf("scope files = %v, want %v", doc.Scope.Files, want)
	}
	b, bp, tr := doc.Buckets[0], doc.BucketPolicies[0], doc.Trails[0]
	wantRange(t, "bucket block", b.Range, rng(mod, 5, 1, 7, 2))
	wantRange(t, "bucket name", b.Name.Range, rng(mod, 6, 3, 6, 27))
	wantRange(t, "versioning block", b.Versioning.Range, rng(mod, 36, 3, 38, 4))
	wantRange(t, "versioning status", b.Versioning.Status.Range, rng(mod, 37, 5, 37, 23))
	wantRange(t, "policy block", bp.Range, rng(mod, 10, 1, 32, 2))
	// A rendered policy keeps no trace of its jsonencode lines: every
	// position is the policy argument.
	policyArg := rng(mod, 12, 3, 31, 5)
	wantRange(t, "policy", bp.Policy.Range, policyArg)
	wantRange(t, "statement 1", bp.Policy.Statements[1].Range, policyArg)
	wantRange(t, "condition value", bp.Policy.Statements[1].Conditions[0].Values[0].Range, policyArg)
	wantRange(t, "trail block", tr.Range, rng(root, 10, 1, 21, 2))
	wantRange(t, "trail bucket", tr.BucketName.Range, rng(root, 12, 3, 12, 53))
	wantRange(t, "event selector", tr.EventSelectors[0].Range, rng(root, 16, 3, 20, 4))
	wantRange(t, "excluded source", tr.EventSelectors[0].ExcludeManagementEventSources[0].Range, rng(root, 19, 5, 19, 61))
	// enable_logging is not written: the provider default is in the plan;
	// it points at the block.
	wantRange(t, "enable_logging", tr.IsLogging.Range, rng(root, 10, 1, 21, 2))
}

// Without .tf files next to the plan, or with a module outside the file
// system, positions stay in the plan.
func TestMapToConfigurationFallsBack(t *testing.T) {
	for name, opts := range map[string]Options{
		"no .tf files":      {FS: os.DirFS("testdata"), TFDir: "."},
		"module outside FS": {FS: os.DirFS("testdata/withconfig/modules"), TFDir: "."},
		"no file system":    {TFDir: "withconfig"},
		"missing directory": {FS: os.DirFS("testdata"), TFDir: "nowhere"},
		"invalid path":      {FS: os.DirFS("testdata"), TFDir: "../withconfig"},
	} {
		t.Run(name, func(t *testing.T) {
			doc := parseFixture(t, "testdata/withconfig/plan.json", opts)
			for _, r := range []model.Range{doc.Buckets[0].Range, doc.BucketPolicies[0].Policy.Range} {
				if r.File != "testdata/withconfig/plan.json" {
					t.Errorf("range in %q, want the plan", r.File)
				}
			}
		})
	}
}

func TestModuleNames(t *testing.T) {
	tests := []struct {
		addr string
		want []string
		ok   bool
	}{
		{"", nil, true},
		{"module.logs", []string{"logs"}, true},
		{`module.logs[0].module.inner["a.b]"]`, []string{"logs", "inner"}, true},
		{`module.a["x\"y"]`, []string{"a"}, true},
		{"module.", nil, false},
		{"aws_s3_bucket.x", nil, false},
		{"module.a[0", nil, false},
		{"module.a[0]x", nil, false},
	}
	for _, tt := range tests {
		got, ok := moduleNames(tt.addr)
		if ok != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("moduleNames(%q) = %v, %v; want %v, %v", tt.addr, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRefTarget(t *testing.T) {
	tests := []struct {
		ref, prefix, name, key string
		ok                     bool
	}{
		{"aws_s3_bucket.logs.id", "aws_s3_bucket.", "logs", "", true},
		{"aws_s3_bucket.logs", "aws_s3_bucket.", "logs", "", true},
		{"aws_s3_bucket.logs[0].id", "aws_s3_bucket.", "logs", "[0]", true},
		{`aws_s3_bucket.logs["eu"]`, "aws_s3_bucket.", "logs", `["eu"]`, true},
		{"aws_s3_bucket_policy.logs", "aws_s3_bucket.", "", "", false},
		{"var.bucket", "aws_s3_bucket.", "", "", false},
		{"aws_s3_bucket.logs[0", "aws_s3_bucket.", "", "", false},
	}
	for _, tt := range tests {
		name, key, ok := refTarget(tt.ref, tt.prefix)
		if name != tt.name || key != tt.key || ok != tt.ok {
			t.Errorf("refTarget(%q) = %q, %q, %v; want %q, %q, %v", tt.ref, name, key, ok, tt.name, tt.key, tt.ok)
		}
	}
}
