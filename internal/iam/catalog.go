package iam

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"

	"github.com/ctlint/ctlint/internal/model"
)

// The action catalog, data/iam-actions.json, is a copy of the project's
// shared catalog: action names from the AWS Service Authorization Reference
// (as packaged by cfn-lint), with display casing from botocore service
// models. Its "_source" field names the exact versions. It is regenerated
// from the same sources, never edited by hand; replace the file to update.
//
//go:embed data/iam-actions.json
var catalogJSON []byte

// service is one service prefix's actions. A run looks up a handful of
// services out of some four hundred, so each one's actions are decoded on
// first use: decoding the whole catalog up front cost more than compiling a
// third of the rules (BENCHMARKS.md).
type service struct {
	prefix string
	raw    []json.RawMessage // the catalog's action arrays for this prefix (one per spelling)

	once    sync.Once
	display []string       // as the catalog spells them
	lower   []string       // lowercase, same order
	index   map[string]int // lowercase name -> position
}

type catalog struct {
	source   string
	services map[string]*service // by lowercase prefix
	prefixes []string            // sorted, for deterministic iteration
}

// loadCatalog parses the embedded catalog once per process.
var loadCatalog = sync.OnceValue(parseCatalog)

func parseCatalog() *catalog {
	source, services, err := scanCatalog(catalogJSON)
	if err != nil {
		// The file is embedded at build time; a test parses it.
		panic("iam: embedded action catalog is invalid: " + err.Error())
	}
	c := &catalog{source: source, services: map[string]*service{}}
	for _, prefix := range sortedKeys(services) {
		lp := strings.ToLower(prefix)
		s := c.services[lp]
		if s == nil {
			s = &service{prefix: lp}
			c.services[lp] = s
			c.prefixes = append(c.prefixes, lp)
		}
		s.raw = append(s.raw, services[prefix])
	}
	return c
}

// actions returns s with its actions decoded. Safe for concurrent use.
func (s *service) actions() *service {
	s.once.Do(func() {
		s.index = map[string]int{}
		for _, r := range s.raw {
			var names []string
			if err := json.Unmarshal(r, &names); err != nil {
				panic("iam: embedded action catalog is invalid: service " + s.prefix + ": " + err.Error())
			}
			for _, name := range names {
				ln := strings.ToLower(name)
				if _, dup := s.index[ln]; dup {
					continue
				}
				s.index[ln] = len(s.lower)
				s.display = append(s.display, name)
				s.lower = append(s.lower, ln)
			}
		}
		s.raw = nil
	})
	return s
}

// CatalogSource describes where the embedded action catalog comes from.
func CatalogSource() string { return loadCatalog().source }

// ActionKnown reports whether action (service:Name, case-insensitive, may
// contain * and ?) names at least one action in the IAM catalog. "*" is
// known; "kms:*" is known when the service exists. An action holding an
// unknown marker is reported known: it cannot be judged offline, and the
// unresolved-value rule reports it instead.
func ActionKnown(action string) bool {
	if model.HasUnknown(action) {
		return true
	}
	a := strings.ToLower(action)
	if a == "*" {
		return true
	}
	prefix, name, ok := strings.Cut(a, ":")
	if !ok {
		return false
	}
	c := loadCatalog()
	if !hasWildcard(prefix) {
		s := c.services[prefix]
		return s != nil && s.has(name)
	}
	for _, p := range c.prefixes {
		if wildMatch(prefix, p) && c.services[p].has(name) {
			return true
		}
	}
	return false
}

// has reports whether a lowercase name pattern matches one of s's actions.
func (s *service) has(name string) bool {
	s = s.actions()
	if !hasWildcard(name) {
		_, ok := s.index[name]
		return ok
	}
	if strings.Trim(name, "*") == "" {
		return true
	}
	for _, n := range s.lower {
		if wildMatch(name, n) {
			return true
		}
	}
	return false
}

func hasWildcard(s string) bool { return strings.ContainsAny(s, "*?") }

// wildMatch matches s against a pattern with * and ?, byte by byte: both
// are catalog names or patterns over them, which are ASCII, and the catalog
// is scanned once per wildcard action, so this must not allocate.
func wildMatch(pattern, s string) bool {
	i, j := 0, 0
	star, mark := -1, 0
	for j < len(s) {
		switch {
		case i < len(pattern) && pattern[i] == '*':
			star, mark = i, j
			i++
		case i < len(pattern) && (pattern[i] == '?' || pattern[i] == s[j]):
			i++
			j++
		case star >= 0:
			i = star + 1
			mark++
			j = mark
		default:
			return false
		}
	}
	for i < len(pattern) && pattern[i] == '*' {
		i++
	}
	return i == len(pattern)
}
