package jsonpos

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// stringError is a defect inside a string literal, at a byte offset.
type stringError struct {
	offset  int
	message string
	eof     bool // the literal is not closed
}

// scanString reads the string literal whose opening quote is at data[start].
// It returns the decoded text and the offset just past the closing quote.
// When offsets is non-nil, it receives, for each decoded byte, the offset
// (relative to the opening quote's successor) of the escape or byte that
// produced it, followed by the offset of the closing quote.
func scanString(data []byte, start int, offsets *[]int) (string, int, *stringError) {
	i := start + 1
	// Fast path: no escapes, nothing to decode.
	for i < len(data) {
		c := data[i]
		if c == '"' && offsets == nil {
			return string(data[start+1 : i]), i + 1, nil
		}
		if c == '"' || c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	buf := make([]byte, 0, i-start+16)
	body := start + 1
	record := func(from, n int) {
		if offsets != nil {
			for range n {
				*offsets = append(*offsets, from-body)
			}
		}
	}
	i = body
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			record(i, 1)
			return string(buf), i + 1, nil
		case c < 0x20:
			return "", 0, &stringError{offset: i, message: fmt.Sprintf("invalid control character %s in string literal (escape it)", describeByte(c))}
		case c != '\\':
			buf = append(buf, c)
			record(i, 1)
			i++
			continue
		}
		if i+1 >= len(data) {
			break
		}
		esc := data[i+1]
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, n, err := decodeUnicodeEscape(data, i)
			if err != nil {
				return "", 0, err
			}
			before := len(buf)
			buf = utf8.AppendRune(buf, r)
			record(i, len(buf)-before)
			i += n
			continue
		default:
			return "", 0, &stringError{offset: i, message: fmt.Sprintf("invalid escape sequence \\%s in string literal", printable(data[i+1:]))}
		}
		record(i, 1)
		i += 2
	}
	return "", 0, &stringError{offset: len(data), eof: true}
}

// decodeUnicodeEscape decodes \uXXXX at data[i] (and a following low
// surrogate escape), returning the rune and the number of bytes read. A lone
// surrogate decodes to U+FFFD, as encoding/json does.
func decodeUnicodeEscape(data []byte, i int) (rune, int, *stringError) {
	r, ok := hex4(data, i+2)
	if !ok {
		return 0, 0, &stringError{offset: i, message: "invalid \\u escape in string literal: want four hexadecimal digits"}
	}
	if !utf16.IsSurrogate(r) {
		return r, 6, nil
	}
	if i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
		if r2, ok := hex4(data, i+8); ok {
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				return dec, 12, nil
			}
		}
	}
	return utf8.RuneError, 6, nil
}

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// printable renders the character at the start of b for a message.
func printable(b []byte) string {
	if len(b) == 0 {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(b)
	if r == utf8.RuneError || r < 0x20 || r == 0x7f {
		return describeByte(b[0])
	}
	return string(r)
}

func describeByte(c byte) string {
	switch c {
	case '\n':
		return `'\n'`
	case '\r':
		return `'\r'`
	case '\t':
		return `'\t'`
	}
	return fmt.Sprintf("0x%02x", c)
}
