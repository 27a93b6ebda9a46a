package cloudformation

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/tree"
)

// suppressions reads resource Metadata of the form
//
//	Metadata:
//	  ctlint:
//	    ignore:
//	      - id: CT101          # or a list of IDs, or "CT101,CT102"
//	        reason: ...
//	        expires: 2026-12-31  # optional
//
// A malformed entry is reported as a warning at its position and skipped,
// so that a typo never silently suppresses (or un-suppresses) anything.
func suppressions(t *template) ([]model.Suppression, []*parse.Error) {
	var out []model.Suppression
	var warnings []*parse.Error
	warn := func(r model.Range, format string, args ...any) {
		e := parse.Errorf(r, format, args...)
		e.Warning = true
		warnings = append(warnings, e)
	}
	for _, res := range t.resources {
		f := res.Metadata.Field("ctlint")
		if f == nil {
			continue
		}
		ignore := f.Value.Field("ignore")
		if f.Value.Kind != tree.Object || ignore == nil {
			warn(f.KeyRange, "resource %s: Metadata.ctlint must be a mapping with an ignore list", res.ID)
			continue
		}
		if ignore.Value.Kind != tree.Array {
			warn(ignore.Value.Range, "resource %s: Metadata.ctlint.ignore must be a list of {id, reason}", res.ID)
			continue
		}
		for _, entry := range ignore.Value.Items {
			s, problem := suppression(entry)
			if problem != "" {
				warn(entry.Range, "resource %s: ignored suppression: %s", res.ID, problem)
				continue
			}
			s.Resource, s.Range = res.ID, res.Range
			out = append(out, s)
		}
	}
	return out, warnings
}

var ruleID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// suppression reads one ignore entry; problem says what is wrong with it.
func suppression(entry *tree.Node) (s model.Suppression, problem string) {
	if entry.Kind != tree.Object {
		return s, "an entry must be a mapping with id and reason"
	}
	for _, f := range entry.Keys {
		switch f.Key {
		case "id":
			ids, ok := ruleIDs(f.Value)
			if !ok {
				return s, "id must be a rule ID (like CT101) or a list of them"
			}
			s.RuleIDs = ids
		case "reason":
			if f.Value.Kind != tree.String {
				return s, "reason must be text"
			}
			s.Reason = strings.TrimSpace(f.Value.Text)
		case "expires":
			if _, err := time.Parse(time.DateOnly, f.Value.Text); err != nil || f.Value.Kind != tree.String {
				return s, fmt.Sprintf("expires must be a date written YYYY-MM-DD, not %q", f.Value.Text)
			}
			s.Expires = f.Value.Text
		default:
			return s, fmt.Sprintf("unknown field %q (use id, reason, expires)", f.Key)
		}
	}
	if len(s.RuleIDs) == 0 {
		return s, "no rule id"
	}
	return s, ""
}

func ruleIDs(n *tree.Node) ([]string, bool) {
	var raw []string
	switch n.Kind {
	case tree.String:
		raw = strings.Split(n.Text, ",")
	case tree.Array:
		for _, it := range n.Items {
			if it.Kind != tree.String {
				return nil, false
			}
			raw = append(raw, it.Text)
		}
	default:
		return nil, false
	}
	var ids []string
	for _, id := range raw {
		id = strings.TrimSpace(id)
		if !ruleID.MatchString(id) {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, len(ids) > 0
}
