package lint

import (
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
)

// detectPlan reports whether data is `terraform show -json` output.
func detectPlan(data []byte) bool { return false }

func (r *runner) parsePlan(sc scope) ([]*model.Document, []*parse.Error) {
	return nil, []*parse.Error{{File: sc.file.Path, Message: "Terraform plan JSON is not supported yet"}}
}
