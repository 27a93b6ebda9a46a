package terraform

import (
	"github.com/ctlint/ctlint/internal/model"
)

// finish resolves what needed every entity to be known: split bucket
// settings, key policies and aliases, unused policy documents; then links
// the rest by name (model.Link).
func (p *parser) finish() {
	d := p.doc
	p.mergeSplits()
	keys := map[string]*model.Key{}
	for _, k := range d.Keys {
		keys[k.ID] = k
	}
	for _, a := range p.aliases {
		if k := keys[a.key]; k != nil {
			k.Aliases = append(k.Aliases, a.name)
		}
	}
	for _, kp := range p.keyPolicies {
		if kp.policy == nil {
			continue
		}
		k := keys[kp.key]
		if k == nil {
			if id := findKeyByRef(d.Keys, kp.keyID.String()); id != "" {
				k = keys[id]
			}
		}
		if k != nil {
			k.Policy = kp.policy // the separate resource replaces an inline policy
			continue
		}
		d.OtherPolicies = append(d.OtherPolicies, kp.policy)
	}
	// Policy documents no bucket or key policy uses are still checked as
	// identity policies. The list is fixed first: building one document may
	// mark its source documents used.
	var unused []*docUse
	for _, u := range p.docOrder {
		if !u.used {
			unused = append(unused, u)
		}
	}
	for _, u := range unused {
		res := u.m.iamDocument(u.decl, u.inst, 0)
		id := p.uniquePolicyID(u.inst.addr)
		if res.node == nil {
			pol := &model.Policy{
				ID: id, Kind: model.PolicyIdentity, Range: p.rng(u.decl.rng),
				Statements: []*model.Statement{}, Problems: append([]model.Problem{}, res.problems...),
			}
			if res.unresolved != "" {
				pol.Unresolved = model.Unknown(res.unresolved)
			}
			d.OtherPolicies = append(d.OtherPolicies, pol)
			continue
		}
		pol := policyFromTree(res, id, model.PolicyIdentity)
		d.OtherPolicies = append(d.OtherPolicies, pol)
	}
	model.Link(d)
	p.doc.Normalize()
}

// findKeyByRef finds a key by the string an argument evaluated to: its
// key_id marker, ARN or an alias.
func findKeyByRef(keys []*model.Key, ref string) string {
	if ref == "" {
		return ""
	}
	for _, k := range keys {
		if k.ARN == ref || ref == model.Unknown(k.ID+".key_id") {
			return k.ID
		}
	}
	return ""
}
