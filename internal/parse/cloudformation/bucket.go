package cloudformation

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// bucket reads AWS::S3::Bucket. Its lifecycle configuration and public access
// block become entities of their own, as they are in Terraform, named
// <LogicalId>.LifecycleConfiguration and
// <LogicalId>.PublicAccessBlockConfiguration.
func (b *builder) bucket(res *resource, p *tree.Node) {
	bk := &model.Bucket{
		ID:     res.ID,
		Range:  res.Range,
		Name:   b.attr(p, "BucketName"),
		ARN:    "arn:aws:s3:::" + b.r.bucketName(res),
		ACL:    b.attr(p, "AccessControl"),
		Grants: []model.Grant{},
	}
	if oc, _ := object(p, "OwnershipControls"); oc != nil {
		if rules := objects(oc, "Rules"); len(rules) > 0 {
			bk.ObjectOwnership = b.attr(rules[0], "ObjectOwnership")
		}
	}
	if v, rng := object(p, "VersioningConfiguration"); v != nil {
		bk.Versioning = &model.Versioning{Status: b.attr(v, "Status"), Range: rng}
	}
	bk.Encryption = b.encryption(p)
	bk.Logging = b.logging(res, p)
	bk.ObjectLock = b.objectLock(p)
	b.doc.Buckets = append(b.doc.Buckets, bk)

	if lc, rng := object(p, "LifecycleConfiguration"); lc != nil {
		l := &model.Lifecycle{ID: res.ID + ".LifecycleConfiguration", Bucket: res.ID, BucketName: bk.Name, Range: rng, Rules: []*model.LifecycleRule{}}
		for i, rule := range objects(lc, "Rules") {
			l.Rules = append(l.Rules, b.lifecycleRule(i, rule))
		}
		bk.Lifecycle = l.ID
		b.doc.Lifecycles = append(b.doc.Lifecycles, l)
	}
	if pab, rng := object(p, "PublicAccessBlockConfiguration"); pab != nil {
		block := &model.PublicAccessBlock{
			ID:                    res.ID + ".PublicAccessBlockConfiguration",
			Bucket:                res.ID,
			BucketName:            bk.Name,
			BlockPublicAcls:       b.boolAttr(pab, "BlockPublicAcls"),
			IgnorePublicAcls:      b.boolAttr(pab, "IgnorePublicAcls"),
			BlockPublicPolicy:     b.boolAttr(pab, "BlockPublicPolicy"),
			RestrictPublicBuckets: b.boolAttr(pab, "RestrictPublicBuckets"),
			Range:                 rng,
		}
		bk.PublicAccessBlock = block.ID
		b.doc.PublicAccessBlocks = append(b.doc.PublicAccessBlocks, block)
	}
}

func (b *builder) encryption(p *tree.Node) *model.Encryption {
	enc, rng := object(p, "BucketEncryption")
	if enc == nil {
		return nil
	}
	out := &model.Encryption{Range: rng}
	rules := objects(enc, "ServerSideEncryptionConfiguration")
	if len(rules) == 0 {
		return out
	}
	out.BucketKeyEnabled = b.boolAttr(rules[0], "BucketKeyEnabled")
	if def, _ := object(rules[0], "ServerSideEncryptionByDefault"); def != nil {
		out.Algorithm = b.attr(def, "SSEAlgorithm")
		out.KMSKeyID = b.attr(def, "KMSMasterKeyID")
		out.Key = b.linkOf(def, "KMSMasterKeyID")
	}
	return out
}

// logging reads LoggingConfiguration. Without DestinationBucketName, S3
// writes the access logs into the bucket itself.
func (b *builder) logging(res *resource, p *tree.Node) *model.Logging {
	lg, rng := object(p, "LoggingConfiguration")
	if lg == nil {
		return nil
	}
	out := &model.Logging{
		TargetBucket: b.attr(lg, "DestinationBucketName"),
		TargetPrefix: b.attr(lg, "LogFilePrefix"),
		Target:       b.linkOf(lg, "DestinationBucketName"),
		Range:        rng,
	}
	if out.TargetBucket == nil {
		out.Target = res.ID
	}
	return out
}

