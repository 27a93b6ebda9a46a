package policydoc

import (
	"errors"
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// parseEmbedded parses a policy written as a string value. The tree does not
// keep the string's source text, so positions are exact only for a one-line
// string written without escapes (its decoded bytes then sit one column after
// the opening quote); otherwise every position is the string's start.
// Callers that have the source text should parse the string themselves with
// jsonpos.ParseString or jsonpos.ParseAt for exact positions.
func parseEmbedded(n *tree.Node) (*tree.Node, *model.Problem) {
	r := n.Range
	text := []byte(n.Text)
	pos := func(int) (int, int) { return r.Line, r.Column }
	if r.Line == r.EndLine && r.EndColumn-r.Column == len(text)+2 {
		pos = func(off int) (int, int) { return r.Line, r.Column + 1 + off }
	}
	res, err := jsonpos.ParseAt(r.File, text, pos)
	if err != nil {
		at := r
		var perr *parse.Error
		if errors.As(err, &perr) {
			at = model.Range{File: r.File, Line: perr.Line, Column: perr.Column, EndLine: perr.Line, EndColumn: perr.Column + 1}
			pr := problemf(at, "the policy string is not valid JSON: %s", perr.Message)
			return nil, &pr
		}
		pr := problemf(at, "the policy string is not valid JSON: %v", err)
		return nil, &pr
	}
	return res.Root, nil
}
