package eval

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/version"

	"github.com/ctlint/ctlint/internal/eval/astcodec"
	"github.com/ctlint/ctlint/internal/filecache"
	"github.com/ctlint/ctlint/policies"
)

// Parsing and compiling the built-in rules is most of a one-file run
// (BENCHMARKS.md), and its result depends only on the rules' sources and
// the code that compiles them. So the compiled modules are kept in a cache
// entry (Options.CacheDir) and the next process decodes them instead: it
// runs only the compiler stages that build the rule trees and indices,
// which are kept in the compiler rather than in the modules.
//
// The entry's name is a hash of everything the compiled form depends on:
// the rule sources, the declarations of ctlint's builtins, the OPA version,
// the codec's format, the stages skipped, ctlint's build and the number of
// parts. A changed input is a different entry, never a stale one; a
// damaged entry is a miss (filecache checks a SHA-256 of it), and an entry
// that does not decode or compile is a miss too.

// cacheRecipe names how this file turns sources into an entry; change it
// when that changes in a way the key does not already cover.
const cacheRecipe = "ctlint compiled rules v1"

// compiledStages are the stages run on decoded modules: the ones that
// build state the compiler keeps beside the modules (local variable
// numbering for the queries compiled later, the module and rule trees,
// rule and comprehension indices). Every other stage already ran when the
// entry was written.
var compiledStages = map[ast.StageID]bool{
	ast.StageInitLocalVarGen:           true,
	ast.StageSetModuleTree:             true,
	ast.StageSetRuleTree:               true,
	ast.StageBuildRuleIndices:          true,
	ast.StageBuildComprehensionIndices: true,
}

// allStages lists every stage of the OPA compiler, in order, so that the
// ones compiledStages does not name can be skipped. A stage a newer OPA
// adds runs on decoded modules until it is listed here: slower, never
// wrong; TestCachedRulesCompileAlike fails until it is listed.
var allStages = []ast.StageID{
	ast.StageResolveRefs,
	ast.StageCheckUnusedImports,
	ast.StageInitLocalVarGen,
	ast.StageRewriteRuleHeadRefs,
	ast.StageCheckKeywordOverrides,
	ast.StageCheckDuplicateImports,
	ast.StageRemoveImports,
	ast.StageSetModuleTree,
	ast.StageSetRuleTree,
	ast.StageRewriteLocalVars,
	ast.StageRewriteTemplateStrings,
	ast.StageCheckVoidCalls,
	ast.StageRewritePrintCalls,
	ast.StageRewriteExprTerms,
	ast.StageParseMetadataBlocks,
	ast.StageSetAnnotationSet,
	ast.StageRewriteRegoMetadataCalls,
	ast.StageSetGraph,
	ast.StageRewriteComprehensionTerms,
	ast.StageRewriteRefsInHead,
	ast.StageRewriteWithValues,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads,
	ast.StageCheckSafetyRuleBodies,
	ast.StageRewriteEquals,
	ast.StageRewriteDynamicTerms,
	ast.StageRewriteTestRulesForTracing,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRuleIndices,
	ast.StageBuildComprehensionIndices,
	ast.StageBuildRequiredCapabilities,
}

// builtinCompilers returns the built-in rules compiled in parts, and their
// metadata: from the cache when it holds them, else compiled (and then
// stored for the next process). fromCache says which; key is the rules'
// builtinKey, "" when there is no cache.
func builtinCompilers(parts int, cache *filecache.Cache) (compilers []*ast.Compiler, rules []*Rule, key string, fromCache bool, err error) {
	parts = partsFor(parts)
	var name string
	if cache.Dir() != "" {
		if key, err = builtinKey(policies.FS); err != nil {
			return nil, nil, "", false, err
		}
		name = fmt.Sprintf("rules-%s-p%d", key[:32], parts)
		if data, ok := cache.Get(name); ok {
			if compilers, rules, err := decodeCompiled(data); err == nil {
				return compilers, rules, key, true, nil
			}
		}
	}
	modules, err := LoadModules(nil, false)
	if err != nil {
		return nil, nil, "", false, err
	}
	compilers, indexed, err := compileBuiltinParts(modules, parts)
	if err != nil {
		return nil, nil, "", false, err
	}
	if rules, err = rulesFromAnnotations(compilers); err != nil {
		return nil, nil, "", false, err
	}
	if name != "" {
		// Not storing is only slower next time, so a failure (a
		// read-only home directory) does not fail the run.
		if data, err := encodeCompiled(compilers, indexed, rules); err == nil {
			_ = cache.Put(name, data)
		}
	}
	return compilers, rules, key, false, nil
}

