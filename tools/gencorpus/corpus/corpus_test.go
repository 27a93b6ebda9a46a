package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// digest hashes every file of a corpus of n modules, names and contents.
func digest(t *testing.T, n int) string {
	t.Helper()
	h := sha256.New()
	err := Each(n, func(f File) error {
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(f.Data)
		h.Write([]byte{0})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestSameArgumentsSameBytes(t *testing.T) {
	if a, b := digest(t, 50), digest(t, 50); a != b {
		t.Fatalf("two corpora of 50 modules differ: %s vs %s", a, b)
	}
	if digest(t, 50) == digest(t, 51) {
		t.Fatal("a different module count produced the same corpus")
	}
}

func TestWriteMatchesEach(t *testing.T) {
	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		n, err := Write(d, 10)
		if err != nil {
			t.Fatal(err)
		}
		// 10 modules: 4 Terraform files each, plus 2 templates in modules 0 and 5.
		if n != 44 {
			t.Fatalf("Write(10) wrote %d files, want 44", n)
		}
	}
	want := map[string]string{}
	if err := Each(10, func(f File) error { want[f.Path] = string(f.Data); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		got := map[string]string{}
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(d, p)
			got[filepath.ToSlash(rel)] = string(data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d files on disk, want %d", len(got), len(want))
		}
		for p, data := range want {
			if got[p] != data {
				t.Errorf("%s on disk differs from Each", p)
			}
		}
	}
}

func TestFilesPerModule(t *testing.T) {
	counts := map[string]int{}
	if err := Each(1000, func(f File) error { counts[filepath.Ext(f.Path)]++; return nil }); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{".tf": 4000, ".json": 200, ".yaml": 200}
	for ext, n := range want {
		if counts[ext] != n {
			t.Errorf("%d %s files, want %d", counts[ext], ext, n)
		}
	}
}

// TestVariantsMix checks that the corpus has clean and broken modules: the
// benchmarks should measure rules that find something and rules that pass.
func TestVariantsMix(t *testing.T) {
	var clean, broken int
	for i := range 100 {
		v := variantOf(i)
		if v == (variant{}) {
			clean++
		} else {
			broken++
		}
	}
	if clean == 0 || broken == 0 {
		t.Fatalf("clean %d, broken %d: want both", clean, broken)
	}
	var tls, noTLS int
	_ = Each(4, func(f File) error {
		if strings.HasSuffix(f.Path, "/policy.tf") {
			if strings.Contains(string(f.Data), "aws:SecureTransport") {
				tls++
			} else {
				noTLS++
			}
		}
		return nil
	})
	if tls != 2 || noTLS != 2 {
		t.Errorf("modules 0-3: %d with a TLS deny, %d without; want 2 and 2", tls, noTLS)
	}
}
