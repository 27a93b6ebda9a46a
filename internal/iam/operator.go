package iam

import "strings"

// Set qualifiers of a condition operator.
const (
	ForAllValues = "ForAllValues"
	ForAnyValue  = "ForAnyValue"
)

// Operator kinds: how an operator compares values.
const (
	KindString  = "string"
	KindNumeric = "numeric"
	KindDate    = "date"
	KindBool    = "bool"
	KindBinary  = "binary"
	KindIP      = "ip"
	KindARN     = "arn"
	KindNull    = "null"
)

// Operator is a parsed condition operator such as
// ForAnyValue:StringNotLikeIfExists.
type Operator struct {
	Name     string // canonical base name: StringNotLike
	Kind     string // KindString, KindNumeric, ...
	Negated  bool   // StringNotEquals, NotIpAddress, ...: true when the key is absent
	IfExists bool
	Set      string // "", ForAllValues or ForAnyValue
}

// baseOperator describes one operator IAM defines, without qualifiers.
type baseOperator struct {
	name    string
	kind    string
	negated bool
	// positive is the operator this one negates (itself when not negated);
	// it names the comparison in compare.go.
	positive string
}

var baseOperators = func() map[string]baseOperator {
	m := map[string]baseOperator{}
	add := func(kind, name string, negates string) {
		b := baseOperator{name: name, kind: kind, positive: name}
		if negates != "" {
			b.negated, b.positive = true, negates
		}
		m[strings.ToLower(name)] = b
	}
	add(KindString, "StringEquals", "")
	add(KindString, "StringNotEquals", "StringEquals")
	add(KindString, "StringEqualsIgnoreCase", "")
	add(KindString, "StringNotEqualsIgnoreCase", "StringEqualsIgnoreCase")
	add(KindString, "StringLike", "")
	add(KindString, "StringNotLike", "StringLike")
	add(KindNumeric, "NumericEquals", "")
	add(KindNumeric, "NumericNotEquals", "NumericEquals")
	add(KindNumeric, "NumericLessThan", "")
	add(KindNumeric, "NumericLessThanEquals", "")
	add(KindNumeric, "NumericGreaterThan", "")
	add(KindNumeric, "NumericGreaterThanEquals", "")
	add(KindDate, "DateEquals", "")
	add(KindDate, "DateNotEquals", "DateEquals")
	add(KindDate, "DateLessThan", "")
	add(KindDate, "DateLessThanEquals", "")
	add(KindDate, "DateGreaterThan", "")
	add(KindDate, "DateGreaterThanEquals", "")
	add(KindBool, "Bool", "")
	add(KindBinary, "BinaryEquals", "")
	add(KindIP, "IpAddress", "")
	add(KindIP, "NotIpAddress", "IpAddress")
	add(KindARN, "ArnEquals", "")
	add(KindARN, "ArnLike", "")
	add(KindARN, "ArnNotEquals", "ArnEquals")
	add(KindARN, "ArnNotLike", "ArnLike")
	add(KindNull, "Null", "")
	return m
}()

// ParseOperator parses a condition operator, case-insensitively: an
// optional ForAllValues:/ForAnyValue: prefix, a base operator, and an
// optional IfExists suffix (not allowed on Null, whose whole point is the
// key's presence). ok is false for operators IAM does not define.
//
// A set prefix on Null is accepted and ignored: Null only asks whether the
// key is present.
func ParseOperator(op string) (Operator, bool) {
	var out Operator
	rest := op
	if q, base, found := strings.Cut(op, ":"); found {
		switch strings.ToLower(q) {
		case "forallvalues":
			out.Set = ForAllValues
		case "foranyvalue":
			out.Set = ForAnyValue
		default:
			return Operator{}, false
		}
		rest = base
	}
	lower := strings.ToLower(rest)
	if trimmed, found := strings.CutSuffix(lower, "ifexists"); found {
		out.IfExists = true
		lower = trimmed
	}
	b, ok := baseOperators[lower]
	if !ok || (b.kind == KindNull && out.IfExists) {
		return Operator{}, false
	}
	out.Name, out.Kind, out.Negated = b.name, b.kind, b.negated
	return out, true
}

// OperatorKnown reports whether op (with optional ForAllValues:/ForAnyValue:
// prefix and IfExists suffix) is a condition operator IAM defines.
func OperatorKnown(op string) bool {
	_, ok := ParseOperator(op)
	return ok
}

// String renders the operator in canonical spelling.
func (o Operator) String() string {
	s := o.Name
	if o.IfExists {
		s += "IfExists"
	}
	if o.Set != "" {
		s = o.Set + ":" + s
	}
	return s
}
