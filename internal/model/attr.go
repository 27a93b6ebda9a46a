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

// EnabledWord turns a boolean flag (Terraform's legacy versioning.enabled,
// mfa_delete) into the words the split resources and the AWS API use, yes
// or no, so that rules see one vocabulary. Non-boolean values are kept.
func EnabledWord(a *Attr, yes, no string) *Attr {
	if a == nil {
		return nil
	}
	b, ok := a.BoolValue()
	if !ok {
		return a
	}
	word := no
	if b {
		word = yes
	}
	return &Attr{Value: word, Known: true, Range: a.Range}
}

// EnabledFlag turns the word "Enabled" into a boolean attribute.
func EnabledFlag(a *Attr) *Attr {
	if a == nil || !a.Known {
		return a
	}
	return Bool(a.String() == "Enabled", a.Range)
}

// RequesterPays reads a payer / request_payer value ("Requester" or
// "BucketOwner") as a boolean.
func RequesterPays(a *Attr) *Attr {
	if a == nil || !a.Known {
		return a
	}
	return Bool(a.String() == "Requester", a.Range)
}
