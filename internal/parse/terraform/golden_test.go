package terraform

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden pins the whole document of each fixture, so that any change in
// what the parser produces is seen in review. Run with -update to accept.
func TestGolden(t *testing.T) {
	for _, dir := range []string{"seed001", "seed001_document", "seed001_heredoc", "seed001_file", "modules/root"} {
		t.Run(dir, func(t *testing.T) {
			doc, errs := Parse(os.DirFS("testdata"), Options{Dir: dir})
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(dir, "/", "_")+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("document differs from %s (run with -update to accept):\n%s", golden, got)
			}
		})
	}
}
