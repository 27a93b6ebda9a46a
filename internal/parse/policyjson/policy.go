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
// attachment. It reads the statements as written, without normalizing
// them: what normalization leaves out (statements past the size bound of
// a policy far larger than AWS accepts) still tells the kind.
func policyKind(n *tree.Node) string {
	kms, s3 := false, false
	for _, st := range elements(n.Get("Statement")) {
		for _, name := range []string{"Action", "NotAction"} {
			for _, v := range elements(st.Get(name)) {
				kms = kms || hasPrefixFold(v.Text, "kms:")
				s3 = s3 || hasPrefixFold(v.Text, "s3:")
			}
		}
		if c := st.Get("Condition"); c != nil {
			for _, op := range c.Keys {
				if op.Value.Kind != tree.Object {
					continue
				}
				for _, k := range op.Value.Keys {
					kms = kms || hasPrefixFold(k.Key, "kms:")
				}
			}
		}
		for _, name := range []string{"Principal", "NotPrincipal"} {
			for _, v := range elements(st.Get(name).Get("Service")) {
				kms = kms || strings.EqualFold(v.Text, "kms.amazonaws.com")
			}
		}
		for _, name := range []string{"Resource", "NotResource"} {
			for _, v := range elements(st.Get(name)) {
				_, isS3 := s3Bucket(v.Text)
				s3 = s3 || isS3
			}
		}
	}
	switch {
	case kms:
		return KindKeyPolicy
	case s3:
		return KindBucketPolicy
	}
	return KindPolicy
}

// elements returns an array's items, or the node itself (a policy element
// may be one value or a list of them); nil for nil.
func elements(n *tree.Node) []*tree.Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == tree.Array:
		return n.Items
	}
	return []*tree.Node{n}
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
