package terraform

import (
	"github.com/hashicorp/hcl/v2"
)

// emitResource adds one resource instance to the document. Resources ctlint
// does not model are skipped.
func (m *moduleInst) emitResource(r *resourceDecl, inst *instance) {
	e := inst.env.with(nil)
	e.resource = inst.addr
	switch r.mode + r.typ {
	case "aws_s3_bucket":
		m.emitBucket(r, inst, e)
	case "aws_s3_bucket_policy":
		m.emitBucketPolicy(r, inst, e)
	case "aws_s3_bucket_public_access_block":
		m.emitPublicAccessBlock(r, inst, e)
	case "aws_s3_bucket_lifecycle_configuration":
		m.emitLifecycleConfiguration(r, inst, e)
	case "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration",
		"aws_s3_bucket_acl", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_logging",
		"aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_request_payment_configuration":
		m.emitSplit(r, inst, e)
	case "aws_kms_key":
		m.emitKey(r, inst, e)
	case "aws_kms_key_policy":
		m.emitKeyPolicy(r, inst, e)
	case "aws_kms_alias":
		m.emitAlias(r, inst, e)
	case "aws_cloudtrail":
		m.emitTrail(r, inst, e)
	case "dataaws_iam_policy_document":
		u := m.p.docUse(inst.addr)
		u.decl, u.inst, u.m = r, inst, m
		m.p.docOrder = append(m.p.docOrder, u)
	}
}

// refAddress returns the address of the one instance of a resource of type
// typ that expr refers to (aws_s3_bucket.logs.id -> aws_s3_bucket.logs), or
// "" when there is none or it cannot be told without evaluating an index.
func (e *env) refAddress(expr hcl.Expression, typ string) string {
	if expr == nil {
		return ""
	}
	m := e.m
	found := ""
	for _, t := range expr.Variables() {
		if t.RootName() != typ || len(t) < 2 {
			continue
		}
		a, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		decl := m.cfg.byAddr[typ+"."+a.Name]
		if decl == nil {
			continue
		}
		inst := m.pickInstance(decl, t)
		if inst == nil {
			return ""
		}
		if found != "" && found != inst.addr {
			return ""
		}
		found = inst.addr
	}
	return found
}

// keyRef returns the address of the aws_kms_key an expression refers to,
// directly or through an aws_kms_alias in scope.
func (e *env) keyRef(expr hcl.Expression) string {
	if addr := e.refAddress(expr, "aws_kms_key"); addr != "" {
		return addr
	}
	alias := e.refAddress(expr, "aws_kms_alias")
	if alias == "" {
		return ""
	}
	m := e.m
	for _, t := range expr.Variables() {
		if t.RootName() != "aws_kms_alias" || len(t) < 2 {
			continue
		}
		a, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		decl := m.cfg.byAddr["aws_kms_alias."+a.Name]
		if decl == nil {
			continue
		}
		inst := m.pickInstance(decl, t)
		if inst == nil {
			continue
		}
		c := inst.env.read(decl.body, nil, decl.rng)
		if tk := c.attrs["target_key_id"]; tk != nil {
			return inst.env.refAddress(tk.Expr, "aws_kms_key")
		}
	}
	return ""
}

func exprOf(a *hcl.Attribute) hcl.Expression {
	if a == nil {
		return nil
	}
	return a.Expr
}
