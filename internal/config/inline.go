package config

import (
	"bytes"
	"regexp"
	"strings"
)

// Inline is one `ctlint:ignore` comment:
//
//	# ctlint:ignore CT101,CT102 exp:2026-06-30 the bucket is replaced in Q3
//	// ctlint:ignore cloudtrail-source-condition-missing legacy trail
//
// It covers findings on its own line and on the next line, and findings in
// a block that starts on either (see Suppressor).
type Inline struct {
	File    string
	Line    int
	Column  int
	Rules   []string
	Reason  string
	Expires string
	// Problem says why the comment cannot suppress anything (no rule, a
	// malformed expiry); "" when it is well formed.
	Problem string
}

var inlineMarker = regexp.MustCompile(`(#|//)\s*ctlint:ignore\b`)

// ScanInline finds the ctlint:ignore comments of a Terraform or YAML
// source. JSON has no comments; callers skip JSON files. A marker inside a
// quoted string on its line is not a comment and is ignored.
func ScanInline(file string, src []byte) []Inline {
	if !bytes.Contains(src, []byte("ctlint:ignore")) {
		return nil // the common case: no work per line
	}
	yaml := isYAML(file)
	var out []Inline
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimRight(line, "\r")
		var loc []int
		for _, l := range inlineMarker.FindAllStringIndex(line, -1) {
			if !insideString(line[:l[0]], yaml) {
				loc = l
				break
			}
		}
		if loc == nil {
			continue
		}
		in := parseInline(line[loc[1]:])
		in.File, in.Line, in.Column = file, i+1, loc[0]+1
		out = append(out, in)
	}
	return out
}

var (
	ruleToken = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
	expToken  = regexp.MustCompile(`^exp:(\S*)$`)
)

// parseInline reads what follows "ctlint:ignore": rule references
// (comma-separated, spaces after commas allowed), an optional
// exp:YYYY-MM-DD, and the reason.
func parseInline(rest string) Inline {
	var in Inline
	tokens := strings.Fields(rest)
	i := 0
	for i < len(tokens) {
		tok := tokens[i]
		more := strings.HasSuffix(tok, ",")
		for _, id := range strings.Split(tok, ",") {
			if id == "" {
				continue
			}
			if !ruleToken.MatchString(id) || expToken.MatchString(id) {
				in.Problem = "want rule IDs after ctlint:ignore, got " + quote(id)
				return in
			}
			in.Rules = append(in.Rules, id)
		}
		i++
		if !more && (i >= len(tokens) || !strings.HasPrefix(tokens[i], ",")) {
			break
		}
	}
	if len(in.Rules) == 0 {
		in.Problem = "no rule ID after ctlint:ignore"
		return in
	}
	var reason []string
	for _, tok := range tokens[i:] {
		if m := expToken.FindStringSubmatch(tok); m != nil && in.Expires == "" {
			if !validDate(m[1]) {
				in.Problem = "exp: want YYYY-MM-DD, got " + quote(m[1])
			}
			in.Expires = m[1]
			continue
		}
		reason = append(reason, tok)
	}
	in.Reason = strings.TrimSpace(strings.TrimLeft(strings.Join(reason, " "), "-:—– "))
	return in
}

// insideString reports whether the text before a marker leaves a quoted
// string open: then the marker is part of a value, not a comment.
func insideString(before string, yaml bool) bool {
	var quote byte
	for i := 0; i < len(before); i++ {
		c := before[i]
		switch {
		case quote == 0 && (c == '"' || (yaml && c == '\'')):
			quote = c
		case quote == '"' && c == '\\':
			i++ // skip the escaped character
		case c == quote:
			quote = 0
		}
	}
	return quote != 0
}

func isYAML(file string) bool {
	f := strings.ToLower(file)
	return strings.HasSuffix(f, ".yaml") || strings.HasSuffix(f, ".yml") || strings.HasSuffix(f, ".template")
}

// hasComments reports whether a file's format has comments at all.
func hasComments(file string) bool {
	return !strings.HasSuffix(strings.ToLower(file), ".json")
}

func quote(s string) string { return `"` + s + `"` }
