package lint

import "github.com/ctlint/ctlint/internal/finding"

// shareMessages makes findings with equal messages share one string. Every
// finding is kept until the report is written, and a rule reports the same
// words for each resource with the same fault (plain HTTP not denied, a
// service principal without aws:SourceArn), each evaluation allocating its
// own copy: about a third of a large repository's messages are repeats.
func shareMessages(fs []finding.Finding) {
	seen := make(map[string]string)
	for i := range fs {
		m := fs[i].Message
		if s, ok := seen[m]; ok {
			fs[i].Message = s
			continue
		}
		seen[m] = m
	}
}
