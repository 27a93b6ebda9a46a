package serve

import (
	"strings"
	"unicode"
)

// maxFilenameLen bounds the display name; longer names are cut.
const maxFilenameLen = 100

// SanitizeFilename turns the request's filename into a display name: the
// last path element, with characters outside letters, digits, space and
// ".-_+@" replaced by "_", no leading dots, at most 100 bytes. The name is
// only a label in findings and a hint for detection (".tf", ".yaml"); it is
// never opened. An empty result means "no name" (reported as <stdin>).
func SanitizeFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)), strings.ContainsRune(" .-_+@", r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= maxFilenameLen {
			break
		}
	}
	return strings.TrimSpace(strings.TrimLeft(b.String(), ". "))
}
