package terraform

import (
	"github.com/ctlint/ctlint/internal/model"
)

var bucketSpec = spec{
	"grant":                                {},
	"versioning":                           {},
	"lifecycle_rule":                       lifecycleRuleLegacySpec,
	"logging":                              {},
	"server_side_encryption_configuration": {"rule": {"apply_server_side_encryption_by_default": nil}},
	"object_lock_configuration":            {"rule": {"default_retention": nil}},
	"timeouts":                             nil,
}

func (m *moduleInst) emitBucket(r *resourceDecl, inst *instance, e *env) {
	p := m.p
	c := e.read(r.body, bucketSpec, r.rng)
	b := &model.Bucket{ID: inst.addr, Range: p.rng(r.rng), Grants: []model.Grant{}}
	b.Name = c.str("bucket")
	if b.Name == nil {
		// bucket_prefix or no name: AWS picks it. References to .id and
		// .bucket evaluate to the same marker, so links by name still work.
		b.Name = model.UnknownAttr(inst.addr+".bucket", p.rng(r.defRange))
	}
	b.ARN = bucketARN(b.Name.String())
	b.ACL = c.str("acl")
	for _, g := range c.blocksOf("grant") {
		b.Grants = append(b.Grants, legacyGrants(g)...)
	}
	if vb := c.blocksOf("versioning"); len(vb) > 0 {
		vc := vb[0].read()
		v := &model.Versioning{Range: p.rng(vb[0].rng)}
		v.Status = model.EnabledWord(vc.boolean("enabled"), "Enabled", "Suspended")
		v.MFADelete = model.EnabledWord(vc.boolean("mfa_delete"), "Enabled", "Disabled")
		b.Versioning = v
	}
	if lb := c.blocksOf("logging"); len(lb) > 0 {
		lc := lb[0].read()
		b.Logging = &model.Logging{
			TargetBucket: lc.str("target_bucket"), TargetPrefix: lc.str("target_prefix"),
			Target: lc.env.refAddress(exprOf(lc.attrs["target_bucket"]), "aws_s3_bucket"), Range: p.rng(lb[0].rng),
		}
	}
	if sb := c.blocksOf("server_side_encryption_configuration"); len(sb) > 0 {
		b.Encryption = encryptionOf(sb[0])
	}
	b.RequesterPays = model.RequesterPays(c.str("request_payer"))
	lockEnabled := c.boolean("object_lock_enabled")
	if ob := c.blocksOf("object_lock_configuration"); len(ob) > 0 || lockEnabled != nil {
		b.ObjectLock = &model.ObjectLock{Enabled: lockEnabled, Range: p.rng(r.rng)}
		if len(ob) > 0 {
			oc := ob[0].read()
			b.ObjectLock.Range = p.rng(ob[0].rng)
			if b.ObjectLock.Enabled == nil {
				b.ObjectLock.Enabled = model.EnabledFlag(oc.str("object_lock_enabled"))
			}
			retentionInto(b.ObjectLock, oc)
		}
	}
	p.doc.Buckets = append(p.doc.Buckets, b)

	if rules := c.blocksOf("lifecycle_rule"); len(rules) > 0 {
		lc := &model.Lifecycle{ID: inst.addr, Bucket: inst.addr, BucketName: b.Name, Range: p.rng(rules[0].rng), Rules: []*model.LifecycleRule{}}
		for i, rb := range rules {
			lc.Rules = append(lc.Rules, legacyLifecycleRule(rb, i))
		}
		p.doc.Lifecycles = append(p.doc.Lifecycles, lc)
	}
	if a := c.attrs["policy"]; a != nil {
		pol := e.policy(a, inst.addr, model.PolicyBucket)
		p.doc.BucketPolicies = append(p.doc.BucketPolicies, &model.BucketPolicy{
			ID: pol.ID, Bucket: inst.addr, BucketName: b.Name, Policy: pol, Range: p.rng(a.Range),
		})
	}
}

func legacyGrants(g *block) []model.Grant {
	c := g.read()
	r := c.env.m.p.rng(g.rng)
	typ := c.str("type").String()
	grantee := c.str("id").String()
	if grantee == "" {
		grantee = c.str("uri").String()
	}
	var out []model.Grant
	for _, perm := range c.values("permissions") {
		out = append(out, model.Grant{GranteeType: typ, Grantee: grantee, Permission: perm.Value, Range: r})
	}
	return out
}

// encryptionOf reads a server_side_encryption_configuration block, inline
// or in the split resource (both nest rule / apply_server_side_encryption_by_default).
func encryptionOf(sse *block) *model.Encryption {
	return encryptionFromContent(sse.read(), sse.env.m.p.rng(sse.rng))
}

func encryptionFromContent(c *content, r model.Range) *model.Encryption {
	enc := &model.Encryption{Range: r}
	rule, ok := c.first("rule")
	if !ok {
		return enc
	}
	enc.BucketKeyEnabled = rule.boolean("bucket_key_enabled")
	if def, ok := rule.first("apply_server_side_encryption_by_default"); ok {
		enc.Algorithm = def.str("sse_algorithm")
		enc.KMSKeyID = def.str("kms_master_key_id")
		enc.Key = def.env.keyRef(exprOf(def.attrs["kms_master_key_id"]))
	}
	return enc
}

// retentionInto reads rule { default_retention { mode, days, years } }.
func retentionInto(ol *model.ObjectLock, c *content) {
	rule, ok := c.first("rule")
	if !ok {
		return
	}
	if dr, ok := rule.first("default_retention"); ok {
		ol.Mode, ol.Days, ol.Years = dr.str("mode"), dr.number("days"), dr.number("years")
	}
}

func (m *moduleInst) emitBucketPolicy(r *resourceDecl, inst *instance, e *env) {
	p := m.p
	c := e.read(r.body, nil, r.rng)
	bp := &model.BucketPolicy{
		ID: inst.addr, BucketName: c.str("bucket"), Range: p.rng(r.rng),
		Bucket: e.refAddress(exprOf(c.attrs["bucket"]), "aws_s3_bucket"),
	}
	if a := c.attrs["policy"]; a != nil {
		bp.Policy = e.policy(a, inst.addr, model.PolicyBucket)
	}
	p.doc.BucketPolicies = append(p.doc.BucketPolicies, bp)
}

func (m *moduleInst) emitPublicAccessBlock(r *resourceDecl, inst *instance, e *env) {
	c := e.read(r.body, nil, r.rng)
	m.p.doc.PublicAccessBlocks = append(m.p.doc.PublicAccessBlocks, &model.PublicAccessBlock{
		ID: inst.addr, BucketName: c.str("bucket"), Range: m.p.rng(r.rng),
		Bucket:                e.refAddress(exprOf(c.attrs["bucket"]), "aws_s3_bucket"),
		BlockPublicAcls:       c.boolean("block_public_acls"),
		IgnorePublicAcls:      c.boolean("ignore_public_acls"),
		BlockPublicPolicy:     c.boolean("block_public_policy"),
		RestrictPublicBuckets: c.boolean("restrict_public_buckets"),
	})
}
