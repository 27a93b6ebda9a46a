package terraform

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

func TestLocalModule(t *testing.T) {
	doc, errs := Parse(os.DirFS("testdata/modules"), Options{Dir: "root", DisplayPrefix: "repo"})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	const modFile = "repo/modules/logs/main.tf"
	b := bucket(t, doc, "module.logs.aws_s3_bucket.this")
	attrEq(t, "bucket", b.Name, "org-trail-logs", true, rg(modFile, 8, 3, 8, 27))
	if len(doc.BucketPolicies) != 1 {
		t.Fatalf("bucket policies: %d", len(doc.BucketPolicies))
	}
	bp := doc.BucketPolicies[0]
	if bp.ID != "module.logs.aws_s3_bucket_policy.this" || bp.Bucket != b.ID || b.Policy != bp.ID {
		t.Errorf("policy %q -> %q, bucket -> %q", bp.ID, bp.Bucket, b.Policy)
	}
	s := bp.Policy.Statements[0]
	if s.Range != rg(modFile, 15, 18, 21, 6) {
		t.Errorf("statement range %s", full(s.Range))
	}
	if v := s.Resource.Values[0].Value; v != "arn:aws:s3:::org-trail-logs/AWSLogs/*" {
		t.Errorf("resource %q", v)
	}
	if v := s.Conditions[0].Values[0]; v.Value != "arn:aws:cloudtrail:us-east-1:111122223333:trail/org" || v.Range != rg(modFile, 20, 56, 20, 69) {
		t.Errorf("condition value from module input: %q at %s", v.Value, full(v.Range))
	}
	tr := doc.Trails[0]
	if tr.Bucket != b.ID || !b.IsLogBucket {
		t.Errorf("trail bucket via module output: %q", tr.Bucket)
	}
	if tr.KMSKeyID.Known || tr.KMSKeyID.Value != "«module.remote.kms_arn»" {
		t.Errorf("remote module output: %+v", tr.KMSKeyID)
	}
	want := model.Unresolved{Expr: "terraform-aws-modules/s3-bucket/aws", Reason: reasonRemoteModule, Resource: "module.remote", Range: rg("repo/root/main.tf", 7, 1, 11, 2)}
	if len(doc.Unresolved) != 1 || doc.Unresolved[0] != want {
		t.Errorf("unresolved: %+v", doc.Unresolved)
	}
	if got := strings.Join(doc.Scope.Files, ","); got != "repo/root/main.tf,repo/modules/logs/main.tf" {
		t.Errorf("files: %s", got)
	}
}

func TestCircularModules(t *testing.T) {
	doc, errs := Parse(os.DirFS("testdata/modules"), Options{Dir: "cycle/a"})
	if len(errs) != 1 {
		t.Fatalf("errors: %v", errs)
	}
	e := errs[0]
	if e.File != "cycle/b/main.tf" || e.Line != 2 || e.Column != 3 || !strings.Contains(e.Message, `"module.b.module.a"`) {
		t.Errorf("error: %v", e)
	}
	if len(doc.Buckets) != 1 || doc.Buckets[0].ID != "module.b.aws_s3_bucket.in_b" {
		t.Errorf("buckets: %v", ids(doc))
	}
}

func TestModuleLimits(t *testing.T) {
	files := map[string]string{
		"root/main.tf": `
module "outside" {
  source = "../../elsewhere"
}
module "deep" {
  source = "../m0"
}
`,
	}
	for i := range 70 {
		files[fmt.Sprintf("m%d/main.tf", i)] = fmt.Sprintf("module \"next\" {\n  source = \"../m%d\"\n}\n", i+1)
	}
	files["m70/main.tf"] = `resource "aws_s3_bucket" "bottom" {}`
	doc, errs := parseMap(t, files, Options{Dir: "root"})
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "nested deeper than 64") || errs[0].File != "m63/main.tf" || errs[0].Line != 2 {
		t.Errorf("errors: %v", errs)
	}
	if len(doc.Buckets) != 0 {
		t.Errorf("buckets below the depth limit: %v", ids(doc))
	}
	want := model.Unresolved{Expr: "../../elsewhere", Reason: reasonOutsideRoot, Resource: "module.outside", Range: rg("root/main.tf", 2, 3, 2, 29)}
	if len(doc.Unresolved) != 1 || doc.Unresolved[0] != want {
		t.Errorf("unresolved: %+v", doc.Unresolved)
	}
}
