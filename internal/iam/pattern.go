package iam

import (
	"unicode"
	"unicode/utf8"

	"github.com/ctlint/ctlint/internal/model"
)

// Strings are matched as token sequences so that unknown markers stay opaque
// units: a marker's expression text (which may itself hold ':' or '*') is
// never read as part of the value.

type tokKind uint8

const (
	tokChar   tokKind = iota // one literal character
	tokAnyRun                // '*' in a pattern: any sequence, also empty
	tokAnyOne                // '?' in a pattern: exactly one character
	tokMarker                // an unknown value, opaque
)

type token struct {
	kind tokKind
	r    rune   // tokChar
	expr string // tokMarker
}

// part is a piece of a string before tokenizing: literal text whose '*' and
// '?' are wildcards when the string is a pattern, text whose wildcards are
// plain characters (a substituted policy variable or ${*}), or a marker.
type part struct {
	text   string
	plain  bool // '*' and '?' are ordinary characters
	marker bool // text is the marker's expression
}

// partsOf splits s into literal text and markers.
func partsOf(s string, plain bool) []part {
	if !model.HasUnknown(s) {
		return []part{{text: s, plain: plain}}
	}
	var out []part
	for _, seg := range model.Segments(s) {
		out = append(out, part{text: seg.Text, plain: plain, marker: seg.Unknown})
	}
	return out
}

// tokenize turns parts into tokens. like makes '*' and '?' wildcards in the
// non-plain parts; fold lowercases literal characters for case-insensitive
// comparison.
func tokenize(parts []part, like, fold bool) []token {
	n := 0
	for _, p := range parts {
		n += len(p.text) // bytes: at least as many as the tokens
	}
	out := make([]token, 0, n)
	for _, p := range parts {
		if p.marker {
			out = append(out, token{kind: tokMarker, expr: p.text})
			continue
		}
		s := p.text
		for len(s) > 0 {
			r, size := utf8.DecodeRuneInString(s)
			if r == utf8.RuneError && size == 1 {
				// Keep each invalid byte distinct instead of collapsing
				// them all to U+FFFD.
				r = -1 - rune(s[0])
			}
			s = s[size:]
			switch {
			case like && !p.plain && r == '*':
				out = append(out, token{kind: tokAnyRun})
			case like && !p.plain && r == '?':
				out = append(out, token{kind: tokAnyOne})
			default:
				if fold && r >= 0 {
					r = unicode.ToLower(r)
				}
				out = append(out, token{kind: tokChar, r: r})
			}
		}
	}
	return out
}

func hasMarker(ts []token) bool {
	for _, t := range ts {
		if t.kind == tokMarker {
			return true
		}
	}
	return false
}

