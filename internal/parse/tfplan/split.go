package tfplan

import (
	"github.com/ctlint/ctlint/internal/model"
)

func (p *parser) emitSplit(in *instance, v val) {
	s := &model.BucketSetting{
		Addr: in.addr, BucketName: v.str("bucket"), Range: p.blockRange(in),
		Bucket: p.refAddress(in, "aws_s3_bucket", "bucket"),
	}
	switch in.typ {
	case "aws_s3_bucket_versioning":
		ver := &model.Versioning{Range: s.Range}
		if vc, ok := v.first("versioning_configuration"); ok {
			ver.Status, ver.MFADelete, ver.Range = vc.str("status"), vc.str("mfa_delete"), vc.rng()
		}
		s.Apply = func(b *model.Bucket) { b.Versioning = ver }
	case "aws_s3_bucket_server_side_encryption_configuration":
		enc := p.encryption(in, v)
		enc.Range = s.Range
		s.Apply = func(b *model.Bucket) { b.Encryption = enc }
	case "aws_s3_bucket_acl":
		acl := v.str("acl")
		var grants []model.Grant
		if acp, ok := v.first("access_control_policy"); ok {
			grants = aclGrants(acp)
		}
		s.Apply = func(b *model.Bucket) {
			if acl != nil {
				b.ACL = acl
			}
			b.Grants = append(b.Grants, grants...)
		}
	case "aws_s3_bucket_ownership_controls":
		var own *model.Attr
		if rule, ok := v.first("rule"); ok {
			own = rule.str("object_ownership")
		}
		s.Apply = func(b *model.Bucket) { b.ObjectOwnership = own }
	case "aws_s3_bucket_logging":
		lg := &model.Logging{
			TargetBucket: v.str("target_bucket"), TargetPrefix: v.str("target_prefix"), Range: s.Range,
			Target: p.refAddress(in, "aws_s3_bucket", "target_bucket"),
		}
		s.Apply = func(b *model.Bucket) { b.Logging = lg }
	case "aws_s3_bucket_object_lock_configuration":
		enabled := model.EnabledFlag(v.str("object_lock_enabled"))
		ol := &model.ObjectLock{Range: s.Range}
		retentionInto(ol, v)
		s.Apply = func(b *model.Bucket) {
			// Object Lock is enabled when the bucket is created; this
			// resource only sets the default retention.
			if b.ObjectLock != nil && b.ObjectLock.Enabled != nil {
				ol.Enabled = b.ObjectLock.Enabled
			} else {
				ol.Enabled = enabled
			}
			b.ObjectLock = ol
		}
	case "aws_s3_bucket_request_payment_configuration":
		payer := model.RequesterPays(v.str("payer"))
		s.Apply = func(b *model.Bucket) { b.RequesterPays = payer }
	}
	p.splits = append(p.splits, s)
}

func aclGrants(acp val) []model.Grant {
	var out []model.Grant
	for _, g := range acp.items("grant") {
		grant := model.Grant{Permission: g.str("permission").String(), Range: g.rng()}
		if ge, ok := g.first("grantee"); ok {
			grant.GranteeType = ge.str("type").String()
			for _, k := range []string{"id", "uri", "email_address"} {
				if a := ge.str(k); a != nil {
					grant.Grantee = a.String()
					break
				}
			}
		}
		out = append(out, grant)
	}
	return out
}

// mergeSplits applies every split setting to its bucket (see
// model.MergeBucketSettings).
func (p *parser) mergeSplits() { model.MergeBucketSettings(p.doc, p.splits) }