// builtinKey hashes everything the compiled built-in rules depend on;
// sources are the rules' sources (policies.FS).
func builtinKey(sources fs.FS) (string, error) {
	h := newKeyHash()
	field := h.field
	field(cacheRecipe)
	field(fmt.Sprint(astcodec.FormatVersion))
	field(version.Version)
	if info, ok := debug.ReadBuildInfo(); ok {
		// A release is keyed by its version; a development build by
		// its commit (and whether the tree was modified), which covers
		// changes to how the rules are compiled that nothing else here
		// names.
		field(info.Main.Version)
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				field(s.Key + "=" + s.Value)
			}
		}
	}
	for _, s := range verifiedStages {
		field(string(s))
	}
	// The metadata's layout: a field added to Rule or cachedRule must not
	// be read as empty from an entry written before it existed.
	for _, t := range []reflect.Type{reflect.TypeFor[Rule](), reflect.TypeFor[cachedRule]()} {
		for i := range t.NumField() {
			f := t.Field(i)
			field(f.Name + " " + f.Type.String() + " " + string(f.Tag))
		}
	}
	// ctlint's builtins: their declarations shape the compiled calls.
	for _, b := range ast.Builtins {
		if strings.HasPrefix(b.Name, "ctlint.") {
			field(b.Name + " " + b.Decl.String())
		}
	}
	err := fs.WalkDir(sources, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isRego(p, false) {
			return err
		}
		src, err := fs.ReadFile(sources, p)
		if err != nil {
			return err
		}
		field(p)
		field(string(src))
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("hash built-in rules: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// keyHash hashes a sequence of fields for a cache key; each field is
// length-prefixed, so that no two sequences hash the same bytes.
type keyHash struct{ hash.Hash }

func newKeyHash() keyHash { return keyHash{sha256.New()} }

func (h keyHash) field(s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	h.Write([]byte(s))
}

// cachedRule is a Rule as stored in a cache entry: its JSON form plus the
// fields that form leaves out, since the entry replaces reading the
// METADATA.
type cachedRule struct {
	*Rule
	Dir          string            `json:"dir"`
	Location     string            `json:"location"`
	NoBadExample map[string]string `json:"no_bad_example"`
	Part         int               `json:"part"`
}

// encodeCompiled writes the rules' metadata and each part's compiled
// modules: a length-prefixed JSON array of cachedRule, the number of
// parts, then per part whether it has indexed comprehensions (a byte) and
// its astcodec encoding, length-prefixed.
func encodeCompiled(compilers []*ast.Compiler, indexed []bool, rules []*Rule) ([]byte, error) {
	meta := make([]cachedRule, len(rules))
	for i, r := range rules {
		meta[i] = cachedRule{Rule: r, Dir: r.Dir, Location: r.Location, NoBadExample: r.NoBadExample, Part: r.part}
	}
	js, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	out := binary.AppendUvarint(nil, uint64(len(js)))
	out = append(out, js...)
	out = binary.AppendUvarint(out, uint64(len(compilers)))
	for i, c := range compilers {
		enc, err := astcodec.Encode(c.Modules)
		if err != nil {
			return nil, err
		}
		flag := byte(0)
		if indexed[i] {
			flag = 1
		}
		out = append(out, flag)
		out = binary.AppendUvarint(out, uint64(len(enc)))
		out = append(out, enc...)
	}
	return out, nil
}

// decodeCompiled reads what encodeCompiled wrote and builds one compiler
// per part, in parallel.
func decodeCompiled(data []byte) ([]*ast.Compiler, []*Rule, error) {
	next := func() ([]byte, error) {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return nil, errors.New("truncated cache entry")
		}
		b := data[k : k+int(n)]
		data = data[k+int(n):]
		return b, nil
	}
	js, err := next()
	if err != nil {
		return nil, nil, err
	}
	var meta []cachedRule
	if err := json.Unmarshal(js, &meta); err != nil {
		return nil, nil, err
	}
	parts, k := binary.Uvarint(data)
	if k <= 0 || parts == 0 || parts > maxParts {
		return nil, nil, errors.New("cache entry: bad part count")
	}
	data = data[k:]
	blobs := make([][]byte, parts)
	indexed := make([]bool, parts)
	for i := range blobs {
		if len(data) == 0 || data[0] > 1 {
			return nil, nil, errors.New("cache entry: bad part")
		}
		indexed[i], data = data[0] == 1, data[1:]
		if blobs[i], err = next(); err != nil {
			return nil, nil, err
		}
	}
	if len(data) != 0 {
		return nil, nil, errors.New("cache entry: trailing bytes")
	}
	rules := make([]*Rule, len(meta))
	for i, m := range meta {
		if m.Rule == nil || m.Part < 0 || m.Part >= int(parts) {
			return nil, nil, fmt.Errorf("cache entry: rule %d: no rule or bad part", i)
		}
		r := m.Rule
		r.Dir, r.Location, r.NoBadExample, r.part = m.Dir, m.Location, m.NoBadExample, m.Part
		rules[i] = r
	}
	compilers := make([]*ast.Compiler, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i, blob := range blobs {
		wg.Go(func() { compilers[i], errs[i] = compileDecoded(blob, indexed[i]) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	return compilers, rules, nil
}

// compileDecoded decodes one part's compiled modules and runs the stages
// that rebuild the compiler's own state; indexed says whether the part
// has comprehensions to index.
func compileDecoded(blob []byte, indexed bool) (*ast.Compiler, error) {
	modules, err := astcodec.Decode(blob)
	if err != nil {
		return nil, err
	}
	c := decodedCompiler(indexed)
	c.Compile(modules)
	if c.Failed() {
		return nil, &CompileError{Errors: c.Errors}
	}
	return c, nil
}

// decodedCompiler is a compiler for modules that were compiled before:
// it runs compiledStages only, and builds comprehension indices only if
// the first compilation built some (walking every body to find none costs
// a quarter of loading the built-in rules).
func decodedCompiler(indexed bool) *ast.Compiler {
	var skip []ast.StageID
	for _, s := range allStages {
		if !compiledStages[s] || s == ast.StageBuildComprehensionIndices && !indexed {
			skip = append(skip, s)
		}
	}
	return ast.NewCompiler().
		WithDefaultRegoVersion(ast.RegoV1).
		WithEnablePrintStatements(false).
		WithSkipStages(skip...)
}
