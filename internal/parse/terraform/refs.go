package terraform

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
)

// instancesOf expands a resource or data block once per module instance.
func (m *moduleInst) instancesOf(r *resourceDecl) ([]*instance, collection) {
	key := r.key()
	if m.instState[key] == done {
		insts := m.instances[key]
		return insts, m.collectionOf(r, insts)
	}
	if m.instState[key] == visiting { // count refers to its own resource
		return []*instance{{addr: m.prefix + key, env: m.env()}}, unknownKeys
	}
	m.instState[key] = visiting
	insts, kind := m.expand(m.prefix+key, r.count, r.forEach)
	m.instances[key], m.instState[key] = insts, done
	return insts, kind
}

func (m *moduleInst) collectionOf(r *resourceDecl, insts []*instance) collection {
	switch {
	case r.count == nil && r.forEach == nil:
		return single
	case len(insts) == 1 && insts[0].key == cty.NilVal:
		return unknownKeys
	case r.count != nil:
		return counted
	}
	return keyed
}

// defaultAttrs are included in every instance object, so that splat and for
// expressions over instances find the attributes rules care about.
var defaultAttrs = []string{"id", "arn", "name", "bucket", "key_id"}

// resourceRoot is the value of a resource type name (aws_s3_bucket) in an
// expression: an object of the referenced resources' instance collections.
func (m *moduleInst) resourceRoot(typ string, ts []hcl.Traversal) cty.Value {
	byName := map[string][]hcl.Traversal{}
	for _, t := range ts {
		if len(t) > 1 {
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				byName[a.Name] = append(byName[a.Name], t)
			}
		}
	}
	out := map[string]cty.Value{}
	for _, name := range sortedKeys(byName) {
		refs := byName[name]
		r := m.cfg.byAddr[typ+"."+name]
		if r == nil {
			// Not declared in this module (a partial configuration): its
			// attributes are unknown but keep their names in the text.
			out[name] = undeclared(typ+"."+name, refs, 2)
			continue
		}
		out[name] = m.collectionValue(r, referencedAttrs(refs, 2))
	}
	return cty.ObjectVal(out)
}

// dataRoot is the value of `data` in an expression.
func (m *moduleInst) dataRoot(ts []hcl.Traversal) cty.Value {
	byType := map[string]map[string][]hcl.Traversal{}
	for _, t := range ts {
		if len(t) < 3 {
			continue
		}
		typ, ok1 := t[1].(hcl.TraverseAttr)
		name, ok2 := t[2].(hcl.TraverseAttr)
		if !ok1 || !ok2 {
			continue
		}
		if byType[typ.Name] == nil {
			byType[typ.Name] = map[string][]hcl.Traversal{}
		}
		byType[typ.Name][name.Name] = append(byType[typ.Name][name.Name], t)
	}
	out := map[string]cty.Value{}
	for _, typ := range sortedKeys(byType) {
		names := byType[typ]
		obj := map[string]cty.Value{}
		for _, name := range sortedKeys(names) {
			refs := names[name]
			if r := m.cfg.byAddr["data."+typ+"."+name]; r != nil {
				obj[name] = m.collectionValue(r, referencedAttrs(refs, 3))
			} else {
				obj[name] = undeclared("data."+typ+"."+name, refs, 3)
			}
		}
		out[typ] = cty.ObjectVal(obj)
	}
	return cty.ObjectVal(out)
}

// undeclared is the value of a block that is referenced but not declared:
// an object whose referenced attributes are markers.
func undeclared(addr string, refs []hcl.Traversal, i int) cty.Value {
	vals := map[string]cty.Value{}
	for _, name := range attrNames(refs, i) {
		vals[name] = markerVal(addr + "." + name)
	}
	return cty.ObjectVal(vals)
}

