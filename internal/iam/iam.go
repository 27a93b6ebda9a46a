// Package iam implements IAM policy evaluation semantics offline: matching a
// concrete request against Action/NotAction, Resource/NotResource,
// Principal/NotPrincipal and Condition blocks, with explicit Deny precedence,
// and three-valued answers where a policy holds values that cannot be known
// offline (model unknown markers). Rules reach it through Rego builtins.
//
// Markers are matched in two steps. First each marker is an opaque token: a
// marker equals only the identical marker, and a '*' may consume one; a
// match found this way is certain. Otherwise every marker may stand for
// any string (the scope's own account, model.AccountID, for any twelve
// digits except ForeignAccount's), and if some choice makes the values
// match the answer is Maybe, else False. Numbers, dates, addresses and
// booleans holding a marker are always Maybe.
package iam

import "github.com/ctlint/ctlint/internal/model"

// Tri is a three-valued truth: a policy with unknown values may match a
// request, certainly not match it, or certainly match it.
type Tri int8

// Truth values.
const (
	False Tri = iota
	True
	Maybe
)

func (t Tri) String() string { return [...]string{"false", "true", "unknown"}[t] }

// Principal is who makes a request.
type Principal struct {
	// Type is "AWS" (an account, user, role or root ARN), "Service",
	// "Federated", "CanonicalUser", or "Anonymous" (no credentials).
	Type string
	// ID is the service name (cloudtrail.amazonaws.com), the ARN or account
	// ID, or "" for Anonymous. It may hold unknown markers.
	ID string
}

// Request is one concrete API call to test a policy against.
type Request struct {
	Principal Principal
	Action    string // service:Name, e.g. s3:PutObject
	Resource  string // ARN; may hold unknown markers
	// Context holds the request's condition keys; key names compare
	// case-insensitively, a key that is absent from the map is absent from
	// the request. Values may hold unknown markers (e.g. the scope's own
	// account, model.AccountID).
	Context map[string][]string
}

// Effects of Evaluate.
const (
	Allow        = "allow"         // some Allow matches, no Deny can match
	Deny         = "deny"          // an explicit Deny matches
	ImplicitDeny = "implicit_deny" // nothing allows, nothing denies
	Undecided    = "unknown"       // unknown values decide the outcome
)

// Decision is the outcome of evaluating a policy for a request, with the
// statements (by index) that produced it.
type Decision struct {
	Effect    string
	Allowing  []int // Allow statements that certainly match
	Denying   []int // Deny statements that certainly match
	Uncertain []int // statements whose match depends on unknown values
}

// Evaluate decides req against p with IAM's rules for a single resource
// policy: an explicit Deny wins over any Allow, otherwise an Allow grants,
// otherwise the request is implicitly denied. Statements with invalid
// grammar (no Effect, unknown operator) are skipped, as AWS would reject the
// policy outright; CT001 and CT004 report those. A nil policy allows
// nothing (ImplicitDeny); an unresolved policy decides nothing (Undecided).
func Evaluate(p *model.Policy, req Request) Decision {
	return evaluate(p, req)
}

// MatchStatement reports whether statement s applies to req: principal,
// action, resource and every condition match. Policy variables are
// substituted as under Version 2012-10-17; MatchStatementIn honors the
// policy's own Version.
func MatchStatement(s *model.Statement, req Request) Tri {
	return matchStatement(s, req)
}
