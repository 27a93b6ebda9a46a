package iam

import (
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// Request principal types.
const (
	PrincipalAWS           = "AWS"
	PrincipalService       = "Service"
	PrincipalFederated     = "Federated"
	PrincipalCanonicalUser = "CanonicalUser"
	PrincipalAnonymous     = "Anonymous"
)

// ForeignAccount is the account id that requests use to stand for "an
// account other than the scope's own". It is not a real account (AWS never
// issues 000000000000), so the scope's own account, model.AccountID, is
// known to differ from it while it may equal any real account id.
const ForeignAccount = "000000000000"

// matchPrincipal matches a Principal or NotPrincipal element. A statement
// without one matches any principal: the grammar rules report a resource
// policy that lacks it.
func matchPrincipal(p *model.Principal, who Principal) Tri {
	if p == nil {
		return True
	}
	t := False
	for _, entry := range p.Entries {
		if t = t.Or(matchPrincipalEntry(entry, who)); t == True {
			break
		}
	}
	return negateIf(t, p.Negated)
}

func matchPrincipalEntry(entry model.PrincipalEntry, who Principal) Tri {
	if entry.Type == "*" || (entry.Type == PrincipalAWS && entry.Value == "*") {
		return True // everyone, including anonymous callers
	}
	if model.HasUnknown(entry.Type) {
		return Maybe // a wholly unknown Principal element may name anyone
	}
	if entry.Type == PrincipalAWS && model.IsUnknown(entry.Value) && who.Type != PrincipalAWS {
		return Maybe // {"AWS": «var.x»} may be "*", which names every caller
	}
	if entry.Type != who.Type {
		return False
	}
	switch entry.Type {
	case PrincipalService:
		return StringMatch(entry.Value, who.ID, true)
	case PrincipalFederated, PrincipalCanonicalUser:
		return StringMatch(entry.Value, who.ID, false)
	case PrincipalAWS:
		return matchAWSPrincipal(entry.Value, who.ID)
	}
	return False
}

// matchAWSPrincipal matches an "AWS" principal value: an account id or
// account root ARN names every principal of that account; any other ARN
// names exactly one principal (wildcards do not match part of it).
func matchAWSPrincipal(value, id string) Tri {
	if model.IsUnknown(value) {
		// It may stand for an account id or for one principal's ARN.
		return StringMatch(value, id, false).Or(StringMatch(value, requestAccount(id), false))
	}
	if account, ok := accountOf(value); ok {
		return StringMatch(account, requestAccount(id), false)
	}
	return StringMatch(value, id, false)
}

// accountOf returns the account a principal value names as a whole: a bare
// account id, or the account of an arn:...:iam::<account>:root ARN.
func accountOf(value string) (string, bool) {
	if !strings.HasPrefix(value, "arn:") {
		return value, true
	}
	_, service, _, account, resource, ok := ARNParts(value)
	if ok && service == "iam" && resource == "root" {
		return account, true
	}
	return "", false
}

// requestAccount returns the account of a request principal: the account
// field of its ARN, or the id itself when it is a bare account id.
func requestAccount(id string) string {
	if !strings.HasPrefix(id, "arn:") {
		return id
	}
	if _, _, _, account, _, ok := ARNParts(id); ok {
		return account
	}
	return id
}
