package lint

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/ctlint/ctlint/internal/finding"
)

func TestShareMessages(t *testing.T) {
	// Build equal messages at run time so that each has its own bytes, as
	// messages from separate evaluations do.
	msg := func(s string) string { return strings.Clone(s) }
	fs := []finding.Finding{
		{RuleID: "CT109", Message: msg("plain HTTP is not denied")},
		{RuleID: "CT101", Message: msg("no aws:SourceArn")},
		{RuleID: "CT109", Message: msg("plain HTTP is not denied")},
		{RuleID: "CT109", Message: msg("plain HTTP is not denied")},
		{RuleID: "CT101", Message: msg("no aws:SourceArn (possible)")},
	}
	shareMessages(fs)
	want := []string{"plain HTTP is not denied", "no aws:SourceArn", "plain HTTP is not denied", "plain HTTP is not denied", "no aws:SourceArn (possible)"}
	for i, f := range fs {
		if f.Message != want[i] {
			t.Errorf("finding %d: message %q, want %q", i, f.Message, want[i])
		}
	}
	data := func(i int) *byte { return unsafe.StringData(fs[i].Message) }
	if data(0) != data(2) || data(0) != data(3) {
		t.Error("equal messages do not share their bytes")
	}
	if data(0) == data(1) || data(1) == data(4) {
		t.Error("different messages share their bytes")
	}
}
