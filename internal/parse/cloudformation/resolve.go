package cloudformation

import (
	"encoding/base64"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// resolver evaluates intrinsic functions for one variant (one assignment of
// the conditions that cannot be decided offline). It never mutates the
// template's tree: resolved values are new nodes, or the written nodes when
// nothing needed resolving. Values it cannot know become unknown markers.
type resolver struct {
	t    *template
	opts Options

	// assign holds the variant's value for each condition that is decided
	// by assumption; every other condition is evaluated.
	assign   map[string]bool
	condMemo map[string]tri
	condBusy map[string]bool

	// links records, for a resolved node that names a resource of the
	// template (Ref, GetAtt ...Arn, or a Sub that yields the same), that
	// resource's logical ID, so the model can link entities directly.
	links map[*tree.Node]string
	// busy guards against resources whose names refer to each other.
	busy map[string]bool

	resource   string // the resource being resolved, for Unresolved entries
	unresolved []model.Unresolved
}

func newResolver(t *template, opts Options, assign map[string]bool) *resolver {
	return &resolver{
		t: t, opts: opts, assign: assign,
		condMemo: map[string]tri{}, condBusy: map[string]bool{},
		links: map[*tree.Node]string{}, busy: map[string]bool{},
	}
}

// maxResolveDepth bounds nested intrinsics and chains of references.
const maxResolveDepth = parse.MaxDepth

// value resolves n; nil means the value is absent (AWS::NoValue).
func (r *resolver) value(n *tree.Node) *tree.Node { return r.resolve(n, 0) }

func (r *resolver) resolve(n *tree.Node, depth int) *tree.Node {
	if n == nil {
		return nil
	}
	if depth > maxResolveDepth {
		return r.unknown("nesting too deep", n.Range, "intrinsic functions nested too deeply")
	}
	switch n.Kind {
	case tree.Object:
		if name, arg, ok := intrinsicOf(n); ok {
			return r.intrinsic(name, arg, n.Range, depth+1)
		}
		out := &tree.Node{Kind: tree.Object, Range: n.Range}
		changed := false
		for _, f := range n.Keys {
			v := r.resolve(f.Value, depth+1)
			changed = changed || v != f.Value
			if v == nil {
				continue
			}
			out.Keys = append(out.Keys, &tree.Field{Key: f.Key, KeyRange: f.KeyRange, Value: v})
		}
		if !changed {
			return n
		}
		return out
	case tree.Array:
		out := &tree.Node{Kind: tree.Array, Range: n.Range}
		changed := false
		for _, it := range n.Items {
			v := r.resolve(it, depth+1)
			changed = changed || v != it
			if v != nil {
				out.Items = append(out.Items, v)
			}
		}
		if !changed {
			return n
		}
		return out
	}
	return n
}

// intrinsicOf reports whether n is an intrinsic function call: an object
// with the single member Ref or Fn::*. (Condition is one only inside
// Conditions, where evalCond handles it: a policy statement may well hold a
// lone Condition member.)
func intrinsicOf(n *tree.Node) (name string, arg *tree.Node, ok bool) {
	if n.Kind != tree.Object || len(n.Keys) != 1 {
		return "", nil, false
	}
	k := n.Keys[0].Key
	if k == "Ref" || strings.HasPrefix(k, "Fn::") {
		return k, n.Keys[0].Value, true
	}
	return "", nil, false
}

func (r *resolver) intrinsic(name string, arg *tree.Node, rng model.Range, depth int) *tree.Node {
	switch name {
	case "Ref":
		if arg.Kind != tree.String {
			return r.unknown("Ref", rng, "Ref takes a name")
		}
		return r.ref(arg.Text, rng)
	case "Fn::GetAtt":
		return r.getAttFn(arg, rng, depth)
	case "Fn::Sub":
		return r.sub(arg, rng, depth)
	case "Fn::Join":
		return r.join(arg, rng, depth)
	case "Fn::Select":
		return r.selectFn(arg, rng, depth)
	case "Fn::Split":
		return r.split(arg, rng, depth)
	case "Fn::FindInMap":
		return r.findInMap(arg, rng, depth)
	case "Fn::If":
		return r.ifFn(arg, rng, depth)
	case "Fn::Base64":
		s, ok := textOf(r.resolve(arg, depth))
		if !ok || model.HasUnknown(s) {
			return unknownNode("Fn::Base64", rng)
		}
		return strNode(base64.StdEncoding.EncodeToString([]byte(s)), rng)
	case "Fn::ImportValue":
		s, _ := textOf(r.resolve(arg, depth))
		return unknownNode("Fn::ImportValue "+model.Display(s), rng)
	case "Fn::GetAZs", "Fn::Cidr", "Fn::Length", "Fn::ToJsonString":
		// Knowable only at deployment, or not worth computing: none of the
		// properties ctlint reads is built from them.
		return unknownNode(name, rng)
	}
	return r.unknown(name, rng, "unsupported intrinsic function "+name)
}

// ref resolves Ref name.
func (r *resolver) ref(name string, rng model.Range) *tree.Node {
	switch name {
	case "AWS::NoValue":
		return nil
	case "AWS::AccountId":
		return strNode(model.AccountID, rng)
	case "AWS::Region":
		return strNode(model.Region, rng)
	case "AWS::Partition":
		return strNode(model.Partition, rng)
	}
	if strings.HasPrefix(name, "AWS::") { // URLSuffix, StackName, StackId, NotificationARNs
		return unknownNode(name, rng)
	}
	if decl, ok := r.t.params[name]; ok {
		return r.param(name, decl, rng)
	}
	if res := r.t.byID[name]; res != nil {
		n := strNode(r.refText(res), rng)
		r.links[n] = res.ID
		return n
	}
	return r.unknown(name, rng, "Ref to "+name+", which is neither a parameter nor a resource")
}

// param resolves a parameter: an override, else its Default, else unknown.
// SSM-backed parameters are read at deployment, so their Default is a
// parameter path, not the value.
func (r *resolver) param(name string, decl *tree.Node, rng model.Range) *tree.Node {
	typ := ""
	if t := decl.Get("Type"); t != nil {
		typ = t.Text
	}
	value, known := r.opts.Parameters[name]
	if !known {
		if d := decl.Get("Default"); d != nil && d.IsScalar() {
			value, known = d.Text, true
		}
	}
	if strings.HasPrefix(typ, "AWS::SSM::Parameter::Value") {
		known = false
	}
	if !known {
		return unknownNode(name, rng)
	}
	if typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<") {
		out := &tree.Node{Kind: tree.Array, Range: rng}
		for _, part := range strings.Split(value, ",") {
			out.Items = append(out.Items, strNode(strings.TrimSpace(part), rng))
		}
		return out
	}
	return &tree.Node{Kind: tree.String, Text: value, Range: rng}
}

