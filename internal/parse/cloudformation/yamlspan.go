package cloudformation

import (
	"bytes"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/ctlint/ctlint/internal/parse/tree"
)

// yaml.v3 gives every node its start only. Ranges need an end too, so it is
// found here by scanning the text from the start, by the node's style.

func (c *yamlConverter) endOf(n *tree.Node) int {
	if n == nil {
		return 0
	}
	return c.src.offset(n.Range.EndLine, 1) + n.Range.EndColumn - 1
}

// contentStart skips the tag and anchor properties that yaml.v3 includes in
// a node's position.
func (c *yamlConverter) contentStart(off int) int {
	d := c.src.data
	for off < len(d) && (d[off] == '!' || d[off] == '&') {
		for off < len(d) && !isSpace(d[off]) {
			off++
		}
		for off < len(d) && isSpace(d[off]) {
			off++
		}
	}
	return off
}

// scalarEnd finds where the scalar starting at off ends, by its style.
func (c *yamlConverter) scalarEnd(n *yaml.Node, off int, flow bool) int {
	d := c.src.data
	switch {
	case off >= len(d):
		return len(d)
	case n.Style&yaml.DoubleQuotedStyle != 0 && d[off] == '"':
		for i := off + 1; i < len(d); i++ {
			switch d[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(d)
	case n.Style&yaml.SingleQuotedStyle != 0 && d[off] == '\'':
		for i := off + 1; i < len(d); i++ {
			if d[i] == '\'' {
				if i+1 < len(d) && d[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return len(d)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return c.blockScalarEnd(off)
	case n.Value == "" && n.ShortTag() == "!!null":
		if bytes.HasPrefix(d[off:], []byte("null")) {
			return off + 4
		}
		if d[off] == '~' {
			return off + 1
		}
		return off
	case bytes.HasPrefix(d[off:], []byte(n.Value)):
		return off + len(n.Value)
	}
	return c.plainEnd(off, flow)
}

// blockScalarEnd returns the end of the last content line of a literal or
// folded scalar: content lines are indented deeper than the line holding the
// header.
func (c *yamlConverter) blockScalarEnd(off int) int {
	indent := c.src.indentOf(off)
	end := c.src.lineEnd(off)
	d := c.src.data
	for next := end + 1; next < len(d); {
		lineEnd := c.src.lineEnd(next)
		text := d[next:lineEnd]
		trimmed := bytes.TrimLeft(text, " ")
		if len(trimmed) > 0 {
			if len(text)-len(trimmed) <= indent {
				break
			}
			end = lineEnd
		}
		next = lineEnd + 1
		if next < len(d) && d[next-1] == '\r' {
			next++
		}
	}
	return end
}

// plainEnd finds the end of a plain scalar whose text differs from its value
// (a multi-line plain scalar, folded into one line by YAML).
func (c *yamlConverter) plainEnd(off int, flow bool) int {
	d := c.src.data
	if flow {
		i := off
		for i < len(d) && !strings.ContainsRune(",[]{}#\n", rune(d[i])) {
			i++
		}
		for i > off && isSpace(d[i-1]) {
			i--
		}
		return i
	}
	indent := c.src.indentOf(off)
	end := trimComment(d, off, c.src.lineEnd(off))
	for next := c.src.lineEnd(off) + 1; next < len(d); {
		lineEnd := c.src.lineEnd(next)
		text := d[next:lineEnd]
		trimmed := bytes.TrimLeft(text, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' || len(text)-len(trimmed) <= indent {
			break
		}
		end = trimComment(d, next, lineEnd)
		next = lineEnd + 1
		if next < len(d) && d[next-1] == '\r' {
			next++ // the "\n" of a "\r\n" line break
		}
	}
	return end
}

func trimComment(d []byte, start, end int) int {
	for i := start; i < end; i++ {
		if d[i] == '#' && i > start && isSpace(d[i-1]) {
			end = i
			break
		}
	}
	for end > start && isSpace(d[end-1]) {
		end--
	}
	return end
}

// closeBracket finds the bracket closing a flow collection, scanning from the
// end of its last member past separators, comments and quoted text.
func (c *yamlConverter) closeBracket(off int) int {
	d := c.src.data
	depth := 0
	for i := off; i < len(d); i++ {
		switch d[i] {
		case '"', '\'':
			q := d[i]
			for i++; i < len(d) && d[i] != q; i++ {
				if q == '"' && d[i] == '\\' {
					i++
				}
			}
		case '#':
			if i == 0 || isSpace(d[i-1]) {
				for i < len(d) && d[i] != '\n' {
					i++
				}
			}
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return i + 1
			}
			depth--
		}
	}
	return len(d)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
