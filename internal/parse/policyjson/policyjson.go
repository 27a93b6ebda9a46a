// Package policyjson reads raw JSON inputs into a model.Document: IAM policy
// documents (bucket, key or other policies), S3 lifecycle, public access
// block and default encryption configurations, and CloudTrail trails, either
// as written for the AWS APIs or as the AWS CLI prints them (including the
// {"Policy": "<policy JSON as a string>"} wrapper of get-bucket-policy and
// get-key-policy, whose positions are mapped back into the string).
//
// A JSON syntax error is a *parse.Error. A file whose structure is not the
// expected one (Rules not a list, a rule not an object) is a *parse.Error
// too, with the position of the offending value. Scalar settings keep the
// type they were written with (Days "abc", Days -1, Status 5 stay as they
// are in model.Attr values) so that rules such as CT304 lifecycle-invalid
// can report them with their position; policy grammar problems are recorded
// in model.Policy.Problems for CT001.
package policyjson

import (
	"bytes"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// Input kinds.
const (
	KindBucketPolicy      = "bucket-policy"
	KindKeyPolicy         = "key-policy"
	KindLifecycle         = "lifecycle"
	KindTrail             = "trail"
	KindPublicAccessBlock = "public-access-block"
	KindEncryption        = "encryption"
	KindPolicy            = "policy" // a policy whose attachment cannot be told
)

// Options control Parse.
type Options struct {
	// Kind is "" to detect the kind from the content, or one of the Kind
	// constants to read the input as that kind.
	Kind string
}

// Detect sniffs what kind of input data is. ok is false for JSON that is none
// of the kinds (package.json, a CloudFormation template, a Terraform plan), so
// that a file walker can skip it. Text that is not valid JSON but names a
// distinctive element ("Statement", "trailList", ...) is reported with ok
// true, so that Parse gets to report the syntax error instead of the file
// being skipped silently.
func Detect(data []byte) (kind string, ok bool) {
	res, err := jsonpos.Parse("", data)
	if err != nil {
		return sniff(data)
	}
	return detect(res.Root, "", data)
}

// Parse reads f as a kind of input (see Options) into a document. Errors are
// *parse.Error values.
func Parse(f parse.File, opts Options) (*model.Document, error) {
	res, err := jsonpos.Parse(f.Path, f.Data)
	if err != nil {
		return nil, err
	}
	root := res.Root
	kind := opts.Kind
	if kind == "" {
		var ok bool
		if kind, ok = detect(root, f.Path, f.Data); !ok {
			return nil, parse.Errorf(root.Range, "not a policy, lifecycle, trail, public access block or encryption configuration; pass the kind explicitly to read it as one")
		}
	}
	r := &reader{file: f, root: root}
	doc := &model.Document{Scope: model.Scope{Kind: model.ScopePolicyJSON, Path: f.Path, Files: []string{f.Path}}}
	switch kind {
	case KindBucketPolicy, KindKeyPolicy, KindPolicy:
		err = r.policy(doc, kind)
	case KindLifecycle:
		err = r.lifecycle(doc)
	case KindTrail:
		err = r.trails(doc)
	case KindPublicAccessBlock:
		err = r.publicAccessBlock(doc)
	case KindEncryption:
		err = r.encryption(doc)
	default:
		return nil, &parse.Error{File: f.Path, Message: "unknown input kind " + kind}
	}
	if err != nil {
		return nil, err
	}
	model.Link(doc)
	return doc, nil
}

// reader holds one input while it is turned into a document.
type reader struct {
	file parse.File
	root *tree.Node
}

// detect classifies a parsed input; file and data are needed to look inside
// a {"Policy": "..."} string.
func detect(root *tree.Node, file string, data []byte) (string, bool) {
	if root.Kind != tree.Object {
		return "", false
	}
	// Other tools' formats that may share an element name with ours.
	for _, foreign := range []string{"AWSTemplateFormatVersion", "Resources", "format_version", "terraform_version", "dependencies", "devDependencies"} {
		if root.Get(foreign) != nil {
			return "", false
		}
	}
	if root.Get("Statement") != nil {
		return policyKind(root), true
	}
	if p := root.Get("Policy"); p != nil {
		if n, err := policyNode(root, file, data); err == nil && n != nil && n.Get("Statement") != nil {
			return policyKind(n), true
		}
		if p.Kind == tree.String && strings.HasPrefix(strings.TrimSpace(p.Text), "{") {
			// A policy string that does not parse: let Parse report why.
			return KindPolicy, true
		}
		if p.Kind == tree.String || p.Kind == tree.Object {
			return "", false
		}
	}
	if lc := root.Get("LifecycleConfiguration"); lc != nil && lc.Get("Rules") != nil {
		return KindLifecycle, true
	}
	if root.Get("ServerSideEncryptionConfiguration") != nil {
		return KindEncryption, true
	}
	if rules := root.Get("Rules"); rules != nil && rules.Kind == tree.Array {
		return rulesKind(rules)
	}
	if rules := root.Get("Rules"); rules != nil && rules.Kind == tree.Object {
		// One rule written without its list: read the file as what the rule
		// looks like, so that Parse says Rules must be a list instead of
		// the file being skipped as "not a policy".
		return rulesKind(&tree.Node{Kind: tree.Array, Items: []*tree.Node{rules}})
	}
	if root.Get("trailList") != nil || root.Get("Trail") != nil || isBareTrail(root) {
		return KindTrail, true
	}
	if root.Get("PublicAccessBlockConfiguration") != nil || isBarePublicAccessBlock(root) {
		return KindPublicAccessBlock, true
	}
	return "", false
}

var lifecycleRuleElements = []string{"ID", "Id", "Status", "Filter", "Prefix", "Expiration", "Transitions", "NoncurrentVersionExpiration", "NoncurrentVersionTransitions", "AbortIncompleteMultipartUpload"}

// rulesKind tells a lifecycle configuration from an encryption one: both are
// {"Rules": [...]}.
func rulesKind(rules *tree.Node) (string, bool) {
	if len(rules.Items) == 0 {
		return KindLifecycle, true
	}
	for _, it := range rules.Items {
		if it.Get("ApplyServerSideEncryptionByDefault") != nil {
			return KindEncryption, true
		}
		for _, k := range lifecycleRuleElements {
			if it.Get(k) != nil {
				return KindLifecycle, true
			}
		}
	}
	return "", false
}

func isBareTrail(n *tree.Node) bool {
	return n.Get("S3BucketName") != nil || (n.Get("Name") != nil && n.Get("TrailARN") != nil)
}

var publicAccessBlockElements = []string{"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"}

func isBarePublicAccessBlock(n *tree.Node) bool {
	if len(n.Keys) == 0 {
		return false
	}
	for _, f := range n.Keys {
		if !slices.Contains(publicAccessBlockElements, f.Key) {
			return false
		}
	}
	return true
}

// sniff guesses the kind of text that is not valid JSON from the element
// names it contains.
func sniff(data []byte) (string, bool) {
	for _, foreign := range []string{`"AWSTemplateFormatVersion"`, `"Resources"`, `"format_version"`} {
		if bytes.Contains(data, []byte(foreign)) {
			return "", false
		}
	}
	for _, s := range []struct{ needle, kind string }{
		{`"Statement"`, KindPolicy},
		{`"Policy"`, KindPolicy},
		{`"trailList"`, KindTrail},
		{`"S3BucketName"`, KindTrail},
		{`"LifecycleConfiguration"`, KindLifecycle},
		{`"ServerSideEncryptionConfiguration"`, KindEncryption},
		{`"PublicAccessBlockConfiguration"`, KindPublicAccessBlock},
	} {
		if bytes.Contains(data, []byte(s.needle)) {
			return s.kind, true
		}
	}
	return "", false
}
