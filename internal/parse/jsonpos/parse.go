package jsonpos

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// Result is a parsed JSON text.
type Result struct {
	Root *tree.Node
	// Duplicates lists every object key that repeats an earlier key of the
	// same object, in source order.
	Duplicates []Duplicate
}

// Duplicate is an object key written twice.
type Duplicate struct {
	Key   string
	Range model.Range // the repeated key
	First model.Range // the key's first occurrence
}

// Parse parses data, the content of file. Errors are *parse.Error values.
func Parse(file string, data []byte) (*Result, error) {
	return ParseAt(file, data, NewLines(data).Position)
}

// ParseAt parses data, which is embedded in file, mapping every position
// through pos (see Position). Errors are *parse.Error values whose position
// is mapped the same way.
func ParseAt(file string, data []byte, pos Position) (*Result, error) {
	p := &parser{file: file, data: data, pos: pos}
	root, err := p.document()
	if err != nil {
		return nil, err
	}
	return &Result{Root: root, Duplicates: p.dups}, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

type parser struct {
	file  string
	data  []byte
	pos   Position
	i     int
	depth int
	nodes int
	dups  []Duplicate
}

func (p *parser) document() (*tree.Node, error) {
	if err := p.checkEncoding(); err != nil {
		return nil, err
	}
	p.i = 0
	if bytes.HasPrefix(p.data, utf8BOM) {
		p.i = len(utf8BOM)
	}
	p.skipSpace()
	if p.i >= len(p.data) {
		return nil, p.errorAt(p.i, "empty file: expected a JSON value")
	}
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i < len(p.data) {
		return nil, p.errorAt(p.i, "invalid character %s after the top-level value", p.char(p.i))
	}
	return root, nil
}

// checkEncoding rejects what is not UTF-8 text up front, with a message
// that says what the file is instead of "invalid character".
func (p *parser) checkEncoding() error {
	d := p.data
	if bytes.HasPrefix(d, []byte{0xFE, 0xFF}) || bytes.HasPrefix(d, []byte{0xFF, 0xFE}) ||
		(len(d) >= 2 && (d[0] == 0) != (d[1] == 0)) {
		return p.errorAt(0, "UTF-16 is not supported; save the file as UTF-8")
	}
	if i := bytes.IndexByte(d, 0); i >= 0 {
		return p.errorAt(i, "NUL byte: this is binary data, not JSON text")
	}
	if !utf8.Valid(d) {
		i := 0
		for i < len(d) {
			r, n := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return p.errorAt(i, "invalid UTF-8 byte 0x%02x: the file must be UTF-8 text", d[i])
	}
	return nil
}

func (p *parser) skipSpace() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) value() (*tree.Node, error) {
	p.nodes++
	if p.nodes > parse.MaxNodes {
		return nil, p.errorAt(p.i, "more than %d values", parse.MaxNodes)
	}
	if p.i >= len(p.data) {
		return nil, p.errorAt(p.i, "unexpected end of input: expected a value")
	}
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		start := p.i
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &tree.Node{Kind: tree.String, Text: s, Range: p.rng(start, p.i)}, nil
	case c == '-' || ('0' <= c && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", tree.Bool)
	case c == 'f':
		return p.literal("false", tree.Bool)
	case c == 'n':
		return p.literal("null", tree.Null)
	}
	return nil, p.errorAt(p.i, "invalid character %s looking for the beginning of a value", p.char(p.i))
}

func (p *parser) enter(start int, what string) error {
	p.depth++
	if p.depth > parse.MaxDepth {
		return p.errorAt(start, "%s nested deeper than %d levels", what, parse.MaxDepth)
	}
	return nil
}

func (p *parser) object() (*tree.Node, error) {
	start := p.i
	if err := p.enter(start, "object"); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &tree.Node{Kind: tree.Object}
	p.i++
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		n.Range = p.rng(start, p.i)
		return n, nil
	}
	var seen map[string]model.Range
	for {
		if p.i >= len(p.data) {
			return nil, p.unclosed(start, "object")
		}
		if p.data[p.i] != '"' {
			return nil, p.errorAt(p.i, "invalid character %s looking for the beginning of an object key string", p.char(p.i))
		}
		keyStart := p.i
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		f := &tree.Field{Key: key, KeyRange: p.rng(keyStart, p.i)}
		if first, dup := lookup(&seen, n.Keys, key, f.KeyRange); dup {
			p.dups = append(p.dups, Duplicate{Key: key, Range: f.KeyRange, First: first})
		}
		p.skipSpace()
		if p.i >= len(p.data) {
			return nil, p.unclosed(start, "object")
		}
		if p.data[p.i] != ':' {
			return nil, p.errorAt(p.i, "invalid character %s after object key %q (expected ':')", p.char(p.i), key)
		}
		p.i++
		p.skipSpace()
		if p.i >= len(p.data) {
			return nil, p.unclosed(start, "object")
		}
		if f.Value, err = p.value(); err != nil {
			return nil, err
		}
		n.Keys = append(n.Keys, f)
		p.skipSpace()
		if p.i >= len(p.data) {
			return nil, p.unclosed(start, "object")
		}
		switch p.data[p.i] {
		case ',':
			p.i++
			p.skipSpace()
		case '}':
			p.i++
			n.Range = p.rng(start, p.i)
			return n, nil
		default:
			return nil, p.errorAt(p.i, "invalid character %s after object member %q (expected ',' or '}')", p.char(p.i), key)
		}
	}
}

