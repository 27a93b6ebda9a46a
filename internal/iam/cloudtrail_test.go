package iam

import (
	"reflect"
	"testing"

	"github.com/ctlint/ctlint/internal/model"
)

// documentedPolicy is AWS's documented single-account bucket policy for
// CloudTrail delivery, for trail "main" of account 111122223333 writing to
// bucket "logs" without a prefix.
func documentedPolicy() *model.Policy {
	return v12(
		allow(
			principal(PrincipalService, cloudTrail),
			action("s3:GetBucketAcl"),
			resource(bucketARN),
			cond("StringEquals", "aws:SourceArn", trailARN)),
		allow(
			principal(PrincipalService, cloudTrail),
			action("s3:PutObject"),
			resource("arn:aws:s3:::logs/AWSLogs/111122223333/*"),
			cond("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"),
			cond("StringEquals", "aws:SourceArn", trailARN)),
	)
}

// seed000Policy is the write part of seed tutorial 000's bucket policy: no
// aws:SourceArn or aws:SourceAccount, and an encryption Deny.
func seed000Policy() *model.Policy {
	return v12(
		allow(
			principal(PrincipalService, cloudTrail),
			action("s3:GetBucketAcl"),
			resource(bucketARN)),
		allow(
			principal(PrincipalService, cloudTrail),
			action("s3:PutObject"),
			resource("arn:aws:s3:::logs/AWSLogs/*"),
			cond("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")),
		deny(
			everyone(),
			action("s3:PutObject"),
			resource("arn:aws:s3:::logs/*"),
			cond("StringNotEquals", "s3:x-amz-server-side-encryption", "aws:kms")),
	)
}

const foreignTrail = "arn:aws:cloudtrail:us-east-1:" + ForeignAccount + ":trail/main"

func TestCloudTrailProbes(t *testing.T) {
	delivery := func(sourceArn string, opts ...reqOption) Request {
		return put(append([]reqOption{
			with("aws:SourceArn", sourceArn),
			with("s3:x-amz-acl", "bucket-owner-full-control"),
		}, opts...)...)
	}
	ownTrailSymbolic := "arn:aws:cloudtrail:us-east-1:" + model.AccountID + ":trail/main"
	symbolic := v12(allow(
		principal(PrincipalService, cloudTrail),
		action("s3:PutObject"),
		resource("arn:aws:s3:::logs/*"),
		cond("StringEquals", "aws:SourceArn", ownTrailSymbolic)))

	tests := []struct {
		name string
		p    *model.Policy
		req  Request
		want Decision
	}{
		{"documented policy allows the trail's delivery", documentedPolicy(), delivery(trailARN),
			Decision{Effect: Allow, Allowing: ints(1)}},
		{"documented policy allows the ACL check", documentedPolicy(),
			put(doing("s3:GetBucketAcl"), on(bucketARN), with("aws:SourceArn", trailARN)),
			Decision{Effect: Allow, Allowing: ints(0)}},
		{"documented policy refuses a trail of another account", documentedPolicy(), delivery(foreignTrail),
			Decision{Effect: ImplicitDeny}},
		{"documented policy refuses a PUT without the ACL", documentedPolicy(), put(with("aws:SourceArn", trailARN)),
			Decision{Effect: ImplicitDeny}},
		{"seed 000 lets a trail of another account write", seed000Policy(),
			delivery(foreignTrail, with("s3:x-amz-server-side-encryption", "aws:kms")),
			Decision{Effect: Allow, Allowing: ints(1)}},
		{"encryption deny denies a PUT without the header", seed000Policy(), delivery(trailARN),
			Decision{Effect: Deny, Allowing: ints(1), Denying: ints(2)}},
		{"encryption deny denies SSE-S3", seed000Policy(), delivery(trailARN, with("s3:x-amz-server-side-encryption", "AES256")),
			Decision{Effect: Deny, Allowing: ints(1), Denying: ints(2)}},
		{"own-account SourceArn refuses the foreign account", symbolic, delivery(foreignTrail),
			Decision{Effect: ImplicitDeny}},
		{"own-account SourceArn allows the own trail", symbolic, delivery(ownTrailSymbolic),
			Decision{Effect: Allow, Allowing: ints(0)}},
		{"own-account SourceArn may be a literal account", symbolic, delivery(trailARN),
			Decision{Effect: Undecided, Uncertain: ints(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Evaluate(tt.p, tt.req); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Evaluate = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// The SourceArn probes of the spec, on the condition alone and under each
// operator rules may meet.
func TestSourceArnOwnAccount(t *testing.T) {
	pattern := "arn:aws:cloudtrail:us-east-1:" + model.AccountID + ":trail/main"
	tests := []struct {
		request string
		want    Tri
	}{
		{foreignTrail, False},
		{pattern, True},
		{trailARN, Maybe},
		{"arn:aws:cloudtrail:us-east-1:12345:trail/main", False}, // not twelve digits
		{"arn:aws:cloudtrail:us-east-1:" + model.Unknown("var.account") + ":trail/main", Maybe},
	}
	for _, op := range []string{"StringEquals", "StringLike", "ArnEquals", "ArnLike"} {
		for _, tt := range tests {
			s := allow(action("*"), cond(op, "aws:SourceArn", pattern))
			if got := MatchStatement(s, put(with("aws:SourceArn", tt.request))); got != tt.want {
				t.Errorf("%s %s vs %s = %v, want %v", op, pattern, tt.request, got, tt.want)
			}
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	p := documentedPolicy()
	req := put(with("aws:SourceArn", trailARN), with("s3:x-amz-acl", "bucket-owner-full-control"))
	for b.Loop() {
		if d := Evaluate(p, req); d.Effect != Allow {
			b.Fatalf("Evaluate = %+v", d)
		}
	}
}
