package model

import "testing"

func TestMergeBucketSettings(t *testing.T) {
	r := Range{File: "main.tf", Line: 1}
	doc := &Document{Buckets: []*Bucket{{ID: "aws_s3_bucket.logs", Name: Str("logs", r)}}}
	enable := func(b *Bucket) { b.Versioning = &Versioning{Status: Str("Enabled", r)} }
	MergeBucketSettings(doc, []*BucketSetting{
		{Addr: "aws_s3_bucket_versioning.by_ref", Bucket: "aws_s3_bucket.logs", Apply: enable},
		{Addr: "aws_s3_bucket_versioning.other", BucketName: Str("elsewhere", r), Range: r, Apply: enable},
		{Addr: "aws_s3_bucket_logging.other", BucketName: Str("elsewhere", r), Apply: func(b *Bucket) { b.Logging = &Logging{} }},
	})
	if got := doc.Buckets[0].Versioning.Status.String(); got != "Enabled" {
		t.Errorf("linked by reference: versioning %q", got)
	}
	if len(doc.Buckets) != 2 {
		t.Fatalf("%d buckets, want the declared one plus one partial bucket for elsewhere", len(doc.Buckets))
	}
	p := doc.Buckets[1]
	if !p.Partial || p.ID != "aws_s3_bucket_versioning.other" || p.ARN != "arn:aws:s3:::elsewhere" || p.Versioning == nil || p.Logging == nil {
		t.Errorf("partial bucket = %+v", p)
	}
}
