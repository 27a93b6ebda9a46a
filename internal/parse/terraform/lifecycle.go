package terraform

import (
	"sort"

	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
)

var lifecycleRuleLegacySpec = spec{
	"expiration": nil, "noncurrent_version_expiration": nil,
	"transition": nil, "noncurrent_version_transition": nil,
}

var lifecycleConfigSpec = spec{"rule": {
	"filter":                            {"and": nil, "tag": nil},
	"expiration":                        nil,
	"noncurrent_version_expiration":     nil,
	"transition":                        nil,
	"noncurrent_version_transition":     nil,
	"abort_incomplete_multipart_upload": nil,
}}

// legacyLifecycleRule reads an aws_s3_bucket lifecycle_rule block (AWS
// provider before v4).
func legacyLifecycleRule(b *block, index int) *model.LifecycleRule {
	c := b.read()
	p := c.env.m.p
	lr := newRule(index, p.rng(b.rng))
	lr.ID = c.str("id")
	lr.Status = model.EnabledWord(c.boolean("enabled"), "Enabled", "Disabled")
	prefix, tags := c.str("prefix"), c.tags("tags")
	if prefix != nil || len(tags) > 0 {
		lr.Filter = &model.Filter{Prefix: prefix, Tags: tags, Range: lr.Range}
		if prefix != nil {
			lr.Filter.Range = prefix.Range
		}
	}
	if x, ok := c.first("expiration"); ok {
		lr.Expiration = &model.Expiration{Days: x.number("days"), Date: x.str("date"), ExpiredObjectDeleteMarker: x.boolean("expired_object_delete_marker"), Range: x.span()}
	}
	if x, ok := c.first("noncurrent_version_expiration"); ok {
		lr.NoncurrentVersionExpiration = &model.NoncurrentExpiration{NoncurrentDays: x.number("days"), Range: x.span()}
	}
	for _, t := range c.blocksOf("transition") {
		x := t.read()
		lr.Transitions = append(lr.Transitions, &model.Transition{Days: x.number("days"), Date: x.str("date"), StorageClass: x.str("storage_class"), Range: x.span()})
	}
	for _, t := range c.blocksOf("noncurrent_version_transition") {
		x := t.read()
		lr.NoncurrentVersionTransitions = append(lr.NoncurrentVersionTransitions, &model.Transition{Days: x.number("days"), StorageClass: x.str("storage_class"), Range: x.span()})
	}
	lr.AbortIncompleteMultipartUpload = c.number("abort_incomplete_multipart_upload_days")
	return lr
}

func newRule(index int, r model.Range) *model.LifecycleRule {
	return &model.LifecycleRule{Index: index, Range: r, Transitions: []*model.Transition{}, NoncurrentVersionTransitions: []*model.Transition{}}
}

func (m *moduleInst) emitLifecycleConfiguration(r *resourceDecl, inst *instance, e *env) {
	p := m.p
	c := e.read(r.body, lifecycleConfigSpec, r.rng)
	lc := &model.Lifecycle{
		ID: inst.addr, BucketName: c.str("bucket"), Range: p.rng(r.rng), Rules: []*model.LifecycleRule{},
		Bucket: e.refAddress(exprOf(c.attrs["bucket"]), "aws_s3_bucket"),
	}
	for i, rb := range c.blocksOf("rule") {
		lc.Rules = append(lc.Rules, lifecycleRule(rb, i))
	}
	p.doc.Lifecycles = append(p.doc.Lifecycles, lc)
}

// lifecycleRule reads a rule of aws_s3_bucket_lifecycle_configuration.
func lifecycleRule(b *block, index int) *model.LifecycleRule {
	c := b.read()
	p := c.env.m.p
	lr := newRule(index, p.rng(b.rng))
	lr.ID, lr.Status = c.str("id"), c.str("status")
	if fb := c.blocksOf("filter"); len(fb) > 0 {
		lr.Filter = filterOf(fb[0])
	} else if prefix := c.str("prefix"); prefix != nil {
		lr.Filter = &model.Filter{Prefix: prefix, Tags: []model.Tag{}, Range: prefix.Range}
	}
	if x, ok := c.first("expiration"); ok {
		lr.Expiration = &model.Expiration{Days: x.number("days"), Date: x.str("date"), ExpiredObjectDeleteMarker: x.boolean("expired_object_delete_marker"), Range: x.span()}
	}
	if x, ok := c.first("noncurrent_version_expiration"); ok {
		lr.NoncurrentVersionExpiration = &model.NoncurrentExpiration{NoncurrentDays: x.number("noncurrent_days"), NewerNoncurrentVersions: x.number("newer_noncurrent_versions"), Range: x.span()}
	}
	for _, t := range c.blocksOf("transition") {
		x := t.read()
		lr.Transitions = append(lr.Transitions, &model.Transition{Days: x.number("days"), Date: x.str("date"), StorageClass: x.str("storage_class"), Range: x.span()})
	}
	for _, t := range c.blocksOf("noncurrent_version_transition") {
		x := t.read()
		lr.NoncurrentVersionTransitions = append(lr.NoncurrentVersionTransitions, &model.Transition{Days: x.number("noncurrent_days"), StorageClass: x.str("storage_class"), Range: x.span()})
	}
	if x, ok := c.first("abort_incomplete_multipart_upload"); ok {
		lr.AbortIncompleteMultipartUpload = x.number("days_after_initiation")
	}
	return lr
}

// filterOf reads filter { prefix | tag | object_size_* | and { ... } }. An
// empty filter block selects every object and is kept (with its range).
func filterOf(b *block) *model.Filter {
	c := b.read()
	f := &model.Filter{Range: c.env.m.p.rng(b.rng), Tags: []model.Tag{}}
	read := func(x *content) {
		if pr := x.str("prefix"); pr != nil {
			f.Prefix = pr
		}
		if v := x.number("object_size_greater_than"); v != nil {
			f.ObjectSizeGreaterThan = v
		}
		if v := x.number("object_size_less_than"); v != nil {
			f.ObjectSizeLessThan = v
		}
		f.Tags = append(f.Tags, x.tags("tags")...)
		for _, tb := range x.blocksOf("tag") {
			t := tb.read()
			f.Tags = append(f.Tags, model.Tag{Key: t.str("key").String(), Value: t.str("value").String(), Range: t.span()})
		}
	}
	read(c)
	if and, ok := c.first("and"); ok {
		read(and)
	}
	return f
}

// tags reads a map argument of tags, in key order.
func (c *content) tags(name string) []model.Tag {
	a := c.attrs[name]
	if a == nil {
		return nil
	}
	v := c.env.eval(a.Expr)
	r := c.env.m.p.rng(a.Range)
	if v.IsNull() || !v.IsWhollyKnown() || !(v.Type().IsMapType() || v.Type().IsObjectType()) {
		return []model.Tag{{Key: model.Unknown(c.env.m.p.text(a.Expr.Range())), Range: r}}
	}
	var out []model.Tag
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		s, _ := stringOf(val)
		if val.Type() != cty.String && s == "" {
			s = model.Unknown(c.env.m.p.text(a.Expr.Range()))
		}
		out = append(out, model.Tag{Key: k.AsString(), Value: s, Range: r})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
