package lint

import (
	"fmt"
	"unicode/utf8"
)

// Messages quote the input (a key, a tag, a token); a hostile input can make
// that quote a megabyte long. Reports stay readable and never replay more
// than an excerpt of a file.
const (
	maxErrorMessage   = 280
	maxFindingMessage = 1000
)

// boundMessages shortens over-long error and finding messages.
func boundMessages(res *Result) {
	for _, e := range res.Errors {
		e.Message = excerpt(e.Message, maxErrorMessage)
	}
	for i := range res.Findings {
		res.Findings[i].Message = excerpt(res.Findings[i].Message, maxFindingMessage)
	}
}

// excerpt returns s cut to at most max bytes (at a rune boundary), saying
// how long it was.
func excerpt(s string, max int) string {
	if len(s) <= max {
		return s
	}
	note := fmt.Sprintf("… (%d bytes)", len(s))
	cut := max - len(note)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + note
}
