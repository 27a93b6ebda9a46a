// Package filecache keeps whole-file entries in a directory: a value is
// written once, atomically, and read back only if it is intact.
//
// It is a cache, so every failure is a miss: a missing, unreadable,
// truncated or altered entry reads as absent, and a failed write leaves
// nothing behind. Callers name entries by a key that covers everything the
// value depends on; an entry is never updated in place.
package filecache

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// magic starts every entry; the SHA-256 of the payload follows it, so a
// partly written or altered entry is detected before it is used.
const magic = "ctlint-cache-v1\n"

// staleAfter is how long an entry that nobody wrote or read is kept:
// entries are keyed by version, so after an upgrade the old ones are never
// read again.
const staleAfter = 30 * 24 * time.Hour

// Cache is a directory of entries. The zero value is a disabled cache. It is
// safe for concurrent use.
type Cache struct {
	dir string
	// writing lets one Put write at a time: creating files in one
	// directory from several goroutines contends in the file system
	// (measured: five times the CPU of creating them one after the other),
	// while a goroutine waiting here waits for one small write.
	writing sync.Mutex
	// made says the directory was created (or found) by an earlier Put,
	// and pruned holds the prefixes whose stale entries were removed:
	// pruning reads the whole directory, which a process writing thousands
	// of entries must not do on every Put. Both are guarded by writing.
	made   bool
	pruned map[string]bool
}

// New returns a cache in dir; dir is created on the first Put. An empty dir
// disables the cache: Get always misses and Put does nothing.
func New(dir string) *Cache { return &Cache{dir: dir} }

// Dir is the cache's directory ("" when disabled).
func (c *Cache) Dir() string { return c.dir }

// Get returns the payload stored under name, or false when there is no
// intact entry. An entry that is read is kept: one older than half the
// stale age gets a fresh modification time, so that pruning removes only
// entries nobody reads.
func (c *Cache) Get(name string) ([]byte, bool) {
	if c.dir == "" || !validName(name) {
		return nil, false
	}
	path := filepath.Join(c.dir, name)
	data, modified, err := readFile(path)
	if err != nil || len(data) < len(magic)+sha256.Size || string(data[:len(magic)]) != magic {
		return nil, false
	}
	sum, payload := data[len(magic):len(magic)+sha256.Size], data[len(magic)+sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	// Writing the time happens about once a fortnight per entry read.
	if time.Since(modified) >= staleAfter/2 {
		now := time.Now()
		_ = os.Chtimes(path, now, now)
	}
	return payload, true
}

// readFile reads the file at path and tells when it was last modified, from
// the one open file (os.ReadFile and os.Stat would look the path up twice).
func readFile(path string) ([]byte, time.Time, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	var b bytes.Buffer
	b.Grow(int(info.Size()) + bytes.MinRead)
	_, err = b.ReadFrom(f)
	return b.Bytes(), info.ModTime(), err
}

// Put stores payload under name. The entry appears whole or not at all
// (written to a temporary file, then renamed), so concurrent processes
// never read half an entry. On the first Put of each prefix (the part of
// the name before the first '-'), entries with that prefix that were
// neither written nor read (see Get) for 30 days are removed.
func (c *Cache) Put(name string, payload []byte) error {
	if c.dir == "" {
		return nil
	}
	if !validName(name) {
		return fmt.Errorf("cache entry name %q: want letters, digits, '-' and '.'", name)
	}
	c.writing.Lock()
	defer c.writing.Unlock()
	if !c.made {
		if err := os.MkdirAll(c.dir, 0o700); err != nil {
			return fmt.Errorf("cache: %w", err)
		}
		c.made = true
	}
	tmp, err := os.CreateTemp(c.dir, name+".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	sum := sha256.Sum256(payload)
	_, werr := tmp.Write(append(append([]byte(magic), sum[:]...), payload...))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("cache: write %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(c.dir, name)); err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	c.prune(name)
	return nil
}

// prune removes stale entries that share kept's prefix, and temporary
// files a killed process left behind. Put calls it holding writing.
func (c *Cache) prune(kept string) {
	prefix, _, _ := strings.Cut(kept, "-")
	if c.pruned[prefix] {
		return
	}
	if c.pruned == nil {
		c.pruned = map[string]bool{}
	}
	c.pruned[prefix] = true
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if name == kept || !strings.HasPrefix(name, prefix+"-") {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		_ = os.Remove(filepath.Join(c.dir, name))
	}
}

// validName keeps entry names to one plain path element.
func validName(name string) bool {
	if name == "" || name[0] == '.' {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}
