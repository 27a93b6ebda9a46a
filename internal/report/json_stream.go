package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// writeJSON writes the document JSONDocument describes, one finding at a
// time. Encoding the whole document at once holds its indented form in
// memory next to the findings it came from: on a large repository (100,000
// findings) that is several times the findings' own size. Streaming keeps
// one element in memory. The bytes are those json.Encoder gives for
// JSONDocument with two-space indentation and HTML escaping off (the JSON
// contract, DESIGN.md), which TestStreamedJSONMatchesDocument checks.
func writeJSON(w io.Writer, res *Result, _ Options) error {
	s := newJSONStream(w, 1, false)
	s.raw("{")
	s.key("findings")
	s.array(len(res.Findings), func(i int) any { return toJSONFinding(res.Findings[i]) })
	s.key("errors")
	s.array(len(res.Errors), func(i int) any { return toJSONError(res.Errors[i]) })
	s.key("suppressed")
	s.array(len(res.Suppressed), func(i int) any {
		sup := res.Suppressed[i]
		return jsonSuppressed{toJSONFinding(sup.Finding), sup.Kind, sup.Reason}
	})
	if len(res.Notes) > 0 { // omitempty
		s.key("notes")
		s.array(len(res.Notes), func(i int) any { return res.Notes[i] })
	}
	s.key("summary")
	s.value(jsonSummaryOf(res))
	s.raw("\n}\n")
	return s.flush()
}

// jsonIndent is the indentation of every JSON output.
const jsonIndent = "  "

// jsonStream writes the members of an indented JSON object, or the elements
// of one array, value by value. Each value is encoded on its own with the
// indentation of the place it goes, which is what encoding the whole
// document would give it. The first error stops all further writing and is
// returned by flush.
type jsonStream struct {
	w       *bufio.Writer
	scratch bytes.Buffer
	// memberPrefix indents the object's members (and an array's closing
	// bracket), elemPrefix the elements of an array member.
	memberPrefix, elemPrefix string
	// members and elems encode values at member and element depth; each
	// keeps its own buffers, reused from one value to the next.
	members, elems *json.Encoder
	started        bool // whether a member has been written
	err            error
}

// newJSONStream returns a stream whose object members sit depth levels deep.
// escapeHTML is json.Encoder's setting (json.Marshal escapes HTML).
func newJSONStream(w io.Writer, depth int, escapeHTML bool) *jsonStream {
	s := &jsonStream{
		w:            bufio.NewWriterSize(w, 64<<10),
		memberPrefix: strings.Repeat(jsonIndent, depth),
		elemPrefix:   strings.Repeat(jsonIndent, depth+1),
	}
	s.members = s.encoder(s.memberPrefix, escapeHTML)
	s.elems = s.encoder(s.elemPrefix, escapeHTML)
	return s
}

func (s *jsonStream) encoder(prefix string, escapeHTML bool) *json.Encoder {
	enc := json.NewEncoder(&s.scratch)
	enc.SetEscapeHTML(escapeHTML)
	enc.SetIndent(prefix, jsonIndent)
	return enc
}

func (s *jsonStream) raw(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// key starts an object member: the separator from the previous member,
// then the name.
func (s *jsonStream) key(name string) {
	if s.started {
		s.raw(",")
	}
	s.started = true
	s.raw("\n" + s.memberPrefix)
	s.encode(s.members, name)
	s.raw(": ")
}

// value writes a member's value.
func (s *jsonStream) value(v any) { s.encode(s.members, v) }

// array writes a member's value: an array of n elements, elem(i) giving
// each. An empty array is written "[]", as encoding/json does.
func (s *jsonStream) array(n int, elem func(i int) any) {
	if n == 0 {
		s.raw("[]")
		return
	}
	s.raw("[")
	for i := range n {
		if i > 0 {
			s.raw(",")
		}
		s.raw("\n" + s.elemPrefix)
		s.encode(s.elems, elem(i))
		if s.err != nil {
			return
		}
	}
	s.raw("\n" + s.memberPrefix + "]")
}

// encode writes v with enc, without the newline json.Encoder ends every
// value with.
func (s *jsonStream) encode(enc *json.Encoder, v any) {
	if s.err != nil {
		return
	}
	s.scratch.Reset()
	if s.err = enc.Encode(v); s.err != nil {
		return
	}
	_, s.err = s.w.Write(bytes.TrimSuffix(s.scratch.Bytes(), []byte("\n")))
}

func (s *jsonStream) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
