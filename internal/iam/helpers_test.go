package iam

import "github.com/ctlint/ctlint/internal/model"

// Compact builders for policies and requests; tests never go through a
// JSON parser, so they pin the engine's semantics alone.

type stmtOption func(*model.Statement)

func policy(version string, stmts ...*model.Statement) *model.Policy {
	p := &model.Policy{ID: "test", Statements: stmts}
	if version != "" {
		p.Version = model.Str(version, model.Range{})
	}
	for i, s := range stmts {
		s.Index = i
	}
	return p
}

// v12 builds a policy under the current version, 2012-10-17.
func v12(stmts ...*model.Statement) *model.Policy { return policy(CurrentVersion, stmts...) }

func stmt(effect string, opts ...stmtOption) *model.Statement {
	s := &model.Statement{Effect: model.Str(effect, model.Range{})}
	for _, o := range opts {
		o(s)
	}
	return s
}

func allow(opts ...stmtOption) *model.Statement { return stmt("Allow", opts...) }
func deny(opts ...stmtOption) *model.Statement  { return stmt("Deny", opts...) }

func values(vs []string) []model.Value {
	out := make([]model.Value, len(vs))
	for i, v := range vs {
		out[i] = model.Value{Value: v}
	}
	return out
}

func element(negated bool, vs []string) *model.Element {
	return &model.Element{Negated: negated, Values: values(vs)}
}

func action(vs ...string) stmtOption {
	return func(s *model.Statement) { s.Action = element(false, vs) }
}

func notAction(vs ...string) stmtOption {
	return func(s *model.Statement) { s.Action = element(true, vs) }
}

func resource(vs ...string) stmtOption {
	return func(s *model.Statement) { s.Resource = element(false, vs) }
}

func notResource(vs ...string) stmtOption {
	return func(s *model.Statement) { s.Resource = element(true, vs) }
}

// principal adds entries of one type; type "*" is the whole-element "*".
func principal(typ string, vs ...string) stmtOption {
	return principalOf(false, typ, vs)
}

func notPrincipal(typ string, vs ...string) stmtOption {
	return principalOf(true, typ, vs)
}

func principalOf(negated bool, typ string, vs []string) stmtOption {
	return func(s *model.Statement) {
		if s.Principal == nil {
			s.Principal = &model.Principal{Negated: negated}
		}
		for _, v := range vs {
			s.Principal.Entries = append(s.Principal.Entries, model.PrincipalEntry{Type: typ, Value: v})
		}
	}
}

func everyone() stmtOption { return principal("*", "*") }

func cond(op, key string, vs ...string) stmtOption {
	return func(s *model.Statement) {
		s.Conditions = append(s.Conditions, &model.Condition{Operator: op, Key: key, Values: values(vs)})
	}
}

const (
	cloudTrail = "cloudtrail.amazonaws.com"
	account    = "111122223333"
	bucketARN  = "arn:aws:s3:::logs"
	objectARN  = "arn:aws:s3:::logs/AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/f.json.gz"
	trailARN   = "arn:aws:cloudtrail:us-east-1:111122223333:trail/main"
)

type reqOption func(*Request)

// put is a PutObject of a log file by CloudTrail, with no condition keys.
func put(opts ...reqOption) Request {
	r := Request{
		Principal: Principal{Type: PrincipalService, ID: cloudTrail},
		Action:    "s3:PutObject",
		Resource:  objectARN,
	}
	for _, o := range opts {
		o(&r)
	}
	return r
}

func by(typ, id string) reqOption {
	return func(r *Request) { r.Principal = Principal{Type: typ, ID: id} }
}

func doing(a string) reqOption { return func(r *Request) { r.Action = a } }

func on(res string) reqOption { return func(r *Request) { r.Resource = res } }

func with(key string, vs ...string) reqOption {
	return func(r *Request) {
		if r.Context == nil {
			r.Context = map[string][]string{}
		}
		r.Context[key] = append(r.Context[key], vs...)
	}
}

func ints(xs ...int) []int { return xs }