func tokensEqual(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matchTokens matches value tokens v against pattern tokens p in three
// steps: with markers opaque a match is certain; otherwise, if markers could
// stand for strings that make it match, it is possible; otherwise it is not.
func matchTokens(p, v []token) Tri {
	if opaqueMatch(p, v) {
		return True
	}
	if !hasMarker(p) && !hasMarker(v) {
		return False
	}
	if couldMatch(p, v) {
		return Maybe
	}
	return False
}

// opaqueMatch is the classic linear wildcard match with backtracking to the
// last '*'. A marker matches only the identical marker (the same expression
// yields the same value), '?' matches only a literal character (a marker may
// stand for zero or several), and '*' may consume markers.
func opaqueMatch(p, v []token) bool {
	i, j := 0, 0
	star, mark := -1, 0
	for j < len(v) {
		switch {
		case i < len(p) && p[i].kind == tokAnyRun:
			star, mark = i, j
			i++
		case i < len(p) && oneMatches(p[i], v[j]):
			i++
			j++
		case star >= 0:
			i = star + 1
			mark++
			j = mark
		default:
			return false
		}
	}
	for i < len(p) && p[i].kind == tokAnyRun {
		i++
	}
	return i == len(p)
}

func oneMatches(p, v token) bool {
	switch p.kind {
	case tokChar:
		return v.kind == tokChar && v.r == p.r
	case tokAnyOne:
		return v.kind == tokChar
	case tokMarker:
		return v.kind == tokMarker && v.expr == p.expr
	}
	return false
}

// cell is one position of the could-match automaton. A marker is any
// sequence (a run), except the scope's own account id, which is known to be
// twelve digits that are not all zero: it expands to twelve digit cells, so
// that it can never equal ForeignAccount while it may equal any real account.
type cell struct {
	kind  cellKind
	r     rune // cellChar
	digit int8 // cellDigit: position 0..11 within the account id
}

type cellKind uint8

const (
	cellChar  cellKind = iota // literal character
	cellOne                   // any one character
	cellDigit                 // one digit of the own account id
	cellRun                   // any sequence
)

var accountExpr = model.Segments(model.AccountID)[0].Text

const accountDigits = 12

func cells(ts []token) []cell {
	n := len(ts)
	for _, t := range ts {
		if t.kind == tokMarker && t.expr == accountExpr {
			n += accountDigits - 1
		}
	}
	out := make([]cell, 0, n)
	for _, t := range ts {
		switch t.kind {
		case tokChar:
			out = append(out, cell{kind: cellChar, r: t.r})
		case tokAnyOne:
			out = append(out, cell{kind: cellOne})
		case tokAnyRun:
			out = append(out, cell{kind: cellRun})
		case tokMarker:
			if t.expr == accountExpr {
				for d := range accountDigits {
					out = append(out, cell{kind: cellDigit, digit: int8(d)})
				}
			} else {
				out = append(out, cell{kind: cellRun})
			}
		}
	}
	return out
}

// maxCouldMatchCells bounds the could-match table; beyond it the answer is
// "possible", which is always a safe answer for values holding markers.
const maxCouldMatchCells = 1 << 22

// couldMatch reports whether some choice of strings for the markers on
// either side makes p match v: whether the two patterns' languages
// intersect. It is a reachability DP over pairs of positions, with two flags
// per state that track whether the account-id digits read so far on each
// side were all forced to '0' (an all-zero account id is impossible).
func couldMatch(pt, vt []token) bool {
	pt, vt, ok := trimLiterals(pt, vt)
	if !ok {
		return false
	}
	a, b := cells(pt), cells(vt)
	n, m := len(a), len(b)
	if (n+1)*(m+1) > maxCouldMatchCells {
		return true
	}
	// reach[i*(m+1)+j] is a bit set over the four flag combinations
	// (bit 1<<(fa*2+fb)).
	reach := make([]uint8, (n+1)*(m+1))
	reach[0] = 1
	at := func(i, j int) *uint8 { return &reach[i*(m+1)+j] }
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			states := *at(i, j)
			if states == 0 {
				continue
			}
			for s := range 4 {
				if states&(1<<s) == 0 {
					continue
				}
				fa, fb := s&2 != 0, s&1 != 0
				step(a, b, i, j, fa, fb, func(i2, j2 int, fa2, fb2 bool) {
					*at(i2, j2) |= 1 << (flag(fa2)*2 + flag(fb2))
				})
			}
		}
	}
	return reach[n*(m+1)+m] != 0
}

