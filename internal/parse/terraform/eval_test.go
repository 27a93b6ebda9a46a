package terraform

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ctlint/ctlint/internal/model"
)

func TestMarkers(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
data "aws_caller_identity" "me" {}
data "aws_region" "here" {}
data "aws_partition" "p" {}
data "aws_s3_bucket" "existing" {
  bucket = "x"
}
variable "suffix" {}
variable "env" {}
resource "aws_s3_bucket" "a" {
  bucket = "logs-${data.aws_caller_identity.me.account_id}-${data.aws_region.here.name}-${var.suffix}"
}
resource "aws_cloudtrail" "t" {
  name           = "arn:${data.aws_partition.p.partition}:x"
  s3_bucket_name = data.aws_s3_bucket.existing.id
  enable_logging = var.env == "prod" ? true : false
  s3_key_prefix  = var.env != "prod" ? "a" : "b"
}
`})
	b := doc.Buckets[0]
	if got, want := b.Name.Value, "logs-«AWS::AccountId»-«AWS::Region»-«var.suffix»"; got != want || b.Name.Known {
		t.Errorf("bucket name = %q known=%v, want %q unknown", got, b.Name.Known, want)
	}
	if b.ARN != "arn:aws:s3:::logs-«AWS::AccountId»-«AWS::Region»-«var.suffix»" {
		t.Errorf("arn = %q", b.ARN)
	}
	tr := doc.Trails[0]
	if tr.Name.String() != "arn:«AWS::Partition»:x" {
		t.Errorf("partition: %q", tr.Name.String())
	}
	if tr.BucketName.String() != "«data.aws_s3_bucket.existing.id»" || tr.BucketName.Known {
		t.Errorf("data source: %+v", tr.BucketName)
	}
	// Comparing an unknown must not decide the condition.
	if tr.IsLogging == nil || tr.IsLogging.Known || tr.IsLogging.Value != `«var.env == "prod" ? true : false»` {
		t.Errorf("enable_logging = %+v", tr.IsLogging)
	}
	if tr.S3KeyPrefix == nil || tr.S3KeyPrefix.Known {
		t.Errorf("s3_key_prefix = %+v", tr.S3KeyPrefix)
	}
}

func TestVariablePrecedence(t *testing.T) {
	files := map[string]string{
		"main.tf": `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" {
  type    = number
  default = 1
}
resource "aws_s3_bucket" "x" {
  bucket = join("-", [var.a, var.b, var.c, var.d, var.e])
}
`,
		"terraform.tfvars":  `b = "tfvars"` + "\nc = \"tfvars\"\nd = \"tfvars\"",
		"z.auto.tfvars":     `c = "auto"` + "\nd = \"auto\"",
		"custom.tfvars":     `d = "file"`,
		"other/ignored.tf":  `resource "aws_s3_bucket" "y" {}`,
		"e_is_a_number.txt": ``,
	}
	doc, errs := parseMap(t, files, Options{VarFiles: []string{"custom.tfvars"}, Vars: map[string]string{"e": "7"}})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(doc.Buckets) != 1 {
		t.Fatalf("buckets %d: files below the module directory must not be read", len(doc.Buckets))
	}
	if got := doc.Buckets[0].Name.String(); got != "default-tfvars-auto-file-7" {
		t.Errorf("name = %q", got)
	}
}

func TestCountAndForEach(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
variable "n" {}
resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "b-${count.index}"
}
resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "never"
}
resource "aws_s3_bucket" "keyed" {
  for_each = toset(["x", "y"])
  bucket   = "k-${each.key}"
}
resource "aws_s3_bucket" "unknown" {
  count  = var.n
  bucket = "u-${count.index}"
}
resource "aws_s3_bucket_versioning" "keyed" {
  for_each = aws_s3_bucket.keyed
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_policy" "first" {
  bucket = aws_s3_bucket.counted[1].id
  policy = "{}"
}
`})
	want := []string{
		`aws_s3_bucket.counted[0]=b-0`, `aws_s3_bucket.counted[1]=b-1`,
		`aws_s3_bucket.keyed["x"]=k-x`, `aws_s3_bucket.keyed["y"]=k-y`,
		`aws_s3_bucket.unknown=u-«count.index»`,
	}
	var got []string
	for _, b := range doc.Buckets {
		got = append(got, b.ID+"="+b.Name.String())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("buckets:\n got %v\nwant %v", got, want)
	}
	for _, id := range []string{`aws_s3_bucket.keyed["x"]`, `aws_s3_bucket.keyed["y"]`} {
		if b := bucket(t, doc, id); b.Versioning == nil || b.Versioning.Status.String() != "Enabled" {
			t.Errorf("%s: versioning not merged", id)
		}
	}
	if bp := doc.BucketPolicies[0]; bp.Bucket != "aws_s3_bucket.counted[1]" {
		t.Errorf("policy linked to %q", bp.Bucket)
	}
}

