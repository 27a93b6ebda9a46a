package cloudformation

import (
	"unicode/utf8"

	"github.com/ctlint/ctlint/internal/model"
)

// source maps yaml.v3 positions (1-based lines, 1-based columns counted in
// characters) to byte offsets and back, so that ranges use byte columns as
// the model requires and end positions can be found by scanning the text.
type source struct {
	file      string
	data      []byte
	lineStart []int  // byte offset of the first byte of each line
	ascii     []bool // whether each line is ASCII (characters are bytes)
}

func newSource(file string, data []byte) *source {
	s := &source{file: file, data: data, lineStart: []int{0}, ascii: []bool{true}}
	for i, b := range data {
		switch {
		case b == '\n':
			s.lineStart = append(s.lineStart, i+1)
			s.ascii = append(s.ascii, true)
		case b >= utf8.RuneSelf:
			s.ascii[len(s.ascii)-1] = false
		}
	}
	return s
}

// offset converts a 1-based line and 1-based character column to a byte
// offset, clamped to the file.
func (s *source) offset(line, charCol int) int {
	if line < 1 {
		return 0
	}
	if line > len(s.lineStart) {
		return len(s.data)
	}
	off := s.lineStart[line-1]
	if s.ascii[line-1] { // the common case, in constant time even on long lines
		end := len(s.data)
		if line < len(s.lineStart) {
			end = s.lineStart[line] - 1 // the '\n'
		}
		return min(off+max(charCol, 1)-1, end)
	}
	for c := 1; c < charCol && off < len(s.data) && s.data[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(s.data[off:])
		off += size
	}
	return off
}

// position converts a byte offset to a 1-based line and byte column.
func (s *source) position(off int) (line, col int) {
	off = max(0, min(off, len(s.data)))
	lo, hi := 0, len(s.lineStart)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.lineStart[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - s.lineStart[lo] + 1
}

// span returns the range between two byte offsets (end exclusive).
func (s *source) span(start, end int) model.Range {
	end = max(end, start)
	l, c := s.position(start)
	el, ec := s.position(end)
	return model.Range{File: s.file, Line: l, Column: c, EndLine: el, EndColumn: ec}
}

// lineEnd returns the offset of the newline ending the line holding off (or
// the end of the file), excluding a trailing carriage return.
func (s *source) lineEnd(off int) int {
	start := off
	for off < len(s.data) && s.data[off] != '\n' {
		off++
	}
	// Never step back before off: on "\r\n" with off at the "\n", the line
	// holding off is empty.
	if off > start && off <= len(s.data) && s.data[off-1] == '\r' {
		off--
	}
	return off
}

// indentOf returns the number of leading spaces of the line holding off.
func (s *source) indentOf(off int) int {
	l, _ := s.position(off)
	i := s.lineStart[l-1]
	n := 0
	for i+n < len(s.data) && s.data[i+n] == ' ' {
		n++
	}
	return n
}
