package terraform

import (
	"strconv"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ctlint/ctlint/internal/model"
)

// rendered is the text of a template (a heredoc, a quoted string, a
// templatefile) together with, for every byte, the offset in the template's
// source file of the byte that produced it, so that JSON parsed from the text
// reports positions in the file.
type rendered struct {
	file    string // FS path of the source file
	text    []byte
	offsets []int // len(text)+1 entries; the last is the template's end
}

// render evaluates a template part by part. Literal parts map byte for byte
// onto the source (escapes and the indentation a <<- heredoc strips are
// skipped); an interpolation maps every byte it produces to its start.
// unresolved names the first part whose value is not a string.
func (p *parser) render(te *hclsyntax.TemplateExpr, eval func(hclsyntax.Expression) cty.Value) (r rendered, unresolved string) {
	file := te.SrcRange.Filename
	src := p.sources[file]
	r.file = file
	for _, part := range te.Parts {
		pr := part.Range()
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
			val := lit.Val.AsString()
			r.text = append(r.text, val...)
			r.offsets = append(r.offsets, alignLiteral(val, src, pr.Start.Byte, pr.End.Byte)...)
			continue
		}
		v := eval(part)
		s, ok := stringOf(v)
		if !ok {
			return rendered{}, p.text(pr)
		}
		r.text = append(r.text, s...)
		for range len(s) {
			r.offsets = append(r.offsets, pr.Start.Byte)
		}
	}
	r.offsets = append(r.offsets, te.SrcRange.End.Byte)
	return r, ""
}

// stringOf converts a primitive value to the text a template interpolates.
func stringOf(v cty.Value) (string, bool) {
	if v.IsNull() || !v.IsKnown() {
		return "", false
	}
	switch v.Type() {
	case cty.String:
		return v.AsString(), true
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), true
	case cty.Bool:
		return strconv.FormatBool(v.True()), true
	}
	return "", false
}

// alignLiteral maps each byte of val, a literal template part, to the offset
// of the source byte in src[start:end] that wrote it. The source differs from
// the value only by escapes (\" \n $${) and stripped indentation, so a
// greedy walk that skips unmatched source bytes stays in step; every offset
// stays inside the part.
func alignLiteral(val string, src []byte, start, end int) []int {
	out := make([]int, len(val))
	if end > len(src) || start > end {
		for i := range out {
			out[i] = max(0, min(start, len(src)))
		}
		return out
	}
	j := start
	for i := 0; i < len(val); i++ {
		c := val[i]
		for j < end && src[j] != c && (src[j] == ' ' || src[j] == '\t' || src[j] == '\\') {
			j++
		}
		out[i] = min(j, max(end-1, start))
		if j < end {
			j++
		}
	}
	return out
}

// isMarkerOnly reports whether s is one unknown marker and nothing else.
func isMarkerOnly(s string) bool { return model.IsUnknown(s) }