func TestHugeCountIsBounded(t *testing.T) {
	begin := time.Now()
	doc, errs := parseMap(t, map[string]string{"main.tf": `
resource "aws_s3_bucket" "many" {
  count  = 1000000000
  bucket = "b-${count.index}"
}
resource "aws_s3_bucket" "range" {
  for_each = toset([for i in range(1000000000) : tostring(i)])
  bucket   = each.key
}
`}, Options{})
	if d := time.Since(begin); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	if len(doc.Buckets) != 1001 {
		t.Errorf("buckets: %d, want 1000 counted + 1 unknown for_each", len(doc.Buckets))
	}
	if len(errs) != 1 || !errs[0].Warning || errs[0].Line != 2 || errs[0].Column != 3 {
		t.Fatalf("want one warning at main.tf:2:3, got %v", errs)
	}
	if last := doc.Buckets[1000]; last.ID != "aws_s3_bucket.range" || last.Name.Known {
		t.Errorf("unknown for_each: %s %+v", last.ID, last.Name)
	}
}

func TestDynamicBlocks(t *testing.T) {
	doc := mustParseMap(t, map[string]string{"main.tf": `
variable "sources" {}
locals {
  rules = { keep = 400, short = 7 }
}
resource "aws_s3_bucket_lifecycle_configuration" "l" {
  bucket = "b"
  dynamic "rule" {
    for_each = local.rules
    content {
      id     = rule.key
      status = "Enabled"
      expiration {
        days = rule.value
      }
    }
  }
}
resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "b"
  dynamic "event_selector" {
    for_each = var.sources
    iterator = src
    content {
      read_write_type = src.value
    }
  }
}
`})
	rules := doc.Lifecycles[0].Rules
	if len(rules) != 2 {
		t.Fatalf("rules: %d", len(rules))
	}
	if rules[0].ID.String() != "keep" || rules[0].Expiration.Days.Value != 400.0 || rules[1].ID.String() != "short" || rules[1].Expiration.Days.Value != 7.0 {
		t.Errorf("rules: %v %v / %v %v", rules[0].ID.Value, rules[0].Expiration.Days.Value, rules[1].ID.Value, rules[1].Expiration.Days.Value)
	}
	if rules[0].Range != rg("main.tf", 7, 3, 16, 4) {
		t.Errorf("rule range %s", full(rules[0].Range))
	}
	sel := doc.Trails[0].EventSelectors
	if len(sel) != 1 || sel[0].ReadWriteType.Known || sel[0].ReadWriteType.Value != "«src.value»" {
		t.Errorf("unknown dynamic: %+v", sel)
	}
}

func TestLocalCycle(t *testing.T) {
	doc, errs := parseMap(t, map[string]string{"main.tf": `
locals {
  a = local.b
  b = "x-${local.a}"
}
resource "aws_s3_bucket" "x" {
  bucket = local.a
}
`}, Options{})
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	for i, line := range []int{2, 3} {
		e := errs[i]
		if e.File != "main.tf" || e.Line != line || e.Column != 3 || !strings.Contains(e.Message, "local.a -> local.b -> local.a") {
			t.Errorf("error %d: %v", i, e)
		}
	}
	if n := doc.Buckets[0].Name; n.Known || !model.HasUnknown(n.String()) {
		t.Errorf("cyclic value must be unknown: %+v", n)
	}
}

func TestMalformedFileKeepsOthers(t *testing.T) {
	doc, errs := parseMap(t, map[string]string{
		"a.tf": `resource "aws_s3_bucket" "ok" { bucket = "fine" }`,
		"b.tf": "resource \"aws_s3_bucket\" \"bad\" {\n  bucket = \"x\"\n  acl = \n}\n",
	}, Options{DisplayPrefix: "infra"})
	if len(errs) == 0 {
		t.Fatal("no error for malformed HCL")
	}
	e := errs[0]
	if e.File != "infra/b.tf" || e.Line != 3 || e.Column != 9 || e.Warning {
		t.Errorf("error at %s:%d:%d warning=%v: %s", e.File, e.Line, e.Column, e.Warning, e.Message)
	}
	found := false
	for _, b := range doc.Buckets {
		if b.ID == "aws_s3_bucket.ok" && b.Name.Range.File == "infra/a.tf" {
			found = true
		}
	}
	if !found {
		t.Errorf("other file not parsed: %v", ids(doc))
	}
}

func TestValueBombsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("locals {\n  l0 = \"0123456789abcdef0123456789abcdef\"\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "  l%d = \"${local.l%d}${local.l%d}\"\n", i, i-1, i-1)
	}
	b.WriteString("  wide = format(\"%999999999s\", \"x\")\n")
	b.WriteString("  many = join(\"\", [for i in range(1000) : local.l12])\n}\n")
	b.WriteString("resource \"aws_s3_bucket\" \"x\" {\n  bucket = \"${local.l40}${local.wide}${local.many}\"\n}\n")
	begin := time.Now()
	doc := mustParseMap(t, map[string]string{"main.tf": b.String()})
	if d := time.Since(begin); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	if n := doc.Buckets[0].Name; n.Known || len(n.String()) > maxValueBytes {
		t.Errorf("name known=%v, %d bytes", n.Known, len(n.String()))
	}
}
