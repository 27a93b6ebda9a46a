package tfplan

import (
	"github.com/ctlint/ctlint/internal/model"
)

// splitSetting is a bucket setting written in its own resource (AWS provider
// v4+: aws_s3_bucket_versioning, ..._server_side_encryption_configuration,
// ...). It is merged into its bucket once every bucket is known.
type splitSetting struct {
	addr       string
	bucket     string      // address of the bucket it refers to, or ""
	bucketName *model.Attr // the bucket argument, to link by name
	rng        model.Range
	apply      func(b *model.Bucket)
}

func (p *parser) emitSplit(in *instance, v val) {
	s := &splitSetting{
		addr: in.addr, bucketName: v.str("bucket"), rng: p.blockRange(in),
		bucket: p.refAddress(in, "aws_s3_bucket", "bucket"),
	}
	switch in.typ {
	case "aws_s3_bucket_versioning":
		ver := &model.Versioning{Range: s.rng}
		if vc, ok := v.first("versioning_configuration"); ok {
			ver.Status, ver.MFADelete, ver.Range = vc.str("status"), vc.str("mfa_delete"), vc.rng()
		}
		s.apply = func(b *model.Bucket) { b.Versioning = ver }
	case "aws_s3_bucket_server_side_encryption_configuration":
		enc := p.encryption(in, v)
		enc.Range = s.rng
		s.apply = func(b *model.Bucket) { b.Encryption = enc }
	case "aws_s3_bucket_acl":
		acl := v.str("acl")
		var grants []model.Grant
		if acp, ok := v.first("access_control_policy"); ok {
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
		if rule, ok := v.first("rule"); ok {
			own = rule.str("object_ownership")
		}
		s.apply = func(b *model.Bucket) { b.ObjectOwnership = own }
	case "aws_s3_bucket_logging":
		lg := &model.Logging{
			TargetBucket: v.str("target_bucket"), TargetPrefix: v.str("target_prefix"), Range: s.rng,
			Target: p.refAddress(in, "aws_s3_bucket", "target_bucket"),
		}
		s.apply = func(b *model.Bucket) { b.Logging = lg }
	case "aws_s3_bucket_object_lock_configuration":
		enabled := enabledFlag(v.str("object_lock_enabled"))
		ol := &model.ObjectLock{Range: s.rng}
		retentionInto(ol, v)
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
		payer := requesterPays(v.str("payer"))
		s.apply = func(b *model.Bucket) { b.RequesterPays = payer }
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

// mergeSplits applies every split setting to its bucket: by reference, else
// by name. Settings for a bucket outside the plan are gathered, by bucket
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
			if s.bucketName != nil {
				b.ARN = bucketARN(s.bucketName.String())
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
