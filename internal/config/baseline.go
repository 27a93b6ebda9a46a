package config

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/ctlint/ctlint/internal/finding"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline is the --baseline file: the findings accepted when it was
// written, by fingerprint. The file is JSON, sorted, so that it diffs well:
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {"fingerprint": "3f1c…", "rule_id": "CT101", "file": "policy.json",
//	     "resource": "policy.json", "message": "…", "count": 1}
//	  ]
//	}
//
// Only fingerprint and count decide; the other fields are there for the
// people reviewing the file.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding (count of them, when identical
// findings occur more than once).
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"rule_id"`
	File        string `json:"file"`
	Resource    string `json:"resource"`
	Message     string `json:"message"`
	Count       int    `json:"count"`
}

// positions are stripped from messages before hashing, in case a message
// quotes one: a fingerprint must survive edits above the finding.
var positions = regexp.MustCompile(`:\d+(:\d+)?\b|\bline \d+\b|\bcolumn \d+\b`)

// withoutPositions removes what positions matches from msg. Most messages
// have no colon before a digit and no "line " or "column " at all, and the
// regular expression costs most of a fingerprint (a run reports findings by
// the hundred thousand), so those are returned as they are.
func withoutPositions(msg string) string {
	if !strings.Contains(msg, "line ") && !strings.Contains(msg, "column ") && !colonDigit(msg) {
		return msg
	}
	return positions.ReplaceAllString(msg, "")
}

// colonDigit reports whether s has a ':' followed by an ASCII digit.
func colonDigit(s string) bool {
	for i := strings.IndexByte(s, ':'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c >= '0' && c <= '9' {
			return true
		}
		j := strings.IndexByte(s[i+1:], ':')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// Fingerprint identifies a finding independently of where it is in its
// file: rule, file, resource, and the content at fault (the fingerprint the
// rule gave, or its message). Lines and columns are not part of it, so
// adding a statement above does not change the fingerprints below.
func Fingerprint(f finding.Finding) string {
	content := f.Fingerprint
	if content == "" {
		content = withoutPositions(f.Message)
	}
	h := sha256.New()
	for _, part := range []string{f.RuleID, f.File, f.Resource, content} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// NewBaseline records findings.
func NewBaseline(fs []finding.Finding) *Baseline {
	b := &Baseline{Version: BaselineVersion, Findings: []BaselineEntry{}}
	index := map[string]int{}
	for _, f := range fs {
		fp := Fingerprint(f)
		if i, ok := index[fp]; ok {
			b.Findings[i].Count++
			continue
		}
		index[fp] = len(b.Findings)
		b.Findings = append(b.Findings, BaselineEntry{Fingerprint: fp, RuleID: f.RuleID, File: f.File, Resource: f.Resource, Message: f.Message, Count: 1})
	}
	slices.SortFunc(b.Findings, func(x, y BaselineEntry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.RuleID, y.RuleID), cmp.Compare(x.Resource, y.Resource), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	return b
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// ReadBaseline reads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("read baseline %s: version %d is not supported (want %d)", path, b.Version, BaselineVersion)
	}
	return &b, nil
}

// Apply splits findings into new ones and those the baseline accepts. When
// a fingerprint occurs more often than recorded, the extra occurrences are
// new.
func (b *Baseline) Apply(fs []finding.Finding) (fresh []finding.Finding, known []Suppressed) {
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint] += max(e.Count, 1)
	}
	for _, f := range fs {
		fp := Fingerprint(f)
		if left[fp] > 0 {
			left[fp]--
			known = append(known, Suppressed{Finding: f, Kind: KindBaseline, Reason: "in the baseline"})
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, known
}
