package astcodec_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/ctlint/ctlint/internal/eval/astcodec"
)

// TestFormatVersionGuardsTheEncoding pins the bytes of one small module's
// encoding. Cache entries are keyed by FormatVersion, so an entry written
// by an older encoder must never be read by a newer decoder: when this
// test fails, bump FormatVersion and then update the hash.
func TestFormatVersionGuardsTheEncoding(t *testing.T) {
	const (
		wantVersion = 1
		wantHash    = "078fe511d89de6c5c60e7abeb579f94dcee8b8c6bd2f3904d33b7608b2a9f79d"
	)
	src := `package p

import rego.v1

default allow := false

allow if {
	some x in input.xs
	x.kind == "a"
	not input.deny[x.id]
}

names contains n if {
	n := [y | some y in input.ys; y != null][_]
}

f(a) := {"k": a, "s": {1, 2.5}} if every v in a { v > 0 } else := null
`
	m, err := ast.ParseModuleWithOpts("p.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	// Parsed, not compiled: the compiler's output changes more often
	// between OPA versions than the parser's. (An OPA upgrade that
	// parses this module differently trips the test too; then only the
	// hash needs updating.)
	enc, err := astcodec.Encode(map[string]*ast.Module{"p.rego": m})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(enc)
	if got := hex.EncodeToString(sum[:]); got != wantHash || astcodec.FormatVersion != wantVersion {
		t.Errorf("the encoding changed (sha256 %s, FormatVersion %d): bump FormatVersion, then set wantVersion and wantHash", got, astcodec.FormatVersion)
	}
}
