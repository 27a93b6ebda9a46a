package eval

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/ctlint/ctlint/internal/filecache"
)

// Rules read nothing but their input, so what the built-in rules answer for
// a document is a function of three things: the document's Rego input, the
// rules, and ctlint's own code (its builtins and IAM engine). The answers
// are therefore kept in a cache entry named by a hash of all three, and a
// later run over an unchanged document reads them back instead of
// evaluating the rules again. A repository linted again after a small
// change (a pre-commit hook running on `.`, a pull-request check that keeps
// its cache) evaluates only the documents that changed; evaluation is most
// of a run (BENCHMARKS.md).
//
// An entry holds the rules' raw report and undecided entries, from which
// Eval still makes the findings, so rule metadata is applied afresh, as are
// everything after Eval: suppressions, the baseline, severity settings.
//
// Custom rules are never cached: they are compiled with the built-in ones
// and may define anything, so an engine with custom rules keeps no results.
// A failed evaluation (an error, a timeout) is not stored, so it is tried
// again by the next run.

// resultsRecipe names how this file turns answers into entries; change it
// when the entry's form or the key's fields change.
const resultsRecipe = "ctlint rule results v1"

// resultCache keeps the built-in rules' answers per document. A nil
// *resultCache is a disabled cache (getOrEval only evaluates).
type resultCache struct {
	files *filecache.Cache
	// key hashes everything an entry depends on but the input.
	key []byte
	// hits and misses count lookups, for tests.
	hits, misses atomic.Int64
}

// newResultCache returns the result cache in dir for the built-in rules
// whose compiled form is keyed by rulesKey (builtinKey), or nil when dir or
// rulesKey is empty or the running executable cannot be identified.
func newResultCache(dir, rulesKey string) *resultCache {
	if dir == "" || rulesKey == "" {
		return nil
	}
	stamp, ok := executableStamp()
	if !ok {
		return nil
	}
	h := newKeyHash()
	h.field(resultsRecipe)
	h.field(rulesKey)
	h.field(stamp)
	return &resultCache{files: filecache.New(filepath.Join(dir, "results")), key: h.Sum(nil)}
}

// executableStamp identifies the running build by its executable's size and
// modification time. rulesKey names a development build only by its commit,
// and an uncommitted change to the IAM engine changes answers without
// changing the rules; a rebuilt executable is a new file, so its answers
// are never read by another build.
func executableStamp() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%d %d", info.Size(), info.ModTime().UnixNano()), true
}

// name is the entry name for a document with this input. The whole input
// is hashed, positions and file names included, so two documents share an
// entry only when the rules cannot tell them apart.
func (c *resultCache) name(input ast.Value) string {
	bp := hashBuffers.Get().(*[]byte)
	buf := appendValue(append((*bp)[:0], c.key...), input)
	sum := sha256.Sum256(buf)
	*bp = buf
	hashBuffers.Put(bp)
	return "r-" + hex.EncodeToString(sum[:])
}

// hashBuffers keeps name's buffers: a document's input encodes to tens of
// kilobytes, and a run names every document.
var hashBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// appendValue appends an encoding of v to buf for hashing, without printing
// it (printing costs several times more, and so do many small writes to the
// hash): each value is a type tag followed by its content, strings and
// collections length-prefixed, so that two different values never encode
// the same. Objects are encoded in their order, which Input makes
// deterministic.
func appendValue(buf []byte, v ast.Value) []byte {
	switch x := v.(type) {
	case ast.Null:
		return appendTag(buf, 'n', 0)
	case ast.Boolean:
		if x {
			return appendTag(buf, 't', 0)
		}
		return appendTag(buf, 'f', 0)
	case ast.Number:
		return appendText(buf, '#', string(x))
	case ast.String:
		return appendText(buf, 's', string(x))
	case *ast.Array:
		n := x.Len()
		buf = appendTag(buf, 'a', n)
		for i := range n {
			buf = appendValue(buf, x.Elem(i).Value)
		}
		return buf
	case ast.Object:
		buf = appendTag(buf, 'o', x.Len())
		x.Foreach(func(k, t *ast.Term) {
			buf = appendValue(buf, k.Value)
			buf = appendValue(buf, t.Value)
		})
		return buf
	default:
		// Input builds none of the others (sets, refs, ...); encode
		// their text all the same rather than nothing.
		return appendText(buf, '?', v.String())
	}
}

func appendTag(buf []byte, kind byte, n int) []byte {
	return binary.AppendUvarint(append(buf, kind), uint64(n))
}

func appendText(buf []byte, kind byte, s string) []byte {
	return append(appendTag(buf, kind, len(s)), s...)
}

// storedResults is the JSON form of an entry. Entries are decoded with
// json.Number for numbers, as OPA hands them over, so a finding made from
// an entry equals one made from an evaluation.
type storedResults struct {
	Report    []ruleEntry `json:"report"`
	Undecided []ruleEntry `json:"undecided"`
}

// get returns the answers stored under name; ok is false on a miss, and an
// entry that does not decode is a miss.
func (c *resultCache) get(name string) (report, undecided []ruleEntry, ok bool) {
	data, ok := c.files.Get(name)
	if ok {
		var s storedResults
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&s); err == nil {
			c.hits.Add(1)
			return s.Report, s.Undecided, true
		}
	}
	c.misses.Add(1)
	return nil, nil, false
}

// put stores the answers under name. Not storing only makes the next run
// evaluate again, so failures (a read-only cache directory) are ignored.
func (c *resultCache) put(name string, report, undecided []ruleEntry) {
	data, err := json.Marshal(storedResults{Report: report, Undecided: undecided})
	if err != nil {
		return
	}
	_ = c.files.Put(name, data)
}

// builtinResults returns the built-in rules' answers for input: from the
// result cache when it holds them, else evaluated (and then stored).
func (e *Engine) builtinResults(ctx context.Context, input ast.Value) (report, undecided []ruleEntry, err error) {
	return e.results.getOrEval(input, func() ([]ruleEntry, []ruleEntry, error) { return e.evalRules(ctx, input) })
}

// getOrEval returns the answers stored for input, or those of evaluate,
// which are stored unless it fails. A nil cache only evaluates.
func (c *resultCache) getOrEval(input ast.Value, evaluate func() (report, undecided []ruleEntry, err error)) (report, undecided []ruleEntry, err error) {
	if c == nil {
		return evaluate()
	}
	name := c.name(input)
	if report, undecided, ok := c.get(name); ok {
		return report, undecided, nil
	}
	if report, undecided, err = evaluate(); err != nil {
		return nil, nil, err
	}
	c.put(name, report, undecided)
	return report, undecided, nil
}
