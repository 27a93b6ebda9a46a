package tfplan

import "github.com/ctlint/ctlint/internal/model"

// walkRanges calls fn for every range of a document, for invariants.
func walkRanges(d *model.Document, fn func(what string, r model.Range)) {
	attr := func(what string, a *model.Attr) {
		if a != nil {
			fn(what, a.Range)
		}
	}
	values := func(what string, vs []model.Value) {
		for _, v := range vs {
			fn(what, v.Range)
		}
	}
	policy := func(p *model.Policy) {
		if p == nil {
			return
		}
		fn("policy", p.Range)
		attr("version", p.Version)
		for _, pr := range p.Problems {
			fn("problem", pr.Range)
		}
		for _, s := range p.Statements {
			fn("statement", s.Range)
			attr("sid", s.Sid)
			attr("effect", s.Effect)
			if s.Principal != nil {
				fn("principal", s.Principal.Range)
				for _, e := range s.Principal.Entries {
					fn("principal entry", e.Range)
				}
			}
			for _, e := range []*model.Element{s.Action, s.Resource} {
				if e != nil {
					fn("element", e.Range)
					values("element value", e.Values)
				}
			}
			for _, c := range s.Conditions {
				fn("condition", c.Range)
				fn("operator", c.OperatorRange)
				values("condition value", c.Values)
			}
		}
	}
	for _, b := range d.Buckets {
		fn("bucket", b.Range)
		attr("bucket name", b.Name)
		attr("acl", b.ACL)
		for _, g := range b.Grants {
			fn("grant", g.Range)
		}
		if v := b.Versioning; v != nil {
			fn("versioning", v.Range)
			attr("status", v.Status)
			attr("mfa delete", v.MFADelete)
		}
		if e := b.Encryption; e != nil {
			fn("encryption", e.Range)
			attr("algorithm", e.Algorithm)
			attr("kms key", e.KMSKeyID)
		}
		if l := b.Logging; l != nil {
			fn("logging", l.Range)
			attr("target", l.TargetBucket)
		}
		if o := b.ObjectLock; o != nil {
			fn("object lock", o.Range)
			attr("mode", o.Mode)
			attr("days", o.Days)
		}
	}
	for _, bp := range d.BucketPolicies {
		fn("bucket policy", bp.Range)
		attr("policy bucket", bp.BucketName)
		policy(bp.Policy)
	}
	for _, k := range d.Keys {
		fn("key", k.Range)
		attr("rotation", k.RotationEnabled)
		policy(k.Policy)
	}
	for _, p := range d.OtherPolicies {
		policy(p)
	}
	for _, lc := range d.Lifecycles {
		fn("lifecycle", lc.Range)
		for _, r := range lc.Rules {
			fn("rule", r.Range)
			attr("rule status", r.Status)
			if r.Filter != nil {
				fn("filter", r.Filter.Range)
				attr("prefix", r.Filter.Prefix)
				for _, tg := range r.Filter.Tags {
					fn("tag", tg.Range)
				}
			}
			if r.Expiration != nil {
				fn("expiration", r.Expiration.Range)
				attr("expiration days", r.Expiration.Days)
			}
			for _, tr := range r.Transitions {
				fn("transition", tr.Range)
				attr("transition days", tr.Days)
			}
		}
	}
	for _, t := range d.Trails {
		fn("trail", t.Range)
		for _, a := range []*model.Attr{t.Name, t.BucketName, t.S3KeyPrefix, t.KMSKeyID, t.IsMultiRegion, t.LogFileValidation, t.IsLogging, t.IncludeGlobalServiceEvents} {
			attr("trail setting", a)
		}
		for _, s := range t.EventSelectors {
			fn("event selector", s.Range)
			values("excluded source", s.ExcludeManagementEventSources)
		}
		for _, s := range t.AdvancedEventSelectors {
			fn("advanced selector", s.Range)
			for _, f := range s.FieldSelectors {
				fn("field selector", f.Range)
				values("equals", f.Equals)
			}
		}
	}
	for _, p := range d.PublicAccessBlocks {
		fn("public access block", p.Range)
		attr("block public acls", p.BlockPublicAcls)
	}
}
