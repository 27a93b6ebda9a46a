// Package lint runs ctlint over paths: it discovers scopes (Terraform module
// directories and single files), parses them in parallel, evaluates the rules
// over each document and collects findings and errors in a deterministic
// order. It is the one place that knows every input format.
package lint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/model"
	"github.com/ctlint/ctlint/internal/parse"
	"github.com/ctlint/ctlint/internal/parse/cloudformation"
	"github.com/ctlint/ctlint/internal/parse/policyjson"
	"github.com/ctlint/ctlint/internal/parse/terraform"
)

// DefaultMaxFileSize is the largest input read (--max-file-size).
const DefaultMaxFileSize = 10 << 20

// Kinds are the values Options.Kind takes besides "" (detect from the
// content): the scope kinds, then the policyjson kinds.
var Kinds = []string{
	kindTerraform, kindCloudFormation, kindPlan,
	"bucket-policy", "key-policy", "lifecycle", "trail",
	"public-access-block", "encryption", "policy",
}

// checked returns o with the defaults Run and Content share filled in, or
// an error for options no input could be linted with.
func (o Options) checked() (Options, error) {
	if o.Engine == nil {
		return o, errors.New("lint: no rule engine")
	}
	if o.Kind != "" && !slices.Contains(Kinds, o.Kind) {
		// Not an error per file: every file would fail the same way,
		// and Terraform directories would be linted regardless.
		return o, fmt.Errorf("unknown input kind %q (want one of %s)", o.Kind, strings.Join(Kinds, ", "))
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.RetentionDays == 0 {
		o.RetentionDays = 365
	}
	if o.LogBucketScope == "" {
		o.LogBucketScope = "cloudtrail"
	}
	return o, nil
}

// Options configure a run.
type Options struct {
	Engine *eval.Engine
	// Kind forces how single files and stdin are read: "" (detect) or
	// one of Kinds.
	Kind           string
	RetentionDays  int
	LogBucketScope string // "cloudtrail" or "all"
	MaxFileSize    int64
	Workers        int
	Stdin          io.Reader
	// Terraform
	VarFiles []string
	Vars     map[string]string
	// NoFileFunctions disables Terraform file functions (serve mode).
	NoFileFunctions bool
	// CloudFormation
	Parameters map[string]string
	// Timeout bounds the evaluation of one scope (0: none).
	Timeout time.Duration
	// Progress, if set, is called after each scope with the number of
	// scopes done and the total (from several goroutines, in any order).
	Progress func(done, total int)
	// Shard, if set, lints only the scopes of one shard (--shard K/N).
	Shard Shard
}

// Result is everything a run found.
type Result struct {
	Findings []finding.Finding
	Errors   []*parse.Error
	// Scopes and Files count what was linted.
	Scopes int
	Files  []string
	// Sources holds the content of single-file inputs read from stdin, for
	// reports that print source lines.
	Sources map[string][]byte
	// Suppressions declared in the inputs' structure (CloudFormation
	// Metadata), for the config package to apply.
	Suppressions []model.Suppression
}

// HasErrors reports whether any input failed (warnings do not count).
func (r *Result) HasErrors() bool {
	for _, e := range r.Errors {
		if !e.Warning {
			return true
		}
	}
	return false
}

type runner struct {
	opts Options

	mu           sync.Mutex
	suppressions []model.Suppression
	done         atomic.Int64
	rules        ruleTexts // shared by the findings kept until the end
}

// Run lints paths.
func Run(ctx context.Context, paths []string, opts Options) (*Result, error) {
	opts, err := opts.checked()
	if err != nil {
		return nil, err
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	r := &runner{opts: opts}
	scopes, errs := opts.Shard.filter(r.discover(paths))
	res := &Result{Errors: errs, Scopes: len(scopes), Sources: map[string][]byte{}}

	type outcome struct {
		findings keptFindings
		errs     []*parse.Error
		files    []string
	}
	outcomes := make([]outcome, len(scopes))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.Workers, max(len(scopes), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fs, es, files := r.lintScope(ctx, scopes[i])
				outcomes[i] = outcome{r.rules.keep(fs), es, files}
				scopes[i].release()
				r.scopeDone(len(scopes))
			}
		}()
	}
	for i := range scopes {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	perScopeFiles := make([][]string, len(outcomes))
	for i, o := range outcomes {
		perScopeFiles[i] = o.files
	}
	called := calledModules(scopes, perScopeFiles)
	total, nFiles := 0, 0
	for i, o := range outcomes {
		if !isCalledModule(scopes[i], called) {
			total += o.findings.len()
		}
		nFiles += len(o.files)
	}
	// Every finding of the run stays in memory until the report is written:
	// expand them into one slice of the exact size, dropping each scope's
	// kept findings as they are copied.
	res.Findings = make([]finding.Finding, 0, total)
	res.Files = make([]string, 0, nFiles)
	for i := range outcomes {
		o := &outcomes[i]
		if !isCalledModule(scopes[i], called) {
			res.Findings = o.findings.appendTo(res.Findings)
		}
		res.Errors = append(res.Errors, o.errs...)
		res.Files = append(res.Files, o.files...)
		if f := scopes[i].file; f != nil && f.Path == stdinName {
			res.Sources[stdinName] = f.Data
		}
		*o = outcome{}
	}
	finding.Sort(res.Findings)
	res.Findings = finding.Dedup(res.Findings)
	boundMessages(res)
	shareMessages(res.Findings)
	sortErrors(res.Errors)
	res.Files = dedupStrings(res.Files) // a called module's files are also its caller's
	res.Suppressions = r.collectedSuppressions()
	return res, ctx.Err()
}

// lintScope parses one scope and evaluates the rules on each of its
// documents. It never panics on input: a panic in a parser is turned into an
// error naming the scope, so that one bad file cannot stop a run.
func (r *runner) lintScope(ctx context.Context, sc scope) (fs []finding.Finding, errs []*parse.Error, files []string) {
	name := sc.display
	if sc.file != nil {
		name = sc.file.Path
	}
	defer func() {
		if p := recover(); p != nil {
			errs = append(errs, &parse.Error{File: name, Message: fmt.Sprintf("internal error while linting (please report): %v", p)})
		}
	}()
	if err := sc.load(r.opts.MaxFileSize); err != nil {
		return nil, []*parse.Error{err}, nil
	}
	docs, errs := r.parse(sc)
	r.keepSuppressions(docs)
	for _, d := range docs {
		d.Settings = model.Settings{RetentionDays: r.opts.RetentionDays, LogBucketScope: r.opts.LogBucketScope}
		files = append(files, d.Scope.Files...)
	}
	var perDoc [][]finding.Finding
	for _, d := range docs {
		ectx := ctx
		if r.opts.Timeout > 0 {
			var cancel context.CancelFunc
			ectx, cancel = context.WithTimeout(ctx, r.opts.Timeout)
			defer cancel()
		}
		got, err := r.opts.Engine.Eval(ectx, d)
		if err != nil {
			msg := err.Error()
			// OPA reports a cancelled evaluation as its own error, not as
			// the context's: ask the context.
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(ectx.Err(), context.DeadlineExceeded) {
				msg = fmt.Sprintf("evaluation took longer than --timeout (%s): %s", r.opts.Timeout, msg)
			}
			errs = append(errs, &parse.Error{File: name, Message: msg})
		}
		perDoc = append(perDoc, got)
	}
	return mergeVariants(docs, perDoc), errs, dedupStrings(files)
}

func (r *runner) parse(sc scope) ([]*model.Document, []*parse.Error) {
	switch sc.kind {
	case kindTerraform:
		return r.parseTerraform(sc)
	case "":
		sc.kind = r.detect(sc.file)
		if sc.kind == "" {
			return nil, []*parse.Error{{File: sc.file.Path, Message: "not a recognized input: expected a bucket policy, key policy, lifecycle, trail, public access block or encryption configuration (JSON), a CloudFormation template, a Terraform plan, or Terraform HCL (use --kind to say which)"}}
		}
		return r.parse(sc)
	case kindCloudFormation:
		return cloudformation.Parse(*sc.file, cloudformation.Options{Parameters: r.opts.Parameters})
	case kindPlan:
		return r.parsePlan(sc)
	default:
		doc, err := policyjson.Parse(*sc.file, policyjson.Options{Kind: policyJSONKind(r.opts.Kind)})
		if err != nil {
			return nil, []*parse.Error{asParseError(sc.file.Path, err)}
		}
		return []*model.Document{doc}, nil
	}
}

// detect decides how to read a single file: forced by --kind, else by content.
func (r *runner) detect(f *parse.File) string {
	switch r.opts.Kind {
	case "":
	case kindTerraform, kindCloudFormation, kindPlan:
		return r.opts.Kind
	default:
		return kindPolicyJSON
	}
	if cloudformation.Detect(f.Path, f.Data) {
		return kindCloudFormation
	}
	if detectPlan(f.Data) {
		return kindPlan
	}
	if _, ok := policyjson.Detect(f.Data); ok {
		return kindPolicyJSON
	}
	if f.Path == stdinName && looksLikeHCL(f.Data) {
		return kindTerraform
	}
	return ""
}

func policyJSONKind(k string) string {
	if k == kindPolicyJSON {
		return ""
	}
	return k
}

func (r *runner) parseTerraform(sc scope) ([]*model.Document, []*parse.Error) {
	fsys, closeFS, err := r.terraformFS(sc)
	if err != nil {
		return nil, []*parse.Error{{File: sc.display, Message: err.Error()}}
	}
	defer closeFS()
	doc, errs := terraform.Parse(fsys, terraform.Options{
		Dir:             sc.dir,
		DisplayPrefix:   sc.display,
		VarFiles:        r.opts.VarFiles,
		Vars:            r.opts.Vars,
		NoFileFunctions: r.opts.NoFileFunctions,
	})
	if doc == nil {
		return nil, errs
	}
	return []*model.Document{doc}, errs
}

func asParseError(file string, err error) *parse.Error {
	var pe *parse.Error
	if errors.As(err, &pe) {
		return pe
	}
	return &parse.Error{File: file, Message: err.Error()}
}

// mergeVariants combines the findings of a scope's variants (CloudFormation
// conditions that cannot be decided offline): a finding present in every
// variant is certain; one present in only some is reported once, marked
// possible, naming the variants it occurs in.
func mergeVariants(docs []*model.Document, perDoc [][]finding.Finding) []finding.Finding {
	if len(perDoc) == 1 {
		return perDoc[0]
	}
	type key struct {
		rule, file, msg string
		line, col       int
	}
	var order []key
	seen := map[key][]int{}
	first := map[key]finding.Finding{}
	for i, fs := range perDoc {
		for _, f := range fs {
			k := key{f.RuleID, f.File, f.Message, f.Line, f.Column}
			if _, ok := seen[k]; !ok {
				order = append(order, k)
				first[k] = f
			}
			if v := seen[k]; len(v) == 0 || v[len(v)-1] != i {
				seen[k] = append(v, i)
			}
		}
	}
	out := make([]finding.Finding, 0, len(order))
	for _, k := range order {
		f := first[k]
		if in := seen[k]; len(in) < len(perDoc) {
			f.Possible = true
			var names []string
			for _, i := range in {
				names = append(names, docs[i].Scope.Variant)
			}
			f.Message += " (possible: only when " + strings.Join(names, " or ") + ")"
		}
		out = append(out, f)
	}
	finding.Sort(out)
	return out
}

func sortErrors(errs []*parse.Error) {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Message < b.Message
	})
}

func dedupStrings(ss []string) []string {
	sort.Strings(ss)
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}
