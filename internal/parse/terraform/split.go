package terraform

import (
	"github.com/ctlint/ctlint/internal/model"
)

// splitSetting is a bucket setting written in its own resource (AWS provider
// v4+: aws_s3_bucket_versioning, ..._server_side_encryption_configuration,
// ...). It is merged into its bucket once every bucket is known, so that a
// bucket configured entirely with split resources is judged as configured.
type splitSetting struct {
	addr       string
	bucket     string      // address of the bucket it refers to, or ""
	bucketName *model.Attr // the bucket argument, to link by name
	rng        model.Range
	apply      func(b *model.Bucket)
}

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
	s := &splitSetting{
		addr: inst.addr, bucketName: c.str("bucket"), rng: p.rng(r.rng),
		bucket: e.refAddress(exprOf(c.attrs["bucket"]), "aws_s3_bucket"),
	}
	switch r.typ {
	case "aws_s3_bucket_versioning":
		v := &model.Versioning{Range: s.rng}
		if vc, ok := c.first("versioning_configuration"); ok {
			v.Status, v.MFADelete, v.Range = vc.str("status"), vc.str("mfa_delete"), vc.span()
		}
		s.apply = func(b *model.Bucket) { b.Versioning = v }
	case "aws_s3_bucket_server_side_encryption_configuration":
		enc := encryptionFromContent(c, s.rng)
		s.apply = func(b *model.Bucket) { b.Encryption = enc }
	case "aws_s3_bucket_acl":
		acl := c.str("acl")
		var grants []model.Grant
		if acp, ok := c.first("access_control_policy"); ok {
			grants = aclGrants(acp)
		}
		s.apply = func(b *model.Bucket) {
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
		s.apply = func(b *model.Bucket) { b.ObjectOwnership = own }
	case "aws_s3_bucket_logging":
		lg := &model.Logging{
			TargetBucket: c.str("target_bucket"), TargetPrefix: c.str("target_prefix"), Range: s.rng,
			Target: e.refAddress(exprOf(c.attrs["target_bucket"]), "aws_s3_bucket"),
		}
		s.apply = func(b *model.Bucket) { b.Logging = lg }
	case "aws_s3_bucket_object_lock_configuration":
		enabled := enabledFlag(c.str("object_lock_enabled"))
		ol := &model.ObjectLock{Range: s.rng}
		retentionInto(ol, c)
		s.apply = func(b *model.Bucket) {
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
		payer := requesterPays(c.str("payer"))
		s.apply = func(b *model.Bucket) { b.RequesterPays = payer }
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

// mergeSplits applies every split setting to its bucket: by reference, else
// by name. Settings for a bucket outside the scope are gathered, by bucket
// name, into one partial bucket, so that what is written is still checked
// and nothing is reported missing.
func (p *parser) mergeSplits() {
	byID := map[string]*model.Bucket{}
	byName := map[string]*model.Bucket{}
	for _, b := range p.doc.Buckets {
		byID[b.ID] = b
		if n := b.Name.String(); n != "" {
			byName[n] = b
		}
	}
	for _, s := range p.splits {
		b := byID[s.bucket]
		if b == nil {
			b = byName[s.bucketName.String()]
		}
		if b == nil {
			b = &model.Bucket{ID: s.addr, Name: s.bucketName, Range: s.rng, Grants: []model.Grant{}, Partial: true}
			b.ARN = bucketARN(s.bucketName.String())
			if s.bucketName == nil {
				b.ARN = ""
			}
			p.doc.Buckets = append(p.doc.Buckets, b)
			byID[b.ID] = b
			if n := s.bucketName.String(); n != "" {
				byName[n] = b
			}
		}
		s.apply(b)
	}
}
