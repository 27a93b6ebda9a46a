package tfplan

import (
	"github.com/ctlint/ctlint/internal/model"
)

// emit adds one resource instance to the document. Resource types ctlint
// does not model are skipped.
func (p *parser) emit(in *instance) {
	if in.after == nil {
		return
	}
	v := p.valueOf(in)
	if in.mode == "data" {
		if in.typ == "aws_iam_policy_document" && !p.usedDocs[in.addr] {
			p.emitPolicyDocument(in, v)
		}
		return
	}
	switch in.typ {
	case "aws_s3_bucket":
		p.emitBucket(in, v)
	case "aws_s3_bucket_policy":
		p.emitBucketPolicy(in, v)
	case "aws_s3_bucket_public_access_block":
		p.emitPublicAccessBlock(in, v)
	case "aws_s3_bucket_lifecycle_configuration":
		p.emitLifecycleConfiguration(in, v)
	case "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration",
		"aws_s3_bucket_acl", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_logging",
		"aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_request_payment_configuration":
		p.emitSplit(in, v)
	case "aws_kms_key":
		p.emitKey(in, v)
	case "aws_kms_key_policy":
		p.emitKeyPolicy(in, v)
	case "aws_kms_alias":
		p.emitAlias(in, v)
	case "aws_cloudtrail":
		p.emitTrail(in, v)
	}
}

// blockRange is where a resource is declared: its .tf block when mapped,
// else its entry in the plan file.
func (p *parser) blockRange(in *instance) model.Range {
	if r, ok := p.tf.blockRange(in); ok {
		return r
	}
	return in.node.Range
}

// emitPolicyDocument adds a rendered aws_iam_policy_document that no bucket
// or key policy argument uses, so the grammar rules still check it.
func (p *parser) emitPolicyDocument(in *instance, v val) {
	j := v.get("json")
	if j.isNull() {
		return
	}
	p.doc.OtherPolicies = append(p.doc.OtherPolicies, p.policy(j, in.addr, model.PolicyIdentity))
}

func bucketARN(name string) string { return model.BucketARN(name) }
