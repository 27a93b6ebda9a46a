// Package policies embeds ctlint's built-in Rego rules and their shared
// library. Each rule lives in rules/<area>/<rule-name>/ with its Rego, its
// tests, good and bad examples per input format, and its docs; adding a rule
// means adding a folder, nothing in Go.
package policies

import "embed"

// FS holds lib/ and rules/ (Rego sources, tests, examples and docs).
//
//go:embed lib rules
var FS embed.FS
