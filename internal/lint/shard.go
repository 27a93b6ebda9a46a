package lint

import (
	"fmt"
	"hash/fnv"
	"path"
	"strconv"
	"strings"

	"github.com/ctlint/ctlint/internal/parse"
)

// Shard selects a deterministic part of the scopes of a run, so that N jobs
// (a CI matrix) lint a repository together, each scope exactly once: scope s
// belongs to shard K of N when FNV-1a(display path of s) mod N == K-1. The
// display path is the one findings use, so every job must be given the same
// paths from the same directory. Hashing paths rather than dealing scopes
// out in order keeps a scope in its shard when others are added or removed.
type Shard struct {
	Index int // 1-based: 1 <= Index <= Count
	Count int
}

// ParseShard reads "K/N" (--shard).
func ParseShard(s string) (Shard, error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("want K/N (for example 2/4), got %q", s)
	}
	sh := Shard{Index: k, Count: n}
	if n < 1 || k < 1 || k > n {
		return Shard{}, fmt.Errorf("want 1 <= K <= N, got %d/%d", k, n)
	}
	return sh, nil
}

// String returns "K/N".
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// all reports whether s selects everything (the zero Shard does).
func (s Shard) all() bool { return s.Count <= 1 }

// selects reports whether the scope or file named key belongs to s.
func (s Shard) selects(key string) bool {
	if s.all() {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32()%uint32(s.Count)) == s.Index-1
}

// key is the name a scope is sharded by: the path findings show for it.
func (sc scope) key() string {
	if sc.file != nil {
		return sc.file.Path
	}
	return path.Join(sc.display, sc.dir)
}

// filter keeps the scopes of shard s, and the discovery errors of files in
// it, so that an unreadable file is reported by one job, not by all.
func (s Shard) filter(scopes []scope, errs []*parse.Error) ([]scope, []*parse.Error) {
	if s.all() {
		return scopes, errs
	}
	var keptScopes []scope
	for _, sc := range scopes {
		if s.selects(sc.key()) {
			keptScopes = append(keptScopes, sc)
		}
	}
	var keptErrs []*parse.Error
	for _, e := range errs {
		if s.selects(e.File) {
			keptErrs = append(keptErrs, e)
		}
	}
	return keptScopes, keptErrs
}