// lookup reports whether key was already a member of the object, and
// where; it records key at r for later lookups. Small objects are searched
// linearly; larger ones get an index.
func lookup(seen *map[string]model.Range, fields []*tree.Field, key string, r model.Range) (model.Range, bool) {
	const linear = 16
	if len(fields) < linear {
		for _, f := range fields {
			if f.Key == key {
				return f.KeyRange, true
			}
		}
		return model.Range{}, false
	}
	if *seen == nil {
		*seen = make(map[string]model.Range, 2*len(fields))
		for _, f := range fields {
			if _, ok := (*seen)[f.Key]; !ok {
				(*seen)[f.Key] = f.KeyRange
			}
		}
	}
	if first, ok := (*seen)[key]; ok {
		return first, true
	}
	(*seen)[key] = r
	return model.Range{}, false
}

func (p *parser) array() (*tree.Node, error) {
	start := p.i
	if err := p.enter(start, "array"); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &tree.Node{Kind: tree.Array}
	p.i++
	p.skipSpace()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		n.Range = p.rng(start, p.i)
		return n, nil
	}
	for {
		if p.i >= len(p.data) {
			return nil, p.unclosed(start, "array")
		}
		item, err := p.value()
		if err != nil {
			return nil, err
		}
		n.Items = append(n.Items, item)
		p.skipSpace()
		if p.i >= len(p.data) {
			return nil, p.unclosed(start, "array")
		}
		switch p.data[p.i] {
		case ',':
			p.i++
			p.skipSpace()
		case ']':
			p.i++
			n.Range = p.rng(start, p.i)
			return n, nil
		default:
			return nil, p.errorAt(p.i, "invalid character %s after array element (expected ',' or ']')", p.char(p.i))
		}
	}
}

func (p *parser) str() (string, error) {
	start := p.i
	s, end, serr := scanString(p.data, start, nil)
	if serr != nil {
		if serr.eof {
			return "", p.unclosed(start, "string")
		}
		return "", p.errorAt(serr.offset, "%s", serr.message)
	}
	p.i = end
	return s, nil
}

// number scans an RFC 8259 number and keeps it as written ("1e30" stays
// "1e30"): rules compare the text, and no precision is lost.
func (p *parser) number() (*tree.Node, error) {
	start := p.i
	d := p.data
	i := p.i
	if d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && '1' <= d[i] && d[i] <= '9':
		i = digits(d, i)
	default:
		return nil, p.errorAt(i, "invalid character %s in number (expected a digit)", p.char(i))
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return nil, p.errorAt(i, "invalid character %s after decimal point in number", p.char(i))
		}
		i = digits(d, i)
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return nil, p.errorAt(i, "invalid character %s in exponent of number", p.char(i))
		}
		i = digits(d, i)
	}
	p.i = i
	return &tree.Node{Kind: tree.Number, Text: string(d[start:i]), Range: p.rng(start, i)}, nil
}

func digits(d []byte, i int) int {
	for i < len(d) && '0' <= d[i] && d[i] <= '9' {
		i++
	}
	return i
}

func (p *parser) literal(word string, kind tree.Kind) (*tree.Node, error) {
	start := p.i
	for k := range len(word) {
		if start+k >= len(p.data) {
			return nil, p.errorAt(start+k, "unexpected end of input in literal %s", word)
		}
		if p.data[start+k] != word[k] {
			return nil, p.errorAt(start+k, "invalid character %s in literal %s", p.char(start+k), word)
		}
	}
	p.i = start + len(word)
	return &tree.Node{Kind: kind, Text: word, Range: p.rng(start, p.i)}, nil
}

func (p *parser) rng(start, end int) model.Range {
	l, c := p.pos(start)
	el, ec := p.pos(end)
	return model.Range{File: p.file, Line: l, Column: c, EndLine: el, EndColumn: ec}
}

func (p *parser) errorAt(offset int, format string, args ...any) *parse.Error {
	l, c := p.pos(offset)
	return &parse.Error{File: p.file, Line: l, Column: c, Message: fmt.Sprintf(format, args...)}
}

// unclosed reports the end of input inside a value, at the end of input,
// naming where the value was opened: that is where the fix usually is.
func (p *parser) unclosed(start int, what string) *parse.Error {
	l, c := p.pos(start)
	return p.errorAt(len(p.data), "unexpected end of input: %s opened at %d:%d is not closed", what, l, c)
}

// char renders the character at offset for a message.
func (p *parser) char(offset int) string {
	if offset >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[offset:])
	if r == utf8.RuneError || r < 0x20 || r == 0x7f {
		return describeByte(p.data[offset])
	}
	return "'" + string(r) + "'"
}
