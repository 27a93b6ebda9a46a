package model

// Attr is one scalar setting as written in the source: a string, a bool, a
// number or an unknown. A nil *Attr means the setting was not written, so the
// AWS default applies; rules decide what that default is.
type Attr struct {
	// Value is a string, bool or float64; for an unknown it is the marker
	// string (see Unknown) so that messages can name the expression.
	Value any   `json:"value"`
	Known bool  `json:"known"`
	Range Range `json:"range"`
}

// Str returns a known string attribute.
func Str(s string, r Range) *Attr {
	return &Attr{Value: s, Known: !HasUnknown(s), Range: r}
}

// Bool returns a known boolean attribute.
func Bool(b bool, r Range) *Attr { return &Attr{Value: b, Known: true, Range: r} }

// Num returns a known numeric attribute.
func Num(n float64, r Range) *Attr { return &Attr{Value: n, Known: true, Range: r} }

// UnknownAttr returns an attribute whose value cannot be resolved offline;
// expr is the source text that produced it.
func UnknownAttr(expr string, r Range) *Attr {
	return &Attr{Value: Unknown(expr), Known: false, Range: r}
}

// String returns the attribute's string value, or "" when it is not a string.
func (a *Attr) String() string {
	if a == nil {
		return ""
	}
	s, _ := a.Value.(string)
	return s
}

// BoolValue returns the boolean value and whether the attribute is a known bool.
func (a *Attr) BoolValue() (value, ok bool) {
	if a == nil || !a.Known {
		return false, false
	}
	value, ok = a.Value.(bool)
	return value, ok
}
