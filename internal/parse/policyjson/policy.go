package policyjson

import (
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/policydoc"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// policyNode returns the policy document of an input: the root itself, or
// the value of the AWS CLI's "Policy" member, parsed when it is a string. It
// returns nil when the input holds neither.
func policyNode(root *tree.Node, file string, data []byte) (*tree.Node, error) {
	if root.Get("Statement") != nil {
		return root, nil
	}
	p := root.Get("Policy")
	switch {
	case p == nil:
		return nil, nil
	case p.Kind == tree.Object:
		return p, nil
	case p.Kind == tree.String:
		res, err := jsonpos.ParseString(file, data, p.Range)
		if err != nil {
			return nil, err
		}
		return res.Root, nil
	}
	return nil, nil
}

func (r *reader) policy(doc *model.Document, kind string) error {
	n, err := policyNode(r.root, r.file.Path, r.file.Data)
	if err != nil {
		return err
	}
	if n == nil {
		// Read as a policy on request: FromNode reports what is missing.
		n = r.root
	}
	id := r.file.Path
	switch kind {
	case KindBucketPolicy:
		p := policydoc.FromNode(n, id, model.PolicyBucket)
		doc.BucketPolicies = append(doc.BucketPolicies, &model.BucketPolicy{ID: id, Policy: p, Range: n.Range, BucketName: bucketName(p)})
	case KindKeyPolicy:
		p := policydoc.FromNode(n, id, model.PolicyKey)
		doc.Keys = append(doc.Keys, &model.Key{ID: id, ARN: model.Unknown("ARN of the key with policy " + id), Range: n.Range, Policy: p, Aliases: []string{}})
	default:
		doc.OtherPolicies = append(doc.OtherPolicies, policydoc.FromNode(n, id, model.PolicyIdentity))
	}
	return nil
}

// policyKind tells a key policy (it grants kms: actions, tests kms:
// condition keys, or names the KMS service principal) from a bucket policy
// (s3: actions or S3 resources); anything else is a policy of unknown
// attachment.
func policyKind(n *tree.Node) string {
	p := policydoc.FromNode(n, "", model.PolicyIdentity)
	has := func(pred func(s *model.Statement) bool) bool {
		for _, s := range p.Statements {
			if pred(s) {
				return true
			}
		}
		return false
	}
	if has(mentionsKMS) {
		return KindKeyPolicy
	}
	if has(mentionsS3) {
		return KindBucketPolicy
	}
	return KindPolicy
}

func mentionsKMS(s *model.Statement) bool {
	if s.Action != nil {
		for _, v := range s.Action.Values {
			if hasPrefixFold(v.Value, "kms:") {
				return true
			}
		}
	}
	for _, c := range s.Conditions {
		if hasPrefixFold(c.Key, "kms:") {
			return true
		}
	}
	if s.Principal != nil {
		for _, e := range s.Principal.Entries {
			if e.Type == "Service" && strings.EqualFold(e.Value, "kms.amazonaws.com") {
				return true
			}
		}
	}
	return false
}

func mentionsS3(s *model.Statement) bool {
	if s.Action != nil {
		for _, v := range s.Action.Values {
			if hasPrefixFold(v.Value, "s3:") {
				return true
			}
		}
	}
	if s.Resource != nil {
		for _, v := range s.Resource.Values {
			if _, ok := s3Bucket(v.Value); ok {
				return true
			}
		}
	}
	return false
}

// bucketName returns the bucket every S3 resource of the policy names, when
// they all name the same, fully known bucket.
func bucketName(p *model.Policy) *model.Attr {
	var name *model.Attr
	for _, s := range p.Statements {
		if s.Resource == nil {
			continue
		}
		for _, v := range s.Resource.Values {
			b, ok := s3Bucket(v.Value)
			if !ok {
				continue
			}
			if b == "" || strings.ContainsAny(b, "*?") || model.HasUnknown(b) {
				return nil
			}
			if name == nil {
				name = model.Str(b, v.Range)
			} else if name.String() != b {
				return nil
			}
		}
	}
	return name
}

// s3Bucket returns the bucket part of an S3 ARN (any partition).
func s3Bucket(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "s3" || parts[3] != "" || parts[4] != "" {
		return "", false
	}
	bucket, _, _ := strings.Cut(parts[5], "/")
	return bucket, true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
