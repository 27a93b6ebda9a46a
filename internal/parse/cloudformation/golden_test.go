package cloudformation

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden compares the summary of every fixture template with its golden
// file. Run with -update after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	fixtures := []string{
		"testdata/trail.yaml",
		"testdata/trail.json",
		"testdata/conditional-policy.yaml",
		"testdata/cdk.out/AuditStack.template.json",
		"testdata/intrinsics.yaml",
		"testdata/bucket-settings.yaml",
		"testdata/selectors.yaml",
		"testdata/anchors.yaml",
	}
	for _, path := range fixtures {
		t.Run(path, func(t *testing.T) {
			var b strings.Builder
			for _, d := range parseFile(t, path, Options{}) {
				b.WriteString(summary(d))
				b.WriteString("--\n")
			}
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(strings.TrimPrefix(path, "testdata/"), "/", "_")+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			diffLines(t, b.String(), string(want))
		})
	}
}