// referencedAttrs returns the attribute names used after the block name (at
// position i, or i+1 after an index), plus the defaults.
func referencedAttrs(ts []hcl.Traversal, i int) []string {
	seen := map[string]bool{}
	for _, a := range defaultAttrs {
		seen[a] = true
	}
	for _, t := range ts {
		j := i
		if len(t) > j {
			if _, ok := t[j].(hcl.TraverseIndex); ok {
				j++
			}
		}
		if len(t) > j {
			if a, ok := t[j].(hcl.TraverseAttr); ok {
				seen[a.Name] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// collectionValue builds the value a reference to r sees: one object, a
// tuple (count) or an object by key (for_each), each instance holding attrs.
func (m *moduleInst) collectionValue(r *resourceDecl, attrs []string) cty.Value {
	insts, kind := m.instancesOf(r)
	obj := func(inst *instance) cty.Value {
		vals := make(map[string]cty.Value, len(attrs))
		for _, a := range attrs {
			vals[a] = m.attrValue(r, inst, a)
		}
		return cty.ObjectVal(vals)
	}
	switch kind {
	case single:
		return obj(insts[0])
	case counted, unknownKeys:
		if kind == unknownKeys && r.forEach != nil {
			// The keys are unknown, so no key can be looked up: references
			// by key fail and become markers of their own text.
			return cty.EmptyObjectVal
		}
		vals := make([]cty.Value, len(insts))
		for i, inst := range insts {
			vals[i] = obj(inst)
		}
		return cty.TupleVal(vals)
	}
	vals := make(map[string]cty.Value, len(insts))
	for _, inst := range insts {
		if inst.key.Type() == cty.String {
			vals[inst.key.AsString()] = obj(inst)
		}
	}
	return cty.ObjectVal(vals)
}

// attrValue returns one attribute of a resource instance as a reference sees
// it: computed attributes that can be derived symbolically (a bucket's ARN
// from its name), the configured value of a written argument, else a marker.
func (m *moduleInst) attrValue(r *resourceDecl, inst *instance, attr string) cty.Value {
	key := inst.addr + " " + attr
	switch m.attrState[key] {
	case done:
		return m.attrs[key]
	case visiting:
		return markerVal(inst.addr + "." + attr)
	}
	m.attrState[key] = visiting
	v := m.computeAttr(r, inst, attr)
	m.attrs[key], m.attrState[key] = v, done
	return v
}

func (m *moduleInst) argument(r *resourceDecl, inst *instance, name string) (cty.Value, bool) {
	c := inst.env.read(r.body, nil, r.rng)
	a := c.attrs[name]
	if a == nil {
		return cty.NilVal, false
	}
	v := inst.env.eval(a.Expr)
	if v.IsNull() {
		return cty.NilVal, false
	}
	return v, true
}

func (m *moduleInst) computeAttr(r *resourceDecl, inst *instance, attr string) cty.Value {
	marker := markerVal(inst.addr + "." + attr)
	strArg := func(name string) (string, bool) {
		v, ok := m.argument(r, inst, name)
		if !ok || v.Type() != cty.String {
			return "", false
		}
		return v.AsString(), true
	}
	region := m.regionFor(r, inst)
	switch r.mode + r.typ {
	case "aws_s3_bucket":
		name, ok := strArg("bucket")
		if !ok {
			name = model.Unknown(inst.addr + ".bucket")
		}
		switch attr {
		case "id", "bucket":
			return cty.StringVal(name)
		case "arn":
			return cty.StringVal(bucketARN(name))
		case "bucket_domain_name":
			return cty.StringVal(name + ".s3.amazonaws.com")
		}
	case "aws_kms_key":
		keyID := model.Unknown(inst.addr + ".key_id")
		switch attr {
		case "id", "key_id":
			return cty.StringVal(keyID)
		case "arn":
			return cty.StringVal(kmsARN(region, "key/"+keyID))
		}
	case "aws_kms_alias":
		name, ok := strArg("name")
		if !ok {
			name = model.Unknown(inst.addr + ".name")
		}
		switch attr {
		case "id", "name":
			return cty.StringVal(name)
		case "arn":
			return cty.StringVal(kmsARN(region, name))
		case "target_key_id":
			if v, ok := m.argument(r, inst, "target_key_id"); ok {
				return v
			}
		}
	case "aws_cloudtrail":
		name, ok := strArg("name")
		if !ok {
			name = model.Unknown(inst.addr + ".name")
		}
		switch attr {
		case "name":
			return cty.StringVal(name)
		case "id", "arn":
			return cty.StringVal(model.TrailARN(model.Partition, region, model.AccountID, name))
		case "home_region":
			return cty.StringVal(region)
		}
	case "dataaws_caller_identity":
		switch attr {
		case "account_id", "id":
			return cty.StringVal(model.AccountID)
		}
		return marker
	case "dataaws_region":
		if v, ok := m.argument(r, inst, "name"); ok && (attr == "name" || attr == "id" || attr == "region") {
			return v
		}
		if v, ok := m.argument(r, inst, "region"); ok && (attr == "name" || attr == "id" || attr == "region") {
			return v
		}
		switch attr {
		case "name", "id", "region":
			return cty.StringVal(model.Region)
		}
		return marker
	case "dataaws_partition":
		if attr == "partition" || attr == "id" {
			return cty.StringVal(model.Partition)
		}
		return marker
	}
	if r.mode == "data" {
		return marker // a data source's arguments are filters, not its results
	}
	if v, ok := m.argument(r, inst, attr); ok {
		return v
	}
	return marker
}

// bucketARN is a bucket's ARN. S3 ARNs carry no region or account, and
// bucket policies almost always spell the partition out as "aws", so the
// partition is written literally rather than as a marker: a policy resource
// "arn:aws:s3:::logs/*" then matches the bucket exactly.
func bucketARN(name string) string { return model.BucketARN(name) }

func kmsARN(region, resource string) string {
	return "arn:" + model.Partition + ":kms:" + region + ":" + model.AccountID + ":" + resource
}

// regionFor is the literal region of the provider configuration a resource
// uses, or the Region marker.
func (m *moduleInst) regionFor(r *resourceDecl, inst *instance) string {
	alias := ""
	if r != nil && r.provider != nil {
		if t, diags := hcl.AbsTraversalForExpr(r.provider); !diags.HasErrors() && len(t) == 2 {
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				alias = a.Name
			}
		}
	}
	for mod := m; mod != nil; mod = mod.parent {
		for _, pd := range mod.cfg.providers {
			if pd.name != "aws" || pd.alias != alias || pd.region == nil {
				continue
			}
			v := mod.env().eval(pd.region.Expr)
			if v.Type() == cty.String && !v.IsNull() && !model.HasUnknown(v.AsString()) {
				return v.AsString()
			}
			return model.Region
		}
	}
	return model.Region
}
