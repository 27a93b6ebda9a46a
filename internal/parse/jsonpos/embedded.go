package jsonpos

import (
	"errors"
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// ParseString parses the JSON text held by a JSON string literal of src (the
// content of file), such as the policy in the AWS CLI's
// {"Policy": "{\"Version\": ...}"}. lit is the literal's range as Parse
// reported it (quotes included). Every position of the result, and of an
// error, names the line and column in src where the escaped byte was written,
// so a finding on a one-line policy still points at the right column.
func ParseString(file string, src []byte, lit model.Range) (*Result, error) {
	lines := NewLines(src)
	start, ok := lines.Offset(lit.Line, lit.Column)
	if !ok || start >= len(src) || src[start] != '"' {
		return nil, parse.Errorf(lit, "internal error: no JSON string literal at %d:%d", lit.Line, lit.Column)
	}
	text, offsets, err := Unquote(src[start:])
	if err != nil {
		var perr *LiteralError
		if errors.As(err, &perr) {
			l, c := lines.Position(start + perr.Offset)
			return nil, &parse.Error{File: file, Line: l, Column: c, Message: perr.Message}
		}
		return nil, err
	}
	// offsets are relative to the literal's content, one byte after the quote.
	return ParseAt(file, text, lines.Mapped(start+1, offsets))
}

// Unquote decodes the JSON string literal at the start of raw (which begins
// with its opening quote). offsets[i] is the offset, relative to the byte
// after the opening quote, of the source bytes that produced decoded byte i;
// offsets[len(text)] is the offset of the closing quote. Together with
// Lines.Mapped this maps positions in the decoded text back to the source.
func Unquote(raw []byte) (text []byte, offsets []int, err error) {
	if len(raw) == 0 || raw[0] != '"' {
		return nil, nil, &LiteralError{Offset: 0, Message: "not a JSON string literal"}
	}
	offsets = make([]int, 0, len(raw))
	s, _, serr := scanString(raw, 0, &offsets)
	if serr != nil {
		if serr.eof {
			return nil, nil, &LiteralError{Offset: len(raw), Message: "unexpected end of input: string opened at the literal's start is not closed"}
		}
		return nil, nil, &LiteralError{Offset: serr.offset, Message: serr.message}
	}
	return []byte(s), offsets, nil
}

// LiteralError is a defect in a string literal given to Unquote, at a byte
// offset of raw.
type LiteralError struct {
	Offset  int
	Message string
}

func (e *LiteralError) Error() string { return e.Message }
