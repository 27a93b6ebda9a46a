package tfplan

import (
	"sort"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

func newRule(index int, r model.Range) *model.LifecycleRule {
	return &model.LifecycleRule{Index: index, Range: r, Transitions: []*model.Transition{}, NoncurrentVersionTransitions: []*model.Transition{}}
}

// legacyLifecycleRule reads an aws_s3_bucket lifecycle_rule block (AWS
// provider before v4).
func legacyLifecycleRule(c val, index int) *model.LifecycleRule {
	lr := newRule(index, c.rng())
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
		lr.Expiration = &model.Expiration{Days: x.count("days"), Date: x.str("date"), ExpiredObjectDeleteMarker: x.boolean("expired_object_delete_marker"), Range: x.rng()}
	}
	if x, ok := c.first("noncurrent_version_expiration"); ok {
		lr.NoncurrentVersionExpiration = &model.NoncurrentExpiration{NoncurrentDays: x.count("days"), Range: x.rng()}
	}
	for _, x := range c.items("transition") {
		lr.Transitions = append(lr.Transitions, &model.Transition{Days: x.number("days"), Date: x.str("date"), StorageClass: x.str("storage_class"), Range: x.rng()})
	}
	for _, x := range c.items("noncurrent_version_transition") {
		lr.NoncurrentVersionTransitions = append(lr.NoncurrentVersionTransitions, &model.Transition{Days: x.number("days"), StorageClass: x.str("storage_class"), Range: x.rng()})
	}
	lr.AbortIncompleteMultipartUpload = c.count("abort_incomplete_multipart_upload_days")
	return lr
}

func (p *parser) emitLifecycleConfiguration(in *instance, v val) {
	lc := &model.Lifecycle{
		ID: in.addr, BucketName: v.str("bucket"), Range: p.blockRange(in), Rules: []*model.LifecycleRule{},
		Bucket: p.refAddress(in, "aws_s3_bucket", "bucket"),
	}
	for i, rv := range v.items("rule") {
		lc.Rules = append(lc.Rules, lifecycleRule(rv, i))
	}
	p.doc.Lifecycles = append(p.doc.Lifecycles, lc)
}

// lifecycleRule reads a rule of aws_s3_bucket_lifecycle_configuration.
func lifecycleRule(c val, index int) *model.LifecycleRule {
	lr := newRule(index, c.rng())
	lr.ID, lr.Status = c.str("id"), c.str("status")
	if fb, ok := c.first("filter"); ok {
		lr.Filter = filterOf(fb)
	} else if prefix := c.str("prefix"); prefix != nil {
		lr.Filter = &model.Filter{Prefix: prefix, Tags: []model.Tag{}, Range: prefix.Range}
	}
	// Transitions are zero-or-more: Days 0 is a valid transition (AWS
	// accepts moving to Glacier on day 0), so they use number, not count.
	if x, ok := c.first("expiration"); ok {
		lr.Expiration = &model.Expiration{Days: x.count("days"), Date: x.str("date"), ExpiredObjectDeleteMarker: x.boolean("expired_object_delete_marker"), Range: x.rng()}
	}
	if x, ok := c.first("noncurrent_version_expiration"); ok {
		lr.NoncurrentVersionExpiration = &model.NoncurrentExpiration{NoncurrentDays: x.count("noncurrent_days"), NewerNoncurrentVersions: x.count("newer_noncurrent_versions"), Range: x.rng()}
	}
	for _, x := range c.items("transition") {
		lr.Transitions = append(lr.Transitions, &model.Transition{Days: x.number("days"), Date: x.str("date"), StorageClass: x.str("storage_class"), Range: x.rng()})
	}
	for _, x := range c.items("noncurrent_version_transition") {
		lr.NoncurrentVersionTransitions = append(lr.NoncurrentVersionTransitions, &model.Transition{Days: x.number("noncurrent_days"), StorageClass: x.str("storage_class"), Range: x.rng()})
	}
	if x, ok := c.first("abort_incomplete_multipart_upload"); ok {
		lr.AbortIncompleteMultipartUpload = x.count("days_after_initiation")
	}
	return lr
}

// filterOf reads filter { prefix | tag | object_size_* | and { ... } }. An
// empty filter selects every object and is kept (with its range).
func filterOf(c val) *model.Filter {
	f := &model.Filter{Range: c.rng(), Tags: []model.Tag{}}
	read := func(x val) {
		if pr := x.str("prefix"); pr != nil {
			f.Prefix = pr
		}
		if n := x.count("object_size_greater_than"); n != nil {
			f.ObjectSizeGreaterThan = n
		}
		if n := x.count("object_size_less_than"); n != nil {
			f.ObjectSizeLessThan = n
		}
		f.Tags = append(f.Tags, x.tags("tags")...)
		for _, t := range x.items("tag") {
			f.Tags = append(f.Tags, model.Tag{Key: t.str("key").String(), Value: t.str("value").String(), Range: t.rng()})
		}
	}
	read(c)
	if and, ok := c.first("and"); ok {
		read(and)
	}
	return f
}

// tags reads a map of tags, in key order.
func (v val) tags(name string) []model.Tag {
	a := v.get(name)
	if a.wholeUnknown() {
		return []model.Tag{{Key: model.Unknown(a.expr()), Range: a.rng()}}
	}
	if a.isNull() || a.n.Kind != tree.Object {
		return nil
	}
	out := make([]model.Tag, 0, len(a.n.Keys))
	for _, f := range a.n.Keys {
		el := a.get(f.Key)
		s := model.Unknown(el.expr())
		if !el.wholeUnknown() && el.n.IsScalar() {
			s = el.n.Text
		}
		out = append(out, model.Tag{Key: f.Key, Value: s, Range: el.rng()})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
