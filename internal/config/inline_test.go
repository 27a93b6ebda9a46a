package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestScanInline(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []Inline
	}{
		{"hash with reason", "main.tf", "# ctlint:ignore CT101 legacy trail\n",
			[]Inline{{File: "main.tf", Line: 1, Column: 1, Rules: []string{"CT101"}, Reason: "legacy trail"}}},
		{"slashes, several ids, expiry", "main.tf", "resource \"a\" \"b\" {\n  policy = x // ctlint:ignore CT101,CT102 exp:2026-01-31 until migration\n}\n",
			[]Inline{{File: "main.tf", Line: 2, Column: 14, Rules: []string{"CT101", "CT102"}, Expires: "2026-01-31", Reason: "until migration"}}},
		{"spaces after commas and names", "t.yaml", "  # ctlint:ignore CT101, retention-too-short -- accepted risk\n",
			[]Inline{{File: "t.yaml", Line: 1, Column: 3, Rules: []string{"CT101", "retention-too-short"}, Reason: "accepted risk"}}},
		{"no reason", "main.tf", "#ctlint:ignore CT101\n",
			[]Inline{{File: "main.tf", Line: 1, Column: 1, Rules: []string{"CT101"}}}},
		{"no rule", "main.tf", "# ctlint:ignore\n",
			[]Inline{{File: "main.tf", Line: 1, Column: 1, Problem: "no rule ID after ctlint:ignore"}}},
		{"bad expiry", "main.tf", "# ctlint:ignore CT101 exp:tomorrow why\n",
			[]Inline{{File: "main.tf", Line: 1, Column: 1, Rules: []string{"CT101"}, Expires: "tomorrow", Reason: "why", Problem: `exp: want YYYY-MM-DD, got "tomorrow"`}}},
		{"inside a string", "main.tf", "  name = \"x # ctlint:ignore CT101 r\"\n", nil},
		{"inside single quotes in yaml", "t.yml", "  Name: 'x # ctlint:ignore CT101 r'\n", nil},
		{"after a closed string", "main.tf", "  name = \"x\" # ctlint:ignore CT101 r\n",
			[]Inline{{File: "main.tf", Line: 1, Column: 14, Rules: []string{"CT101"}, Reason: "r"}}},
		{"marker in a string, then a comment", "main.tf", "  name = \"# ctlint:ignore\" # ctlint:ignore CT101 r\n",
			[]Inline{{File: "main.tf", Line: 1, Column: 28, Rules: []string{"CT101"}, Reason: "r"}}},
		{"crlf", "main.tf", "a = 1\r\n# ctlint:ignore CT101 r\r\n",
			[]Inline{{File: "main.tf", Line: 2, Column: 1, Rules: []string{"CT101"}, Reason: "r"}}},
		{"not a marker", "main.tf", "# ctlint:ignored CT101 r\n# see ctlint:ignore docs\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScanInline(tt.file, []byte(tt.src))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ScanInline =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

// FuzzScanInline checks that every comment found lies on a line of the
// input, at a column inside it where the marker is, and is either well
// formed (rules and no problem) or says what is wrong.
func FuzzScanInline(f *testing.F) {
	for _, s := range []string{
		"# ctlint:ignore CT101 reason\n",
		"x = \"a\" // ctlint:ignore CT101,CT102 exp:2026-01-01 r\n",
		"'# ctlint:ignore CT1' # ctlint:ignore a, b ,c\n",
		"\"\\\"# ctlint:ignore CT101\n",
	} {
		f.Add("main.tf", s)
		f.Add("t.yaml", s)
	}
	f.Fuzz(func(t *testing.T, file, src string) {
		lines := strings.Split(src, "\n")
		for _, in := range ScanInline(file, []byte(src)) {
			if in.Line < 1 || in.Line > len(lines) {
				t.Fatalf("line %d outside 1..%d", in.Line, len(lines))
			}
			line := lines[in.Line-1]
			if in.Column < 1 || in.Column > len(line) || !strings.Contains(line[in.Column-1:], "ctlint:ignore") {
				t.Fatalf("column %d does not point at the marker in %q", in.Column, line)
			}
			if in.Problem == "" && len(in.Rules) == 0 {
				t.Fatalf("no rules and no problem: %+v", in)
			}
			for _, r := range in.Rules {
				if r == "" || strings.ContainsAny(r, ", \t") {
					t.Fatalf("bad rule token %q", r)
				}
			}
		}
	})
}
