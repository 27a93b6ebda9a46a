package iam

import (
	"bytes"
	"encoding/base64"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/ctlint/ctlint/internal/model"
)

// comparison reports whether request value rv satisfies policy value pv
// under a positive operator; negated operators negate it.
type comparison func(e *evaluator, pv, rv string) Tri

var comparisons = map[string]comparison{
	"StringEquals":           stringComparison(false, false),
	"StringEqualsIgnoreCase": stringComparison(false, true),
	"StringLike":             stringComparison(true, false),
	"ArnEquals":              arnComparison, // AWS documents wildcards for both
	"ArnLike":                arnComparison,

	"NumericEquals":            numericComparison(func(c int) bool { return c == 0 }),
	"NumericLessThan":          numericComparison(func(c int) bool { return c < 0 }),
	"NumericLessThanEquals":    numericComparison(func(c int) bool { return c <= 0 }),
	"NumericGreaterThan":       numericComparison(func(c int) bool { return c > 0 }),
	"NumericGreaterThanEquals": numericComparison(func(c int) bool { return c >= 0 }),
	"DateEquals":               dateComparison(func(c int) bool { return c == 0 }),
	"DateLessThan":             dateComparison(func(c int) bool { return c < 0 }),
	"DateLessThanEquals":       dateComparison(func(c int) bool { return c <= 0 }),
	"DateGreaterThan":          dateComparison(func(c int) bool { return c > 0 }),
	"DateGreaterThanEquals":    dateComparison(func(c int) bool { return c >= 0 }),

	"Bool":         scalarComparison(boolEqual),
	"BinaryEquals": scalarComparison(binaryEqual),
	"IpAddress":    scalarComparison(ipContains),
}

func stringComparison(like, fold bool) comparison {
	return func(e *evaluator, pv, rv string) Tri {
		if t, ok := e.literalMatch(pv, rv, like, fold); ok {
			return t
		}
		pattern, ok := e.policyTokens(pv, like, fold)
		if !ok {
			return False
		}
		return matchTokens(pattern, tokenize(partsOf(rv, true), false, fold))
	}
}

func arnComparison(e *evaluator, pv, rv string) Tri {
	pattern, ok := e.policyTokens(pv, true, false)
	if !ok {
		return False
	}
	return arnMatch(pattern, tokenize(partsOf(rv, true), false, false))
}

// scalarComparison wraps comparisons of values that are not strings
// (numbers, dates, booleans, addresses): a marker in either value makes the
// answer unknown, since its digits cannot be compared.
func scalarComparison(cmp func(pv, rv string) bool) comparison {
	return func(e *evaluator, pv, rv string) Tri {
		pv, ok := e.policyText(pv)
		if !ok {
			return False
		}
		if model.HasUnknown(pv) || model.HasUnknown(rv) {
			return Maybe
		}
		return triOf(cmp(pv, rv))
	}
}

// numericComparison compares rv with pv; want tells whether the ordering of
// rv relative to pv (-1, 0, 1) satisfies the operator.
func numericComparison(want func(int) bool) comparison {
	return scalarComparison(func(pv, rv string) bool {
		p, okP := parseNumber(pv)
		r, okR := parseNumber(rv)
		return okP && okR && want(compareFloat(r, p))
	})
}

func dateComparison(want func(int) bool) comparison {
	return scalarComparison(func(pv, rv string) bool {
		p, okP := parseDate(pv)
		r, okR := parseDate(rv)
		return okP && okR && want(r.Compare(p))
	})
}

func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dateLayouts are the ISO 8601 forms AWS accepts in Date conditions.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
}

// parseDate reads an ISO 8601 date or epoch seconds. Times without a zone
// are UTC, as AWS reads them.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0).UTC(), true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func boolEqual(pv, rv string) bool {
	p, okP := parseBool(pv)
	r, okR := parseBool(rv)
	return okP && okR && p == r
}

func parseBool(s string) (value, ok bool) {
	switch strings.ToLower(s) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// binaryEqual compares base64-encoded values by their decoded bytes.
func binaryEqual(pv, rv string) bool {
	p, err := base64.StdEncoding.DecodeString(pv)
	if err != nil {
		return false
	}
	r, err := base64.StdEncoding.DecodeString(rv)
	if err != nil {
		return false
	}
	return bytes.Equal(p, r)
}

// ipContains reports whether address rv lies in the CIDR block pv; a bare
// address is a /32 (IPv4) or /128 (IPv6) block.
func ipContains(pv, rv string) bool {
	prefix, ok := parsePrefix(strings.TrimSpace(pv))
	if !ok {
		return false
	}
	addr, err := netip.ParseAddr(strings.TrimSpace(rv))
	if err != nil {
		return false
	}
	return prefix.Masked().Contains(addr.Unmap())
}

func parsePrefix(s string) (netip.Prefix, bool) {
	if p, err := netip.ParsePrefix(s); err == nil {
		if p.Addr().Is4In6() {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		return p, p.IsValid()
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	a = a.Unmap()
	return netip.PrefixFrom(a, a.BitLen()), true
}
