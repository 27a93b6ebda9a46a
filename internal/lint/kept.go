package lint

import (
	"math"
	"sync"

	"github.com/ctlint/ctlint/internal/finding"
)

// keptFindings holds one scope's findings from the time the scope is linted
// until the run collects every scope's findings. A large repository's
// findings are most of what a run keeps (100,000 at 10,000 modules), and a
// finding.Finding repeats its rule's texts and holds its positions in full
// machine words: keptFinding stores the rule texts once per rule and the
// positions in 32 bits, in half the size. A finding whose values do not fit
// (positions past 2^31, which no input under the file size limit has) keeps
// its scope's findings as they are.
type keptFindings struct {
	compact []keptFinding
	full    []finding.Finding
}

// keptFinding is a finding.Finding with its rule's texts shared and its
// positions narrowed; TestKeptFindingHasEveryField keeps the two in step.
type keptFinding struct {
	rule                                           *ruleText
	message, file, resource, fingerprint           string
	line, column, endLine, endColumn, resourceLine int32
	severity                                       int8
	possible                                       bool
}

// ruleText is what every finding of a rule repeats.
type ruleText struct {
	id, name, title, remediation string
}

// ruleTexts shares ruleText values between the scopes of a run; it is safe
// for concurrent use.
type ruleTexts struct {
	mu     sync.Mutex
	byText map[ruleText]*ruleText
}

// keep converts one scope's findings.
func (t *ruleTexts) keep(fs []finding.Finding) keptFindings {
	if len(fs) == 0 {
		return keptFindings{}
	}
	out := make([]keptFinding, len(fs))
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, f := range fs {
		if !fitsKept(f) {
			return keptFindings{full: fs}
		}
		out[i] = keptFinding{
			rule:    t.intern(ruleText{f.RuleID, f.RuleName, f.Title, f.Remediation}),
			message: f.Message, file: f.File, resource: f.Resource, fingerprint: f.Fingerprint,
			line: int32(f.Line), column: int32(f.Column), endLine: int32(f.EndLine), endColumn: int32(f.EndColumn),
			resourceLine: int32(f.ResourceLine), severity: int8(f.Severity), possible: f.Possible,
		}
	}
	return keptFindings{compact: out}
}

// intern returns the shared copy of rt; t.mu must be held.
func (t *ruleTexts) intern(rt ruleText) *ruleText {
	if p, ok := t.byText[rt]; ok {
		return p
	}
	if t.byText == nil {
		t.byText = map[ruleText]*ruleText{}
	}
	p := &rt
	t.byText[rt] = p
	return p
}

func fitsKept(f finding.Finding) bool {
	for _, n := range []int{f.Line, f.Column, f.EndLine, f.EndColumn, f.ResourceLine} {
		if n < math.MinInt32 || n > math.MaxInt32 {
			return false
		}
	}
	return f.Severity >= math.MinInt8 && f.Severity <= math.MaxInt8
}

func (k keptFindings) len() int { return len(k.compact) + len(k.full) }

// appendTo appends the findings, as the scope reported them, to dst.
func (k keptFindings) appendTo(dst []finding.Finding) []finding.Finding {
	dst = append(dst, k.full...)
	for _, c := range k.compact {
		dst = append(dst, finding.Finding{
			RuleID: c.rule.id, RuleName: c.rule.name, Severity: finding.Severity(c.severity), Title: c.rule.title,
			Message: c.message, File: c.file, Line: int(c.line), Column: int(c.column),
			EndLine: int(c.endLine), EndColumn: int(c.endColumn), Resource: c.resource,
			Remediation: c.rule.remediation, Possible: c.possible, ResourceLine: int(c.resourceLine),
			Fingerprint: c.fingerprint,
		})
	}
	return dst
}
