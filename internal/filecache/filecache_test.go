package filecache

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestPutThenGet(t *testing.T) {
	c := New(filepath.Join(t.TempDir(), "sub", "dir"))
	if _, ok := c.Get("rules-a"); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put("rules-a", []byte("payload")); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get("rules-a")
	if !ok || string(got) != "payload" {
		t.Fatalf("Get = %q, %v; want payload, true", got, ok)
	}
	info, err := os.Stat(c.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("cache directory mode %v, want 0700", perm)
	}
}

func TestDamagedEntriesMiss(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	if err := c.Put("rules-a", []byte("some payload")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "rules-a")
	whole, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(whole)
	flipped[len(flipped)-1] ^= 1
	for name, data := range map[string][]byte{
		"empty":           {},
		"magic only":      whole[:len(magic)],
		"truncated":       whole[:len(whole)-1],
		"payload flipped": flipped,
		"other magic":     append([]byte("ctlint-cache-v0\n"), whole[len(magic):]...),
		"extra byte":      append(bytes.Clone(whole), 0),
	} {
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get("rules-a"); ok {
			t.Errorf("%s: Get = %q, true; want a miss", name, got)
		}
	}
}

func TestDisabledCache(t *testing.T) {
	c := New("")
	if err := c.Put("rules-a", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("rules-a"); ok {
		t.Fatal("a disabled cache hit")
	}
}

func TestNamesStayInTheDirectory(t *testing.T) {
	c := New(t.TempDir())
	for _, name := range []string{"", "../x", "a/b", ".hidden", `a\b`, "a b"} {
		if err := c.Put(name, []byte("x")); err == nil {
			t.Errorf("Put(%q) succeeded; want an error", name)
		}
		if _, ok := c.Get(name); ok {
			t.Errorf("Get(%q) hit", name)
		}
	}
}

func TestPutRemovesStaleEntriesOfItsKind(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	old := time.Now().Add(-staleAfter - time.Hour)
	for _, name := range []string{"rules-old", "rules-recent", "other-old", "rules-x.tmp-123"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name != "rules-recent" {
			if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := c.Put("rules-new", []byte("x")); err != nil {
		t.Fatal(err)
	}
	var left []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"other-old", "rules-new", "rules-recent"}
	if !slices.Equal(left, want) {
		t.Fatalf("entries after Put: %v, want %v", left, want)
	}
}

// An entry that is read is not pruned: Get refreshes an old entry's
// modification time, so a Put that prunes keeps it.
func TestGetKeepsAnEntry(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	if err := c.Put("r-read", []byte("payload")); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-staleAfter - time.Hour)
	path := filepath.Join(dir, "r-read")
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get("r-read"); !ok || string(got) != "payload" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	// A new Cache prunes on its first Put, as the next process would.
	if err := New(dir).Put("r-other", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("r-read"); !ok {
		t.Fatal("an entry read after it went stale was pruned")
	}
}

// Pruning reads the whole directory, so a Cache does it once per prefix: a
// process writing one entry per document must not read the directory per
// document.
func TestPutPrunesOncePerPrefix(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	old := time.Now().Add(-staleAfter - time.Hour)
	stale := func(name string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, old, old); err != nil {
			t.Fatal(err)
		}
	}
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(dir, name))
		return err == nil
	}
	stale("r-old1")
	if err := c.Put("r-a", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if exists("r-old1") {
		t.Fatal("the first Put of prefix r left a stale entry")
	}
	stale("r-old2")
	stale("rules-old")
	if err := c.Put("r-b", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if !exists("r-old2") {
		t.Fatal("the second Put of prefix r read the directory again")
	}
	if err := c.Put("rules-new", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if exists("rules-old") {
		t.Fatal("the first Put of prefix rules left a stale entry")
	}
	if !exists("r-old2") {
		t.Fatal("a Put of prefix rules pruned prefix r")
	}
}

// Processes that start together all miss and write the same entry; a
// reader must see either no entry or a whole one.
func TestConcurrentWritersAndReaders(t *testing.T) {
	c := New(t.TempDir())
	payload := bytes.Repeat([]byte("0123456789"), 100_000)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if err := c.Put("rules-a", payload); err != nil {
				t.Error(err)
			}
		})
		wg.Go(func() {
			for range 20 {
				if got, ok := c.Get("rules-a"); ok && !bytes.Equal(got, payload) {
					t.Error("read a partial entry")
					return
				}
			}
		})
	}
	wg.Wait()
	entries, err := os.ReadDir(c.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("%d files left, want the entry alone", len(entries))
	}
}
