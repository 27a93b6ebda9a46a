package tfplan

import (
	"strconv"
	"strings"

	"github.com/ctlint/ctlint/internal/parse/tree"
)

// moduleNames returns the module call names of a module instance address
// ("module.a[0].module.b" -> [a b]), dropping instance keys, which select an
// instance but not a configuration. ok is false for a malformed address.
func moduleNames(addr string) (names []string, ok bool) {
	for addr != "" {
		rest, found := strings.CutPrefix(addr, "module.")
		if !found {
			return nil, false
		}
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			end = len(rest)
		}
		if end == 0 {
			return nil, false
		}
		names = append(names, rest[:end])
		rest = rest[end:]
		if strings.HasPrefix(rest, "[") {
			n := keyLength(rest)
			if n < 0 {
				return nil, false
			}
			rest = rest[n:]
		}
		if rest != "" && !strings.HasPrefix(rest, ".") {
			return nil, false
		}
		addr = strings.TrimPrefix(rest, ".")
		if len(names) > maxModuleDepth {
			return nil, false
		}
	}
	return names, true
}

// keyLength returns the length of the instance key at the start of s
// (`[0]`, `["a.b"]`), or -1.
func keyLength(s string) int {
	if !strings.HasPrefix(s, "[") {
		return -1
	}
	if strings.HasPrefix(s, `["`) {
		for i := 2; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				if i+1 < len(s) && s[i+1] == ']' {
					return i + 2
				}
				return -1
			}
		}
		return -1
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return -1
	}
	return end + 1
}

// indexKey renders a resource instance's index as Terraform writes it in
// addresses: [0] for count, ["k"] for for_each, "" for none.
func indexKey(n *tree.Node) string {
	if n == nil {
		return ""
	}
	switch n.Kind {
	case tree.Number:
		return "[" + n.Text + "]"
	case tree.String:
		return "[" + strconv.Quote(n.Text) + "]"
	}
	return ""
}
