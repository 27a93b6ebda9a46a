package cloudformation

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/policydoc"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// bucketPolicy reads AWS::S3::BucketPolicy.
func (b *builder) bucketPolicy(res *resource, p *tree.Node) {
	b.doc.BucketPolicies = append(b.doc.BucketPolicies, &model.BucketPolicy{
		ID:         res.ID,
		Bucket:     b.linkOf(p, "Bucket"),
		BucketName: b.attr(p, "Bucket"),
		Policy:     b.policy(p, "PolicyDocument", res.ID+".PolicyDocument", model.PolicyBucket),
		Range:      res.Range,
	})
}

// key reads AWS::KMS::Key. Without KeyPolicy AWS applies its default policy,
// which the model says with a nil Policy.
func (b *builder) key(res *resource, p *tree.Node) {
	b.doc.Keys = append(b.doc.Keys, &model.Key{
		ID:                 res.ID,
		ARN:                keyARN(res.ID),
		Range:              res.Range,
		Policy:             b.policy(p, "KeyPolicy", res.ID+".KeyPolicy", model.PolicyKey),
		RotationEnabled:    b.boolAttr(p, "EnableKeyRotation"),
		RotationPeriodDays: b.numAttr(p, "RotationPeriodInDays"),
		KeySpec:            b.attr(p, "KeySpec"),
		KeyUsage:           b.attr(p, "KeyUsage"),
		Aliases:            []string{},
	})
}

// alias reads AWS::KMS::Alias; aliases are attached to their keys once every
// key is known.
func (b *builder) alias(p *tree.Node) {
	f := field(p, "AliasName")
	if f == nil {
		return
	}
	name, ok := textOf(f.Value)
	if !ok || name == "" {
		return
	}
	target := ""
	if f := field(p, "TargetKeyId"); f != nil {
		target, _ = textOf(f.Value)
	}
	b.aliases = append(b.aliases, &alias{name: name, key: b.linkOf(p, "TargetKeyId"), value: target})
}

func (b *builder) attachAliases() {
	for _, a := range b.aliases {
		for _, k := range b.doc.Keys {
			if k.ID == a.key || (a.key == "" && a.value != "" && (a.value == k.ARN || a.value == model.Unknown(k.ID))) {
				k.Aliases = append(k.Aliases, a.name)
			}
		}
	}
}

// policy normalizes a policy-document property. CloudFormation accepts an
// object or a JSON string; policydoc reads both, and keeps a value unknown
// offline as unresolved.
func (b *builder) policy(p *tree.Node, name, id, kind string) *model.Policy {
	f := field(p, name)
	if f == nil {
		return nil
	}
	return policydoc.FromNode(f.Value, id, kind)
}
