package terraform

import (
	"github.com/ctlint/ctlint/internal/model"
)

var splitSpecs = map[string]spec{
	"aws_s3_bucket_versioning":                           {"versioning_configuration": nil},
	"aws_s3_bucket_server_side_encryption_configuration": {"rule": {"apply_server_side_encryption_by_default": nil}},
	"aws_s3_bucket_acl":                                  {"access_control_policy": {"grant": {"grantee": nil}, "owner": nil}},
	"aws_s3_bucket_ownership_controls":                   {"rule": nil},
	"aws_s3_bucket_object_lock_configuration":            {"rule": {"default_retention": nil}},
}

func (m *moduleInst) emitSplit(r *resourceDecl, inst *instance, e *env) {
	p := m.p
	c := e.read(r.body, splitSpecs[r.typ], r.rng)
	s := &model.BucketSetting{
		Addr: inst.addr, BucketName: c.str("bucket"), Range: p.rng(r.rng),
		Bucket: e.refAddress(exprOf(c.attrs["bucket"]), "aws_s3_bucket"),
	}
	switch r.typ {
	case "aws_s3_bucket_versioning":
		v := &model.Versioning{Range: s.Range}
		if vc, ok := c.first("versioning_configuration"); ok {
			v.Status, v.MFADelete, v.Range = vc.str("status"), vc.str("mfa_delete"), vc.span()
		}
		s.Apply = func(b *model.Bucket) { b.Versioning = v }
	case "aws_s3_bucket_server_side_encryption_configuration":
		enc := encryptionFromContent(c, s.Range)
		s.Apply = func(b *model.Bucket) { b.Encryption = enc }
	case "aws_s3_bucket_acl":
		acl := c.str("acl")
		var grants []model.Grant
		if acp, ok := c.first("access_control_policy"); ok {
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
		if rule, ok := c.first("rule"); ok {
			own = rule.str("object_ownership")
		}
		s.Apply = func(b *model.Bucket) { b.ObjectOwnership = own }
	case "aws_s3_bucket_logging":
		lg := &model.Logging{
			TargetBucket: c.str("target_bucket"), TargetPrefix: c.str("target_prefix"), Range: s.Range,
			Target: e.refAddress(exprOf(c.attrs["target_bucket"]), "aws_s3_bucket"),
		}
		s.Apply = func(b *model.Bucket) { b.Logging = lg }
	case "aws_s3_bucket_object_lock_configuration":
		enabled := model.EnabledFlag(c.str("object_lock_enabled"))
		ol := &model.ObjectLock{Range: s.Range}
		retentionInto(ol, c)
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
		payer := model.RequesterPays(c.str("payer"))
		s.Apply = func(b *model.Bucket) { b.RequesterPays = payer }
	}
	p.splits = append(p.splits, s)
}

func aclGrants(acp *content) []model.Grant {
	var out []model.Grant
	for _, gb := range acp.blocksOf("grant") {
		g := gb.read()
		grant := model.Grant{Permission: g.str("permission").String(), Range: g.span()}
		if ge, ok := g.first("grantee"); ok {
			grant.GranteeType = ge.str("type").String()
			for _, k := range []string{"id", "uri", "email_address"} {
				if v := ge.str(k); v != nil {
					grant.Grantee = v.String()
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