// refText is what Ref returns for a resource of the template.
func (r *resolver) refText(res *resource) string {
	switch res.Type {
	case typeBucket:
		return r.bucketName(res)
	case typeAlias:
		if s, ok := r.propText(res, "AliasName"); ok {
			return s
		}
	case typeTrail:
		return r.trailName(res)
	}
	return model.Unknown(res.ID)
}

func (r *resolver) bucketName(res *resource) string {
	if s, ok := r.propText(res, "BucketName"); ok && s != "" {
		return s
	}
	return model.Unknown(res.ID)
}

// trailName is the trail's name; CloudFormation generates one when
// TrailName is not written.
func (r *resolver) trailName(res *resource) string {
	if s, ok := r.propText(res, "TrailName"); ok && s != "" {
		return s
	}
	return model.Unknown(res.ID + ".TrailName")
}

// propText resolves one property of another resource to text.
func (r *resolver) propText(res *resource, prop string) (string, bool) {
	key := res.ID + "." + prop
	if r.busy[key] || res.Properties == nil {
		return "", false
	}
	r.busy[key] = true
	defer delete(r.busy, key)
	return textOf(r.value(res.Properties.Get(prop)))
}

// arnOf is what GetAtt X.Arn returns for the resources ctlint models; ok is
// false for other resources. Bucket ARNs are written arn:aws:s3::: whatever
// the partition, as bucket policies write them, so that rules compare a
// policy's Resource with the bucket's ARN textually.
func (r *resolver) arnOf(res *resource) (string, bool) {
	switch res.Type {
	case typeBucket:
		return "arn:aws:s3:::" + r.bucketName(res), true
	case typeKey:
		return keyARN(res.ID), true
	case typeTrail:
		return model.TrailARN(model.Partition, model.Region, model.AccountID, r.trailName(res)), true
	}
	return "", false
}

