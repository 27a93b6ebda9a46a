package iam

import (
	"strings"

	"github.com/ctlint/ctlint/internal/model"
)

// SuggestAction returns the catalog action closest to an unknown action
// name, in the catalog's display casing, or "" when the action is known,
// holds a marker, or nothing is close.
//
// Candidates are the actions of the same service; when the service prefix
// itself is unknown, every action of every service, compared as whole
// "service:name" strings. Candidates are ranked by, in order:
//  1. edit distance (Levenshtein, case-insensitive), halved (rounding up)
//     when one name is a prefix of the other: a real action with a word
//     added or cut off (kms:DecryptDataKey for kms:Decrypt) is a more
//     likely intent than an unrelated name a few edits away
//     (kms:GenerateDataKey);
//  2. a prefix relation, then a substring relation between the names;
//  3. the smaller difference in length;
//  4. alphabetical order, so the answer is deterministic.
//
// A candidate is close when its (unhalved) distance is at most half the length of the
// longer name (at least 2): beyond that a "did you mean" misleads.
func SuggestAction(action string) string {
	if model.HasUnknown(action) || ActionKnown(action) {
		return ""
	}
	c := loadCatalog()
	query := strings.ToLower(action)
	prefix, name, ok := strings.Cut(query, ":")
	var best suggestion
	if s := c.services[prefix]; ok && s != nil {
		s = s.actions()
		for i, cand := range s.lower {
			best = best.better(rank(name, cand, s.prefix+":"+s.display[i]))
		}
		return best.display
	}
	for _, p := range c.prefixes {
		s := c.services[p].actions()
		for i, cand := range s.lower {
			best = best.better(rank(query, s.prefix+":"+cand, s.prefix+":"+s.display[i]))
		}
	}
	return best.display
}

type suggestion struct {
	display  string // "" when none
	distance int
	relation int // 0 prefix, 1 substring, 2 none
	lenDiff  int
	key      string
}

func rank(query, cand, display string) suggestion {
	d := levenshtein(query, cand)
	longest := max(len([]rune(query)), len([]rune(cand)))
	if d > max(2, longest/2) {
		return suggestion{}
	}
	relation := 2
	switch {
	case strings.HasPrefix(query, cand) || strings.HasPrefix(cand, query):
		relation = 0
	case strings.Contains(query, cand) || strings.Contains(cand, query):
		relation = 1
	}
	score := d
	if relation == 0 {
		score = (d + 1) / 2
	}
	diff := len(query) - len(cand)
	if diff < 0 {
		diff = -diff
	}
	return suggestion{display: display, distance: score, relation: relation, lenDiff: diff, key: cand}
}

// better returns the better of s and o (o only when it is a candidate).
func (s suggestion) better(o suggestion) suggestion {
	switch {
	case o.display == "":
		return s
	case s.display == "":
		return o
	case o.distance != s.distance:
		return pick(o.distance < s.distance, o, s)
	case o.relation != s.relation:
		return pick(o.relation < s.relation, o, s)
	case o.lenDiff != s.lenDiff:
		return pick(o.lenDiff < s.lenDiff, o, s)
	}
	return pick(o.key < s.key, o, s)
}

func pick(first bool, a, b suggestion) suggestion {
	if first {
		return a
	}
	return b
}

// levenshtein is the edit distance between a and b over runes, with one
// row of memory.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			up := row[j]
			row[j] = min(row[j]+1, row[j-1]+1, diag+cost)
			diag = up
		}
	}
	return row[len(rb)]
}
