package terraform

import (
	"github.com/ctlint/ctlint/internal/model"
)

// keyPolicy is an aws_kms_key_policy, attached to its key once all keys are
// known.
type keyPolicy struct {
	key    string // address of the key, or ""
	keyID  *model.Attr
	policy *model.Policy
}

// keyAlias is an aws_kms_alias, added to its key's aliases once all keys are
// known.
type keyAlias struct {
	key  string
	name string
}

func (m *moduleInst) emitKey(r *resourceDecl, inst *instance, e *env) {
	p := m.p
	c := e.read(r.body, nil, r.rng)
	k := &model.Key{
		ID: inst.addr, Range: p.rng(r.rng), Aliases: []string{},
		ARN:                kmsARN(m.regionFor(r, inst), "key/"+model.Unknown(inst.addr+".key_id")),
		RotationEnabled:    c.boolean("enable_key_rotation"),
		RotationPeriodDays: c.number("rotation_period_in_days"),
		KeyUsage:           c.str("key_usage"),
	}
	k.KeySpec = c.str("customer_master_key_spec")
	if ks := c.str("key_spec"); ks != nil {
		k.KeySpec = ks
	}
	if a := c.attrs["policy"]; a != nil {
		k.Policy = e.policy(a, inst.addr, model.PolicyKey)
	}
	p.doc.Keys = append(p.doc.Keys, k)
}

func (m *moduleInst) emitKeyPolicy(r *resourceDecl, inst *instance, e *env) {
	c := e.read(r.body, nil, r.rng)
	kp := &keyPolicy{key: e.keyRef(exprOf(c.attrs["key_id"])), keyID: c.str("key_id")}
	if a := c.attrs["policy"]; a != nil {
		kp.policy = e.policy(a, inst.addr, model.PolicyKey)
	}
	m.p.keyPolicies = append(m.p.keyPolicies, kp)
}

func (m *moduleInst) emitAlias(r *resourceDecl, inst *instance, e *env) {
	c := e.read(r.body, nil, r.rng)
	name := c.str("name")
	if name == nil {
		return
	}
	m.p.aliases = append(m.p.aliases, &keyAlias{key: e.refAddress(exprOf(c.attrs["target_key_id"]), "aws_kms_key"), name: name.String()})
}