func keyARN(id string) string {
	return "arn:" + model.Partition + ":kms:" + model.Region + ":" + model.AccountID + ":key/" + model.Unknown(id)
}

func (r *resolver) getAttFn(arg *tree.Node, rng model.Range, depth int) *tree.Node {
	var id, attr string
	switch arg.Kind {
	case tree.String:
		id, attr, _ = strings.Cut(arg.Text, ".")
	case tree.Array:
		if len(arg.Items) == 2 {
			id, _ = textOf(arg.Items[0])
			attr, _ = textOf(r.resolve(arg.Items[1], depth))
		}
	}
	if id == "" || attr == "" {
		return r.unknown("Fn::GetAtt", rng, "Fn::GetAtt takes Resource.Attribute")
	}
	return r.getAtt(id, attr, rng)
}

func (r *resolver) getAtt(id, attr string, rng model.Range) *tree.Node {
	res := r.t.byID[id]
	if res == nil {
		return r.unknown(id+"."+attr, rng, "Fn::GetAtt on "+id+", which is not a resource")
	}
	var s string
	switch {
	case attr == "Arn":
		arn, ok := r.arnOf(res)
		if !ok {
			return unknownNode(id+"."+attr, rng)
		}
		s = arn
	case res.Type == typeKey && attr == "KeyId":
		s = model.Unknown(id)
	default:
		return unknownNode(id+"."+attr, rng)
	}
	n := strNode(s, rng)
	r.links[n] = res.ID
	return n
}

// unknown returns a marker for a value that cannot be resolved because the
// template is wrong or uses something unsupported, and records why.
func (r *resolver) unknown(expr string, rng model.Range, reason string) *tree.Node {
	r.unresolved = append(r.unresolved, model.Unresolved{Expr: expr, Reason: reason, Resource: r.resource, Range: rng})
	return unknownNode(expr, rng)
}

func unknownNode(expr string, rng model.Range) *tree.Node {
	return &tree.Node{Kind: tree.Unknown, Text: model.Unknown(expr), Range: rng}
}

// strNode returns a string node, or an unknown node when s is one marker.
func strNode(s string, rng model.Range) *tree.Node {
	if model.IsUnknown(s) {
		return &tree.Node{Kind: tree.Unknown, Text: s, Range: rng}
	}
	return &tree.Node{Kind: tree.String, Text: s, Range: rng}
}

func orNull(n *tree.Node, rng model.Range) *tree.Node {
	if n == nil {
		return &tree.Node{Kind: tree.Null, Range: rng}
	}
	return n
}

// withRange returns a scalar result at the position of the intrinsic that
// produced it; collections keep their own positions.
func withRange(n *tree.Node, rng model.Range) *tree.Node {
	if n == nil || n.Kind == tree.Array || n.Kind == tree.Object {
		return n
	}
	c := *n
	c.Range = rng
	return &c
}

// textOf returns a scalar's or unknown's text; false for collections.
func textOf(n *tree.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Kind {
	case tree.String, tree.Number, tree.Bool, tree.Unknown:
		return n.Text, true
	case tree.Null:
		return "", true
	}
	return "", false
}
