// Package cloudformation reads CloudFormation templates (JSON or YAML, with
// the short-form tags) into model documents: S3 buckets, bucket policies,
// KMS keys and aliases, and CloudTrail trails, with intrinsic functions
// resolved offline where possible and unknown markers where not.
//
// Conditions that cannot be decided offline (they compare a parameter
// without a value, or a pseudo parameter) split a template into variants:
// one document per assignment, named in model.Scope.Variant.
package cloudformation

import (
	"path"
	"sort"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// Options are the caller's settings for one parse.
type Options struct {
	// Parameters overrides parameter values (--parameter Name=Value);
	// list parameters take comma-separated values.
	Parameters map[string]string
}

// Resource types ctlint models; other resources are read (for Ref and
// GetAtt) but produce nothing.
const (
	typeBucket       = "AWS::S3::Bucket"
	typeBucketPolicy = "AWS::S3::BucketPolicy"
	typeKey          = "AWS::KMS::Key"
	typeAlias        = "AWS::KMS::Alias"
	typeTrail        = "AWS::CloudTrail::Trail"
)

var modeled = map[string]bool{typeBucket: true, typeBucketPolicy: true, typeKey: true, typeAlias: true, typeTrail: true}

// Parse reads the template in f. It returns one document per variant
// (normally one), and the problems found: errors for input that cannot be
// read (bad YAML, a resource without Type), warnings (Warning set) for
// malformed suppressions. Documents are returned even when some resources
// had errors, so that the rest of the template is still checked.
func Parse(f parse.File, opts Options) ([]*model.Document, []*parse.Error) {
	src := newSource(f.Path, f.Data)
	root, err := parseTree(src)
	if err != nil {
		return nil, []*parse.Error{err}
	}
	t, errs := readTemplate(f.Path, root)
	if t == nil {
		return nil, errs
	}
	sups, warnings := suppressions(t)
	errs = append(errs, warnings...)
	vs, unresolved := variants(t, opts)
	docs := make([]*model.Document, 0, len(vs))
	for _, v := range vs {
		d, present := build(t, opts, v)
		d.Unresolved = append(d.Unresolved, unresolved...)
		for _, s := range sups {
			if present[s.Resource] {
				d.Suppressions = append(d.Suppressions, s)
			}
		}
		model.Link(d)
		docs = append(docs, d)
	}
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Column < errs[j].Column
	})
	return docs, errs
}

// parseTree reads .json files, and .template files holding JSON, with the
// JSON reader (exact errors for JSON syntax); YAML files, even in flow style,
// with the YAML reader.
func parseTree(src *source) (*tree.Node, *parse.Error) {
	switch strings.ToLower(path.Ext(src.file)) {
	case ".yaml", ".yml":
	case ".json":
		return parseJSON(src)
	default:
		if isJSON(src.data) {
			return parseJSON(src)
		}
	}
	return parseYAML(src)
}
