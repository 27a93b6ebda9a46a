package iam

import (
	"maps"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// arnFields is the number of colon-separated fields of an ARN:
// arn:partition:service:region:account:resource (the resource may hold
// further colons).
const arnFields = 6

// ARNParts splits an ARN into its fields. Colons inside unknown markers do
// not split (the expression «AWS::AccountId» is one account field). ok is
// false when s does not start with "arn:" or has fewer than six fields.
func ARNParts(arn string) (partition, service, region, account, resource string, ok bool) {
	var fields []string
	var cur strings.Builder
	for _, seg := range model.Segments(arn) {
		if seg.Unknown {
			cur.WriteString(model.Unknown(seg.Text))
			continue
		}
		text := seg.Text
		for len(fields) < arnFields-1 {
			i := strings.IndexByte(text, ':')
			if i < 0 {
				break
			}
			cur.WriteString(text[:i])
			fields = append(fields, cur.String())
			cur.Reset()
			text = text[i+1:]
		}
		cur.WriteString(text)
	}
	fields = append(fields, cur.String())
	if len(fields) != arnFields || fields[0] != "arn" {
		return "", "", "", "", "", false
	}
	return fields[1], fields[2], fields[3], fields[4], fields[5], true
}

// splitARNTokens splits tokens at literal colons into at most six fields.
func splitARNTokens(ts []token) [][]token {
	var fields [][]token
	start := 0
	for i, t := range ts {
		if len(fields) == arnFields-1 {
			break
		}
		if t.kind == tokChar && t.r == ':' {
			fields = append(fields, ts[start:i])
			start = i + 1
		}
	}
	return append(fields, ts[start:])
}

// arnMatch implements ArnEquals and ArnLike: each of the six fields is
// matched separately, with wildcards that stay within their field.
func arnMatch(p, v []token) Tri {
	pf, vf := splitARNTokens(p), splitARNTokens(v)
	if len(pf) == arnFields && len(vf) == arnFields {
		t := True
		for k := range arnFields {
			if t = t.And(matchTokens(pf[k], vf[k])); t == False {
				break
			}
		}
		return t
	}
	if len(p) == 1 && p[0].kind == tokAnyRun {
		return True // a lone "*" matches any value
	}
	if !hasMarker(p) && !hasMarker(v) {
		return False // not an ARN: never matches
	}
	// A marker may hide the missing colons: judge the whole string, but
	// only identical tokens make the match certain.
	t := matchTokens(p, v)
	if t == True && !tokensEqual(p, v) {
		return Maybe
	}
	return t
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
