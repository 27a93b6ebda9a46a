package tfplan

import (
	"github.com/ctlint/ctlint/internal/model"
)

// emitBucket reads an aws_s3_bucket. The legacy inline settings (versioning,
// logging, lifecycle_rule, ...) are Computed in AWS provider v4+: plans show
// them for every bucket, filled from the split resources or unknown. They
// are read only where the configuration writes them (or, for a state, where
// they are set).
func (p *parser) emitBucket(in *instance, v val) {
	b := &model.Bucket{ID: in.addr, Range: p.blockRange(in), Grants: []model.Grant{}}
	b.Name = v.str("bucket")
	if b.Name == nil || !b.Name.Known {
		// bucket_prefix or a name known after apply: references to .id and
		// .bucket of this bucket name the same marker.
		b.Name = model.UnknownAttr(in.addr+".bucket", v.get("bucket").rng())
	}
	b.ARN = bucketARN(b.Name.String())
	if arn := v.str("arn"); arn != nil && arn.Known {
		b.ARN = arn.String()
	}
	if v.written("acl") {
		b.ACL = v.str("acl")
	}
	if v.written("grant") {
		for _, g := range v.items("grant") {
			b.Grants = append(b.Grants, legacyGrants(g)...)
		}
	}
	if vb, ok := v.first("versioning"); ok && v.written("versioning") {
		b.Versioning = &model.Versioning{
			Status:    model.EnabledWord(vb.boolean("enabled"), "Enabled", "Suspended"),
			MFADelete: model.EnabledWord(vb.boolean("mfa_delete"), "Enabled", "Disabled"),
			Range:     vb.rng(),
		}
	}
	if lb, ok := v.first("logging"); ok && v.written("logging") {
		b.Logging = &model.Logging{
			TargetBucket: lb.str("target_bucket"), TargetPrefix: lb.str("target_prefix"), Range: lb.rng(),
			Target: p.refAddress(in, "aws_s3_bucket", "logging", 0, "target_bucket"),
		}
	}
	if sb, ok := v.first("server_side_encryption_configuration"); ok && v.written("server_side_encryption_configuration") {
		b.Encryption = p.encryption(in, sb, "server_side_encryption_configuration", 0)
	}
	if v.written("request_payer") {
		b.RequesterPays = model.RequesterPays(v.str("request_payer"))
	}
	var lockEnabled *model.Attr
	if v.written("object_lock_enabled") {
		lockEnabled = v.boolean("object_lock_enabled")
	}
	ob, hasLock := v.first("object_lock_configuration")
	hasLock = hasLock && v.written("object_lock_configuration")
	if hasLock || lockEnabled != nil {
		b.ObjectLock = &model.ObjectLock{Enabled: lockEnabled, Range: b.Range}
		if hasLock {
			b.ObjectLock.Range = ob.rng()
			if b.ObjectLock.Enabled == nil {
				b.ObjectLock.Enabled = model.EnabledFlag(ob.str("object_lock_enabled"))
			}
			retentionInto(b.ObjectLock, ob)
		}
	}
	p.doc.Buckets = append(p.doc.Buckets, b)

	if rules := v.items("lifecycle_rule"); len(rules) > 0 && v.written("lifecycle_rule") {
		lc := &model.Lifecycle{ID: in.addr, Bucket: in.addr, BucketName: b.Name, Range: rules[0].rng(), Rules: []*model.LifecycleRule{}}
		for i, rv := range rules {
			lc.Rules = append(lc.Rules, legacyLifecycleRule(rv, i))
		}
		p.inlineLifecycles = append(p.inlineLifecycles, lc)
	}
	if pv := v.get("policy"); v.written("policy") && !pv.blank() {
		pol := p.policy(pv, in.addr, model.PolicyBucket)
		p.inlinePolicies = append(p.inlinePolicies, &model.BucketPolicy{
			ID: pol.ID, Bucket: in.addr, BucketName: b.Name, Policy: pol, Range: pv.rng(),
		})
	}
}

func legacyGrants(g val) []model.Grant {
	r := g.rng()
	typ := g.str("type").String()
	grantee := g.str("id").String()
	if grantee == "" {
		grantee = g.str("uri").String()
	}
	var out []model.Grant
	for _, perm := range g.values("permissions") {
		out = append(out, model.Grant{GranteeType: typ, Grantee: grantee, Permission: perm.Value, Range: r})
	}
	return out
}

// encryption reads a server_side_encryption_configuration, inline or in the
// split resource (both nest rule / apply_server_side_encryption_by_default).
// prefix is the path of sse inside the resource, for references.
func (p *parser) encryption(in *instance, sse val, prefix ...any) *model.Encryption {
	enc := &model.Encryption{Range: sse.rng()}
	rule, ok := sse.first("rule")
	if !ok {
		return enc
	}
	enc.BucketKeyEnabled = rule.boolean("bucket_key_enabled")
	if def, ok := rule.first("apply_server_side_encryption_by_default"); ok {
		enc.Algorithm = def.str("sse_algorithm")
		enc.KMSKeyID = def.str("kms_master_key_id")
		path := append(append([]any{}, prefix...), "rule", 0, "apply_server_side_encryption_by_default", 0, "kms_master_key_id")
		enc.Key = p.keyRef(in, path...)
	}
	return enc
}

// retentionInto reads rule { default_retention { mode, days, years } }.
func retentionInto(ol *model.ObjectLock, c val) {
	rule, ok := c.first("rule")
	if !ok {
		return
	}
	if dr, ok := rule.first("default_retention"); ok {
		ol.Mode, ol.Days, ol.Years = dr.str("mode"), dr.count("days"), dr.count("years")
	}
}

func (p *parser) emitBucketPolicy(in *instance, v val) {
	bp := &model.BucketPolicy{
		ID: in.addr, BucketName: v.str("bucket"), Range: p.blockRange(in),
		Bucket: p.refAddress(in, "aws_s3_bucket", "bucket"),
	}
	if pv := v.get("policy"); !pv.blank() {
		bp.Policy = p.policy(pv, in.addr, model.PolicyBucket)
	}
	p.doc.BucketPolicies = append(p.doc.BucketPolicies, bp)
}

func (p *parser) emitPublicAccessBlock(in *instance, v val) {
	p.doc.PublicAccessBlocks = append(p.doc.PublicAccessBlocks, &model.PublicAccessBlock{
		ID: in.addr, BucketName: v.str("bucket"), Range: p.blockRange(in),
		Bucket:                p.refAddress(in, "aws_s3_bucket", "bucket"),
		BlockPublicAcls:       v.boolean("block_public_acls"),
		IgnorePublicAcls:      v.boolean("ignore_public_acls"),
		BlockPublicPolicy:     v.boolean("block_public_policy"),
		RestrictPublicBuckets: v.boolean("restrict_public_buckets"),
	})
}
