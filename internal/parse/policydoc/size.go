package policydoc

import "github.com/ctlint/ctlint/internal/parse/tree"

// compactSize returns the length in bytes of n written as JSON without
// insignificant white space, which is how AWS measures policy size limits;
// 0 when any part is unknown. Strings are counted with the minimal escaping
// (quote, backslash, control characters) and numbers as written.
func compactSize(n *tree.Node) int {
	size, ok := compact(n)
	if !ok {
		return 0
	}
	return size
}

func compact(n *tree.Node) (int, bool) {
	if n == nil || n.Kind == tree.Unknown || len(n.Alternatives) > 0 {
		return 0, false
	}
	switch n.Kind {
	case tree.String:
		return quotedLen(n.Text), true
	case tree.Array:
		size := 2 + max(0, len(n.Items)-1) // brackets and commas
		for _, it := range n.Items {
			s, ok := compact(it)
			if !ok {
				return 0, false
			}
			size += s
		}
		return size, true
	case tree.Object:
		size := 2 + max(0, len(n.Keys)-1)
		for _, f := range n.Keys {
			s, ok := compact(f.Value)
			if !ok {
				return 0, false
			}
			size += quotedLen(f.Key) + 1 + s // key, colon, value
		}
		return size, true
	}
	return len(n.Text), true // number, true, false, null
}

func quotedLen(s string) int {
	size := 2
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f':
			size += 2
		case c < 0x20:
			size += 6 // \u00XX
		default:
			size++
		}
	}
	return size
}
