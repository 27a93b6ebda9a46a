package cloudformation

import (
	"errors"

	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/jsonpos"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// parseJSON reads a JSON template with the positioned JSON reader, whose
// syntax errors carry exact lines and columns (the YAML reader's do not).
func parseJSON(src *source) (*tree.Node, *parse.Error) {
	res, err := jsonpos.Parse(src.file, src.data)
	if err != nil {
		var pe *parse.Error
		if errors.As(err, &pe) {
			return nil, pe
		}
		return nil, &parse.Error{File: src.file, Message: err.Error()}
	}
	return res.Root, nil
}
