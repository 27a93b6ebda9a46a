package tfplan

import (
	"github.com/ctlint/ctlint/internal/model"
)

// finish attaches what was emitted separately (split bucket settings, key
// policies, aliases, inline bucket settings), resolves the remaining links
// by name and keeps every list non-nil.
func (p *parser) finish() {
	d := p.doc
	p.addInline()
	p.mergeSplits()
	keys := map[string]*model.Key{}
	for _, k := range d.Keys {
		keys[k.ID] = k
	}
	for _, a := range p.aliases {
		k := keys[a.key]
		if k == nil {
			k = p.findKeyByRef(a.target.String())
		}
		if k != nil {
			k.Aliases = append(k.Aliases, a.name)
		}
	}
	for _, kp := range p.keyPolicies {
		if kp.policy == nil {
			continue
		}
		k := keys[kp.key]
		if k == nil {
			k = p.findKeyByRef(kp.keyID.String())
		}
		if k != nil {
			k.Policy = kp.policy // the separate resource replaces an inline policy
			continue
		}
		d.OtherPolicies = append(d.OtherPolicies, kp.policy)
	}
	model.Link(d)
	if p.tf != nil {
		d.Scope.Files = append(d.Scope.Files, p.tf.usedFiles()...)
	}
	d.Normalize()
}

// addInline adds the policies and lifecycle rules written inline on
// aws_s3_bucket. A state repeats, on the bucket, what a separate
// aws_s3_bucket_policy or lifecycle configuration set; such a copy is
// dropped so that one setting is not judged twice.
func (p *parser) addInline() {
	separate := func(bucket string, name *model.Attr, ids []string, names []*model.Attr) bool {
		for i := range ids {
			if ids[i] == bucket || (names[i] != nil && names[i].Known && names[i].String() == name.String()) {
				return true
			}
		}
		return false
	}
	var ids []string
	var names []*model.Attr
	for _, bp := range p.doc.BucketPolicies {
		ids, names = append(ids, bp.Bucket), append(names, bp.BucketName)
	}
	for _, bp := range p.inlinePolicies {
		if !separate(bp.Bucket, bp.BucketName, ids, names) {
			p.doc.BucketPolicies = append(p.doc.BucketPolicies, bp)
		}
	}
	ids, names = nil, nil
	for _, lc := range p.doc.Lifecycles {
		ids, names = append(ids, lc.Bucket), append(names, lc.BucketName)
	}
	for _, lc := range p.inlineLifecycles {
		if !separate(lc.Bucket, lc.BucketName, ids, names) {
			p.doc.Lifecycles = append(p.doc.Lifecycles, lc)
		}
	}
}
