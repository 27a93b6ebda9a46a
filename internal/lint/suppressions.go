package lint

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// keepSuppressions records the suppressions declared in the documents'
// structure (CloudFormation Metadata), which the config package applies
// after evaluation. Variants of one template repeat them; they are
// deduplicated at the end.
func (r *runner) keepSuppressions(docs []*model.Document) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, d := range docs {
		r.suppressions = append(r.suppressions, d.Suppressions...)
	}
}

// collectedSuppressions returns the recorded suppressions, sorted and
// without duplicates.
func (r *runner) collectedSuppressions() []model.Suppression {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.suppressions)
	slices.SortFunc(out, func(a, b model.Suppression) int {
		return cmp.Or(
			cmp.Compare(a.Range.File, b.Range.File),
			cmp.Compare(a.Range.Line, b.Range.Line),
			cmp.Compare(a.Resource, b.Resource),
			cmp.Compare(strings.Join(a.RuleIDs, ","), strings.Join(b.RuleIDs, ",")),
			cmp.Compare(a.Reason, b.Reason),
			cmp.Compare(a.Expires, b.Expires),
		)
	})
	return slices.CompactFunc(out, func(a, b model.Suppression) bool {
		return a.Range == b.Range && a.Resource == b.Resource && slices.Equal(a.RuleIDs, b.RuleIDs) &&
			a.Reason == b.Reason && a.Expires == b.Expires
	})
}

// scopeDone reports progress after each scope, if the caller asked.
func (r *runner) scopeDone(total int) {
	done := int(r.done.Add(1))
	if r.opts.Progress != nil {
		r.opts.Progress(done, total)
	}
}
