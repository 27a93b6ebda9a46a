package terraform

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// maxSourceNesting bounds bracket nesting before the HCL parsers see a file:
// they recurse once per level, and 100,000 nested brackets overflow the Go
// stack, which kills the process instead of failing one file. It is far
// above parse.MaxDepth so that brackets inside heredocs never trip it on
// real configuration.
const maxSourceNesting = 4 * parse.MaxDepth

// tooDeep reports the line and column at which src nests brackets deeper
// than maxSourceNesting, skipping quoted strings and comments.
func tooDeep(src []byte) (line, col int, deep bool) {
	line, col = 1, 0
	depth := 0
	inString, inComment := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		col++
		switch {
		case c == '\n':
			line, col = line+1, 0
			inComment = false
			inString = false // HCL strings end at the line
		case inComment:
		case inString:
			switch c {
			case '\\':
				i++
				col++
			case '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '#' || (c == '/' && i+1 < len(src) && src[i+1] == '/'):
			inComment = true
		case c == '[' || c == '{' || c == '(':
			depth++
			if depth > maxSourceNesting {
				return line, col, true
			}
		case c == ']' || c == '}' || c == ')':
			depth = max(0, depth-1)
		}
	}
	return 0, 0, false
}

func positionIn(file string, line, col int) model.Range {
	return model.Range{File: file, Line: line, Column: col, EndLine: line, EndColumn: col + 1}
}
