package iam

import (
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// policyParts splits a policy value into parts, substituting policy
// variables (${aws:username}, ${key, 'default'}, and the escapes ${*}, ${?},
// ${$}) from the request context when vars is set. ok is false when a
// variable has no value in the request and no default: AWS then treats the
// value as one that cannot match. Variables are looked for only in literal
// text, never inside a marker's expression.
func policyParts(s string, vars bool, ctx context) (parts []part, ok bool) {
	if !vars || !strings.Contains(s, "${") {
		return partsOf(s, false), true
	}
	for _, seg := range model.Segments(s) {
		if seg.Unknown {
			parts = append(parts, part{text: seg.Text, marker: true})
			continue
		}
		text := seg.Text
		for {
			start := strings.Index(text, "${")
			if start < 0 {
				break
			}
			end := strings.IndexByte(text[start:], '}')
			if end < 0 {
				break // unterminated: literal text, as AWS reads it
			}
			if start > 0 {
				parts = append(parts, part{text: text[:start]})
			}
			sub, found := resolveVariable(text[start+2:start+end], ctx)
			if !found {
				return nil, false
			}
			parts = append(parts, sub...)
			text = text[start+end+1:]
		}
		if text != "" {
			parts = append(parts, part{text: text})
		}
	}
	return parts, true
}

// resolveVariable returns the parts a variable body (the text between "${"
// and "}") stands for. Substituted text is plain: a '*' in a user name is
// not a wildcard.
func resolveVariable(body string, ctx context) ([]part, bool) {
	switch body {
	case "*", "?", "$":
		return []part{{text: body, plain: true}}, true
	}
	key, def, hasDefault := strings.Cut(body, ",")
	key = strings.TrimSpace(key)
	if hasDefault {
		def = strings.TrimSpace(def)
		if len(def) < 2 || def[0] != '\'' || def[len(def)-1] != '\'' {
			return nil, false
		}
		def = def[1 : len(def)-1]
	}
	// Only single-valued keys substitute; a multi-valued key has no one
	// value to put in the string.
	if vals := ctx.values(key); len(vals) == 1 {
		return partsOf(vals[0], true), true
	}
	if hasDefault {
		return partsOf(def, true), true
	}
	return nil, false
}

// context is a request's condition keys indexed by lowercase name.
type context map[string][]string

func newContext(c map[string][]string) context {
	if len(c) == 0 {
		return nil
	}
	out := make(context, len(c))
	// Keys that differ only in case merge; iterate in sorted order so the
	// merged value list is deterministic.
	for _, k := range sortedKeys(c) {
		lk := strings.ToLower(k)
		out[lk] = append(out[lk], c[k]...)
	}
	return out
}

// values returns the values of key, or nil when the request does not carry
// it (a key with no values counts as absent).
func (c context) values(key string) []string {
	return c[strings.ToLower(key)]
}