// trimLiterals drops the literal characters the two sides begin and end
// with alike, and reports false when they begin or end with different ones.
// Where both sides hold a literal character, the only move of the
// automaton is to match the two, and matching literals leaves the flags
// as they were; so trimming changes no answer, and shrinks the table, which
// for ARNs (a marker in the middle, long literal ends) is most of it.
func trimLiterals(a, b []token) ([]token, []token, bool) {
	for len(a) > 0 && len(b) > 0 && a[0].kind == tokChar && b[0].kind == tokChar {
		if a[0].r != b[0].r {
			return nil, nil, false
		}
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1].kind == tokChar && b[len(b)-1].kind == tokChar {
		if a[len(a)-1].r != b[len(b)-1].r {
			return nil, nil, false
		}
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	return a, b, true
}

func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// step emits the states reachable from (i, j) by one move.
func step(a, b []cell, i, j int, fa, fb bool, emit func(i, j int, fa, fb bool)) {
	var ca, cb *cell
	if i < len(a) {
		ca = &a[i]
	}
	if j < len(b) {
		cb = &b[j]
	}
	if ca != nil && ca.kind == cellRun {
		emit(i+1, j, false, fb) // the run ends
		if cb != nil {
			// The run absorbs b's cell; a digit it absorbs may be any
			// digit, so choose a non-zero one.
			emit(i, j+1, false, fb && cb.kind != cellDigit)
		}
	}
	if cb != nil && cb.kind == cellRun {
		emit(i, j+1, fa, false)
		if ca != nil {
			emit(i+1, j, fa && ca.kind != cellDigit, false)
		}
	}
	if ca == nil || cb == nil || ca.kind == cellRun || cb.kind == cellRun {
		return
	}
	if !compatible(*ca, *cb) {
		return
	}
	fa2, okA := digitFlag(*ca, *cb, fa)
	fb2, okB := digitFlag(*cb, *ca, fb)
	if okA && okB {
		emit(i+1, j+1, fa2, fb2)
	}
}

// digitFlag updates the all-zero flag of side x after matching cell x with
// cell y; ok is false when x completes an all-zero account id.
func digitFlag(x, y cell, f bool) (flag, ok bool) {
	if x.kind != cellDigit {
		return false, true
	}
	zero := y.kind == cellChar && y.r == '0'
	f = (x.digit == 0 || f) && zero
	if x.digit == accountDigits-1 && f {
		return false, false
	}
	return f, true
}

func compatible(x, y cell) bool {
	switch {
	case x.kind == cellOne || y.kind == cellOne:
		return true
	case x.kind == cellChar && y.kind == cellChar:
		return x.r == y.r
	case x.kind == cellChar: // y is a digit
		return isDigit(x.r)
	case y.kind == cellChar:
		return isDigit(y.r)
	}
	return true // digit and digit
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// GlobMatch matches value against an IAM wildcard pattern ('*' any
// sequence, '?' one character), three-valued where unknown markers are
// involved on either side. Wildcards in value are plain characters.
func GlobMatch(pattern, value string, caseInsensitive bool) Tri {
	return matchTokens(
		tokenize(partsOf(pattern, false), true, caseInsensitive),
		tokenize(partsOf(value, true), false, caseInsensitive))
}

// StringMatch compares two strings for equality, three-valued where unknown
// markers are involved; no wildcards.
func StringMatch(a, b string, caseInsensitive bool) Tri {
	if !model.HasUnknown(a) && !model.HasUnknown(b) {
		if caseInsensitive {
			return triOf(equalFold(a, b))
		}
		return triOf(a == b)
	}
	return matchTokens(
		tokenize(partsOf(a, true), false, caseInsensitive),
		tokenize(partsOf(b, true), false, caseInsensitive))
}

// equalFold compares as tokenize with fold does (simple lowercasing), so
// that the fast path and the token path agree.
func equalFold(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra == utf8.RuneError && na == 1 || rb == utf8.RuneError && nb == 1 {
			if na != nb || a[0] != b[0] {
				return false
			}
		} else if unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == b
}

// literalMatch answers the common case without tokenizing: no markers on
// either side and no wildcard in the pattern (or wildcards off). ok is false
// when the full matcher is needed.
func literalMatch(pattern, value string, like, fold bool) (t Tri, ok bool) {
	if model.HasUnknown(pattern) || model.HasUnknown(value) || (like && hasWildcard(pattern)) {
		return False, false
	}
	if fold {
		return triOf(equalFold(pattern, value)), true
	}
	return triOf(pattern == value), true
}