// objectLock reads ObjectLockEnabled (a boolean on the bucket) and
// ObjectLockConfiguration (whose ObjectLockEnabled is the string "Enabled").
func (b *builder) objectLock(p *tree.Node) *model.ObjectLock {
	enabled := b.boolAttr(p, "ObjectLockEnabled")
	cfg, rng := object(p, "ObjectLockConfiguration")
	if enabled == nil && cfg == nil {
		return nil
	}
	out := &model.ObjectLock{Enabled: enabled, Range: rng}
	if cfg == nil {
		out.Range = enabled.Range
		return out
	}
	if out.Enabled == nil {
		if a := b.attr(cfg, "ObjectLockEnabled"); a != nil && a.Known && a.String() == "Enabled" {
			out.Enabled = model.Bool(true, a.Range)
		} else {
			out.Enabled = a
		}
	}
	if rule, _ := object(cfg, "Rule"); rule != nil {
		if dr, _ := object(rule, "DefaultRetention"); dr != nil {
			out.Mode = b.attr(dr, "Mode")
			out.Days = b.numAttr(dr, "Days")
			out.Years = b.numAttr(dr, "Years")
		}
	}
	return out
}

// lifecycleRule reads one rule. CloudFormation writes the filter inline:
// Prefix, TagFilters and ObjectSize* on the rule itself.
func (b *builder) lifecycleRule(i int, rule *tree.Node) *model.LifecycleRule {
	out := &model.LifecycleRule{
		Index:                        i,
		ID:                           b.attr(rule, "Id"),
		Status:                       b.attr(rule, "Status"),
		Range:                        rule.Range,
		Transitions:                  []*model.Transition{},
		NoncurrentVersionTransitions: []*model.Transition{},
	}
	out.Filter = b.lifecycleFilter(rule)
	if days, date, marker := b.numAttr(rule, "ExpirationInDays"), b.attr(rule, "ExpirationDate"), b.boolAttr(rule, "ExpiredObjectDeleteMarker"); days != nil || date != nil || marker != nil {
		out.Expiration = &model.Expiration{Days: days, Date: date, ExpiredObjectDeleteMarker: marker, Range: firstRange(days, date, marker)}
	}
	if nve, rng := object(rule, "NoncurrentVersionExpiration"); nve != nil {
		out.NoncurrentVersionExpiration = &model.NoncurrentExpiration{
			NoncurrentDays:          b.numAttr(nve, "NoncurrentDays"),
			NewerNoncurrentVersions: b.numAttr(nve, "NewerNoncurrentVersions"),
			Range:                   rng,
		}
	} else if days := b.numAttr(rule, "NoncurrentVersionExpirationInDays"); days != nil {
		out.NoncurrentVersionExpiration = &model.NoncurrentExpiration{NoncurrentDays: days, Range: days.Range}
	}
	for _, name := range []string{"Transitions", "Transition"} {
		for _, t := range objects(rule, name) {
			out.Transitions = append(out.Transitions, &model.Transition{
				Days: b.numAttr(t, "TransitionInDays"), Date: b.attr(t, "TransitionDate"),
				StorageClass: b.attr(t, "StorageClass"), Range: t.Range,
			})
		}
	}
	for _, name := range []string{"NoncurrentVersionTransitions", "NoncurrentVersionTransition"} {
		for _, t := range objects(rule, name) {
			out.NoncurrentVersionTransitions = append(out.NoncurrentVersionTransitions, &model.Transition{
				Days: b.numAttr(t, "TransitionInDays"), StorageClass: b.attr(t, "StorageClass"), Range: t.Range,
			})
		}
	}
	if abort, _ := object(rule, "AbortIncompleteMultipartUpload"); abort != nil {
		out.AbortIncompleteMultipartUpload = b.numAttr(abort, "DaysAfterInitiation")
	}
	return out
}

// lifecycleFilter returns nil when the rule selects every object.
func (b *builder) lifecycleFilter(rule *tree.Node) *model.Filter {
	f := &model.Filter{
		Prefix:                b.attr(rule, "Prefix"),
		ObjectSizeGreaterThan: b.numAttr(rule, "ObjectSizeGreaterThan"),
		ObjectSizeLessThan:    b.numAttr(rule, "ObjectSizeLessThan"),
		Tags:                  []model.Tag{},
	}
	var tagsRange model.Range
	if tf := field(rule, "TagFilters"); tf != nil {
		tagsRange = propRange(tf)
		for _, t := range objects(rule, "TagFilters") {
			k, _ := textOf(t.Get("Key"))
			v, _ := textOf(t.Get("Value"))
			f.Tags = append(f.Tags, model.Tag{Key: k, Value: v, Range: t.Range})
		}
	}
	if f.Prefix == nil && f.ObjectSizeGreaterThan == nil && f.ObjectSizeLessThan == nil && tagsRange.IsZero() {
		return nil
	}
	f.Range = firstRange(f.Prefix, f.ObjectSizeGreaterThan, f.ObjectSizeLessThan)
	if f.Range.IsZero() {
		f.Range = tagsRange
	}
	return f
}

// firstRange returns the range of the first attribute written.
func firstRange(attrs ...*model.Attr) model.Range {
	for _, a := range attrs {
		if a != nil {
			return a.Range
		}
	}
	return model.Range{}
}
