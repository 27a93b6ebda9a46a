package policyjson

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// lifecycle reads {"Rules": [...]} (get-bucket-lifecycle-configuration
// output, put-bucket-lifecycle-configuration input) or the same under
// "LifecycleConfiguration". Field names are the S3 API's; "Id" and the
// CloudFormation day counts (ExpirationInDays, TransitionInDays,
// NoncurrentVersionExpirationInDays) are read too, since tutorials mix them.
func (r *reader) lifecycle(doc *model.Document) error {
	cfg := r.root
	if lc, err := object(r.root, "LifecycleConfiguration"); err != nil {
		return err
	} else if lc != nil {
		cfg = lc
	}
	if cfg.Kind != tree.Object || cfg.Get("Rules") == nil {
		return parse.Errorf(cfg.Range, `not a lifecycle configuration: expected {"Rules": [...]}`)
	}
	rules, err := objects(cfg, "Rules")
	if err != nil {
		return err
	}
	lc := &model.Lifecycle{ID: r.file.Path, Range: cfg.Range, Rules: []*model.LifecycleRule{}}
	for i, n := range rules {
		rule, err := lifecycleRule(n, i)
		if err != nil {
			return err
		}
		lc.Rules = append(lc.Rules, rule)
	}
	doc.Lifecycles = append(doc.Lifecycles, lc)
	return nil
}

func lifecycleRule(n *tree.Node, index int) (*model.LifecycleRule, error) {
	rule := &model.LifecycleRule{
		Index:                        index,
		ID:                           attr(n, "ID", "Id"),
		Status:                       attr(n, "Status"),
		Range:                        n.Range,
		Transitions:                  []*model.Transition{},
		NoncurrentVersionTransitions: []*model.Transition{},
	}
	f, err := object(n, "Filter")
	if err != nil {
		return nil, err
	}
	switch {
	case f != nil:
		if rule.Filter, err = filter(f); err != nil {
			return nil, err
		}
	case n.Get("Prefix") != nil: // the deprecated rule-level prefix
		rule.Filter = &model.Filter{Prefix: attr(n, "Prefix"), Tags: []model.Tag{}, Range: n.Get("Prefix").Range}
	}

	if e, err := object(n, "Expiration"); err != nil {
		return nil, err
	} else if e != nil {
		rule.Expiration = &model.Expiration{Days: attr(e, "Days"), Date: attr(e, "Date"), ExpiredObjectDeleteMarker: attr(e, "ExpiredObjectDeleteMarker"), Range: e.Range}
	} else if v := n.Get("ExpirationInDays"); v != nil {
		rule.Expiration = &model.Expiration{Days: v.Attr(), Range: v.Range}
	}
	if e, err := object(n, "NoncurrentVersionExpiration"); err != nil {
		return nil, err
	} else if e != nil {
		rule.NoncurrentVersionExpiration = &model.NoncurrentExpiration{NoncurrentDays: attr(e, "NoncurrentDays"), NewerNoncurrentVersions: attr(e, "NewerNoncurrentVersions"), Range: e.Range}
	} else if v := n.Get("NoncurrentVersionExpirationInDays"); v != nil {
		rule.NoncurrentVersionExpiration = &model.NoncurrentExpiration{NoncurrentDays: v.Attr(), Range: v.Range}
	}
	if rule.Transitions, err = transitions(n, "Transitions", "Days"); err != nil {
		return nil, err
	}
	if rule.NoncurrentVersionTransitions, err = transitions(n, "NoncurrentVersionTransitions", "NoncurrentDays"); err != nil {
		return nil, err
	}
	if a, err := object(n, "AbortIncompleteMultipartUpload"); err != nil {
		return nil, err
	} else if a != nil {
		rule.AbortIncompleteMultipartUpload = attr(a, "DaysAfterInitiation")
		if rule.AbortIncompleteMultipartUpload == nil {
			rule.AbortIncompleteMultipartUpload = &model.Attr{Known: true, Range: a.Range}
		}
	}
	return rule, nil
}

func transitions(n *tree.Node, name, days string) ([]*model.Transition, error) {
	items, err := objects(n, name)
	if err != nil {
		return nil, err
	}
	out := []*model.Transition{}
	for _, t := range items {
		out = append(out, &model.Transition{
			Days:         attr(t, days, "TransitionInDays"),
			Date:         attr(t, "Date", "TransitionDate"),
			StorageClass: attr(t, "StorageClass"),
			Range:        t.Range,
		})
	}
	return out, nil
}

// filter reads a rule's Filter: one of Prefix, Tag, ObjectSizeGreaterThan,
// ObjectSizeLessThan, or And holding several. {} selects every object.
func filter(n *tree.Node) (*model.Filter, error) {
	f := &model.Filter{Tags: []model.Tag{}, Range: n.Range}
	add := func(n *tree.Node) error {
		if a := attr(n, "Prefix"); a != nil {
			f.Prefix = a
		}
		if a := attr(n, "ObjectSizeGreaterThan"); a != nil {
			f.ObjectSizeGreaterThan = a
		}
		if a := attr(n, "ObjectSizeLessThan"); a != nil {
			f.ObjectSizeLessThan = a
		}
		tag, err := object(n, "Tag")
		if err != nil {
			return err
		}
		tags, err := objects(n, "Tags")
		if err != nil {
			return err
		}
		if tag != nil {
			tags = append([]*tree.Node{tag}, tags...)
		}
		for _, t := range tags {
			f.Tags = append(f.Tags, model.Tag{Key: t.Get("Key").Attr().String(), Value: t.Get("Value").Attr().String(), Range: t.Range})
		}
		return nil
	}
	if err := add(n); err != nil {
		return nil, err
	}
	and, err := object(n, "And")
	if err != nil {
		return nil, err
	}
	if and != nil {
		if err := add(and); err != nil {
			return nil, err
		}
	}
	return f, nil
}
