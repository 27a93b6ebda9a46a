// Package model defines the normalized document that every parser produces and
// every rule reads: buckets, bucket policies, keys, lifecycles, trails and
// public access blocks of one scope, with source ranges on everything a rule
// may point at and explicit markers for values that cannot be known offline.
package model

import "fmt"

// Range is a span of source text. Lines and columns are 1-based; columns count
// bytes, as HCL and most editors' "go to" commands do. A zero Range means the
// value has no position of its own (a default, or a computed value).
type Range struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

// IsZero reports whether r carries no position.
func (r Range) IsZero() bool { return r.Line == 0 }

// String renders r as file:line:column, the form editors and terminals link.
func (r Range) String() string {
	if r.IsZero() {
		return r.File
	}
	return fmt.Sprintf("%s:%d:%d", r.File, r.Line, r.Column)
}

// Contains reports whether o lies within r (same file, inclusive bounds).
func (r Range) Contains(o Range) bool {
	if r.File != o.File || r.IsZero() || o.IsZero() {
		return false
	}
	start := r.Line < o.Line || (r.Line == o.Line && r.Column <= o.Column)
	end := o.EndLine < r.EndLine || (o.EndLine == r.EndLine && o.EndColumn <= r.EndColumn)
	return start && end
}
