package jsonpos

import "sort"

// Position maps a byte offset of the text being parsed (0 <= offset <=
// len(text)) to a 1-based line and byte column of the file that the ranges
// name. The end of a value is mapped by passing the offset just past its last
// byte.
type Position func(offset int) (line, col int)

// Lines indexes the line starts of a file's content so that offsets convert
// to lines and columns, and back.
type Lines struct {
	starts []int // offset of the first byte of each line
	size   int
}

// NewLines indexes data.
func NewLines(data []byte) *Lines {
	starts := make([]int, 1, 1+len(data)/32)
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{starts: starts, size: len(data)}
}

// Position returns the line and column of offset, clamped to the file.
func (l *Lines) Position(offset int) (line, col int) {
	offset = max(0, min(offset, l.size))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	return i + 1, offset - l.starts[i] + 1
}

// Offset returns the byte offset of line and col, and whether they name a
// position inside the file (the end of a line and of the file included).
func (l *Lines) Offset(line, col int) (int, bool) {
	if line < 1 || line > len(l.starts) || col < 1 {
		return 0, false
	}
	end := l.size
	if line < len(l.starts) {
		end = l.starts[line] - 1 // the '\n'
	}
	off := l.starts[line-1] + col - 1
	return off, off <= end
}

// At returns the Position hook for text that was copied verbatim from this
// file starting at byte offset base (a heredoc body, a block scalar without
// indentation).
func (l *Lines) At(base int) Position {
	return func(offset int) (int, int) { return l.Position(base + offset) }
}

// Mapped returns the Position hook for text that was decoded from this file:
// byte i of the decoded text came from the source bytes starting at
// base+offsets[i], and offsets[len(text)] is where the source text ends.
// Offsets past the table are clamped to its last entry.
func (l *Lines) Mapped(base int, offsets []int) Position {
	return func(offset int) (int, int) {
		if len(offsets) == 0 {
			return l.Position(base)
		}
		offset = max(0, min(offset, len(offsets)-1))
		return l.Position(base + offsets[offset])
	}
}
