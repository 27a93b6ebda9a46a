package tfplan

import "slices"

// refAddress returns the address of the one instance of a resource of type
// typ that the argument at path of in refers to, from the configuration's
// references, or "" when there is none or it cannot be told. References are
// relative to the referring module instance.
func (p *parser) refAddress(in *instance, typ string, path ...any) string {
	refs := references(in.cfg, path...)
	found := ""
	for _, ref := range refs {
		name, key, ok := refTarget(ref, typ+".")
		if !ok {
			continue
		}
		addr := p.pickInstance(in, refs, typ, name, key)
		if addr == "" {
			continue
		}
		if found != "" && found != addr {
			return "" // two candidates: let the linker decide by name
		}
		found = addr
	}
	return found
}

// pickInstance finds the instance of typ.name in in's module instance. A
// reference without a key names the only instance, or, when it is indexed
// by count.index or each.key, the instance with the referrer's own key.
func (p *parser) pickInstance(in *instance, refs []string, typ, name, key string) string {
	base := typ + "." + name
	if in.module != "" {
		base = in.module + "." + base
	}
	if key != "" {
		if p.byKey[base+key] != nil {
			return base + key
		}
		return ""
	}
	if p.byKey[base] != nil {
		return base
	}
	var candidates []string
	for _, other := range p.insts {
		if other.module == in.module && other.mode == "managed" && other.typ == typ && other.name == name {
			candidates = append(candidates, other.addr)
		}
	}
	if len(candidates) == 1 {
		return candidates[0]
	}
	if in.key != "" && (slices.Contains(refs, "count.index") || slices.Contains(refs, "each.key") || slices.Contains(refs, "each.value")) {
		if p.byKey[base+in.key] != nil {
			return base + in.key
		}
	}
	return ""
}

// keyRef returns the address of the aws_kms_key an argument refers to,
// directly or through an aws_kms_alias in the plan.
func (p *parser) keyRef(in *instance, path ...any) string {
	if addr := p.refAddress(in, "aws_kms_key", path...); addr != "" {
		return addr
	}
	alias := p.byKey[p.refAddress(in, "aws_kms_alias", path...)]
	if alias == nil {
		return ""
	}
	return p.refAddress(alias, "aws_kms_key", "target_key_id")
}

// markUsedDocs records the policy documents (data.aws_iam_policy_document)
// that a bucket or key policy argument refers to: the plan already holds
// their rendered JSON in that argument, so they are not reported again as
// stand-alone policies.
func (p *parser) markUsedDocs() {
	for _, in := range p.insts {
		switch in.typ {
		case "aws_s3_bucket", "aws_s3_bucket_policy", "aws_kms_key", "aws_kms_key_policy":
		default:
			continue
		}
		if in.mode != "managed" {
			continue
		}
		refs := references(in.cfg, "policy")
		for _, ref := range refs {
			name, key, ok := refTarget(ref, "data.aws_iam_policy_document.")
			if !ok {
				continue
			}
			typ := "data.aws_iam_policy_document"
			base := typ + "." + name
			if in.module != "" {
				base = in.module + "." + base
			}
			if key != "" {
				p.usedDocs[base+key] = true
				continue
			}
			for _, other := range p.insts {
				if other.module == in.module && other.mode == "data" && other.typ == "aws_iam_policy_document" && other.name == name {
					p.usedDocs[other.addr] = true
				}
			}
		}
	}
}
