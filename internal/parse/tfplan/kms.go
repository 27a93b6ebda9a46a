package tfplan

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

// keyAlias is an aws_kms_alias, added to its key's aliases once all keys
// are known.
type keyAlias struct {
	key    string
	target *model.Attr
	name   string
}

func (p *parser) emitKey(in *instance, v val) {
	k := &model.Key{
		ID: in.addr, Range: p.blockRange(in), Aliases: []string{},
		ARN:                "arn:" + model.Partition + ":kms:" + model.Region + ":" + model.AccountID + ":key/" + model.Unknown(in.addr+".key_id"),
		RotationEnabled:    v.boolean("enable_key_rotation"),
		RotationPeriodDays: v.count("rotation_period_in_days"),
		KeyUsage:           v.str("key_usage"),
		KeySpec:            v.str("customer_master_key_spec"),
	}
	if ks := v.str("key_spec"); ks != nil {
		k.KeySpec = ks
	}
	if arn := v.str("arn"); arn != nil && arn.Known {
		k.ARN = arn.String()
	}
	// The policy argument is Computed: without a written policy AWS applies
	// its default key policy, which the plan shows as unknown.
	if pv := v.get("policy"); v.written("policy") && !pv.blank() {
		k.Policy = p.policy(pv, in.addr, model.PolicyKey)
	}
	p.doc.Keys = append(p.doc.Keys, k)
}

func (p *parser) emitKeyPolicy(in *instance, v val) {
	kp := &keyPolicy{key: p.keyRef(in, "key_id"), keyID: v.str("key_id")}
	if pv := v.get("policy"); !pv.blank() {
		kp.policy = p.policy(pv, in.addr, model.PolicyKey)
	}
	p.keyPolicies = append(p.keyPolicies, kp)
}

func (p *parser) emitAlias(in *instance, v val) {
	name := v.str("name")
	if name == nil || !name.Known {
		return
	}
	p.aliases = append(p.aliases, &keyAlias{key: p.refAddress(in, "aws_kms_key", "target_key_id"), target: v.str("target_key_id"), name: name.String()})
}

// findKeyByRef finds a key by the string an argument holds: its ARN, or its
// key id when the state knows it.
func (p *parser) findKeyByRef(ref string) *model.Key {
	if ref == "" {
		return nil
	}
	for _, k := range p.doc.Keys {
		if k.ARN == ref || ref == model.Unknown(k.ID+".key_id") {
			return k
		}
		if in := p.byKey[k.ID]; in != nil {
			if id := p.valueOf(in).str("key_id"); id != nil && id.Known && id.String() == ref {
				return k
			}
		}
	}
	return nil
}
