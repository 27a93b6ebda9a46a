package policyjson

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// publicAccessBlock reads get-public-access-block output
// ({"PublicAccessBlockConfiguration": {...}}) or the four settings bare.
func (r *reader) publicAccessBlock(doc *model.Document) error {
	cfg := r.root
	if c, err := object(r.root, "PublicAccessBlockConfiguration"); err != nil {
		return err
	} else if c != nil {
		cfg = c
	}
	if cfg.Kind != tree.Object {
		return parse.Errorf(cfg.Range, "not a public access block configuration: expected an object")
	}
	doc.PublicAccessBlocks = append(doc.PublicAccessBlocks, &model.PublicAccessBlock{
		ID:                    r.file.Path,
		BlockPublicAcls:       attr(cfg, "BlockPublicAcls"),
		IgnorePublicAcls:      attr(cfg, "IgnorePublicAcls"),
		BlockPublicPolicy:     attr(cfg, "BlockPublicPolicy"),
		RestrictPublicBuckets: attr(cfg, "RestrictPublicBuckets"),
		Range:                 cfg.Range,
	})
	return nil
}

// encryption reads get-bucket-encryption output
// ({"ServerSideEncryptionConfiguration": {"Rules": [...]}}) or the bare
// configuration, into a partial bucket that has only its encryption set. The
// first rule with a default is the one S3 applies.
func (r *reader) encryption(doc *model.Document) error {
	cfg := r.root
	if c, err := object(r.root, "ServerSideEncryptionConfiguration"); err != nil {
		return err
	} else if c != nil {
		cfg = c
	}
	if cfg.Kind != tree.Object || cfg.Get("Rules") == nil {
		return parse.Errorf(cfg.Range, `not an encryption configuration: expected {"Rules": [...]}`)
	}
	rules, err := objects(cfg, "Rules")
	if err != nil {
		return err
	}
	enc := &model.Encryption{Range: cfg.Range}
	for _, rule := range rules {
		def, err := object(rule, "ApplyServerSideEncryptionByDefault")
		if err != nil {
			return err
		}
		if def == nil {
			continue
		}
		enc.Algorithm = attr(def, "SSEAlgorithm")
		enc.KMSKeyID = attr(def, "KMSMasterKeyID")
		enc.BucketKeyEnabled = attr(rule, "BucketKeyEnabled")
		enc.Range = rule.Range
		break
	}
	doc.Buckets = append(doc.Buckets, &model.Bucket{ID: r.file.Path, Range: r.root.Range, Grants: []model.Grant{}, Encryption: enc, Partial: true})
	return nil
}
