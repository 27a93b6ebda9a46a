// Package eval compiles the embedded Rego rules (and custom rule directories)
// once per process and evaluates them over normalized documents.
package eval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/ctlint/ctlint/internal/filecache"
	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/model"
)

// rulesRoot is the package prefix every rule lives under; the rule's own
// package name follows it (package ctlint.rules.cloudtrail_source_condition_missing).
const rulesRoot = "ctlint.rules"

// Rule is a rule's metadata, read from the METADATA annotation of its package.
type Rule struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Title       string           `json:"title"`
	Description string           `json:"description"`
	Severity    finding.Severity `json:"severity"`
	Frameworks  []string         `json:"frameworks"`
	Remediation string           `json:"remediation"`
	// References are documentation links (METADATA related_resources).
	References []string `json:"references"`
	// Package is the rule's package name below ctlint.rules.
	Package string `json:"package"`
	// Dir is the folder of the rule's sources: a path in policies.FS for
	// built-in rules, a file-system path for custom rules.
	Dir    string `json:"-"`
	Custom bool   `json:"custom"`
	// Location is file:line of the rule's METADATA, for run-time errors.
	Location string `json:"-"`
	// NoBadExample names input formats (terraform, cloudformation, json)
	// in which the rule's violation cannot be written at all, with the
	// reason (custom.no_bad_example): CloudFormation cannot enable MFA
	// Delete, so CT307 has no bad CloudFormation example.
	NoBadExample map[string]string `json:"-"`
	// part is the index of the compiler the rule was compiled by.
	part int
}

// Options configure the engine.
type Options struct {
	// PolicyDirs are directories of custom rules compiled with the built-ins.
	PolicyDirs []string
	// Parts is how many parts the built-in rules are compiled in, in
	// parallel (startup.go); 0 means one per core, up to maxParts. With
	// custom rules everything is compiled in one part.
	Parts int
	// CacheDir is where the compiled built-in rules (cache.go) and their
	// answers per document (results.go) are kept between processes; ""
	// compiles and evaluates them every time. Custom rules are always
	// compiled and evaluated, and with custom rules no answers are kept.
	CacheDir string
}

// Engine holds the compiled and prepared rules. It is safe for concurrent use.
type Engine struct {
	// queries evaluate rulesQuery, one per compiled part: over the built-in
	// rules of that part when there are custom ones.
	queries []rego.PreparedEvalQuery
	custom  []customQuery // one per custom rule (custom.go)
	rules   []*Rule
	byPkg   map[string]*Rule
	// unresolved is the rule reporting what others could not decide
	// (CT007), looked up once; nil if the rule set has none.
	unresolved *Rule
	// fromCache says the built-in rules were decoded from the cache
	// rather than compiled.
	fromCache bool
	// results keeps the built-in rules' answers per document; nil when
	// there is no cache directory or there are custom rules.
	results *resultCache
}

// CompileError is a rule that does not compile; it names file and line.
type CompileError struct {
	Errors ast.Errors
}

func (e *CompileError) Error() string {
	msgs := make([]string, 0, len(e.Errors))
	for _, err := range e.Errors {
		if err.Location != nil {
			msgs = append(msgs, fmt.Sprintf("%s:%d:%d: %s", err.Location.File, err.Location.Row, err.Location.Col, err.Message))
		} else {
			msgs = append(msgs, err.Message)
		}
	}
	return "compile rules: " + strings.Join(msgs, "; ")
}

// New compiles the built-in rules plus any custom rule directories and
// prepares the one query that evaluates them all.
func New(ctx context.Context, opts Options) (*Engine, error) {
	RegisterBuiltins()
	warmCatalog()
	var (
		compilers []*ast.Compiler
		rules     []*Rule
		rulesKey  string
		fromCache bool
		err       error
	)
	if len(opts.PolicyDirs) == 0 {
		compilers, rules, rulesKey, fromCache, err = builtinCompilers(opts.Parts, filecache.New(opts.CacheDir))
	} else {
		compilers, rules, err = customCompilers(opts.PolicyDirs)
	}
	if err != nil {
		return nil, err
	}
	e := &Engine{rules: rules, byPkg: map[string]*Rule{}, fromCache: fromCache, results: newResultCache(opts.CacheDir, rulesKey)}
	if err := e.prepareQueries(ctx, compilers); err != nil {
		return nil, err
	}
	for _, r := range rules {
		e.byPkg[r.Package] = r
	}
	e.unresolved = e.Rule(unresolvedRuleID)
	return e, nil
}

// customCompilers compiles the built-in rules with the custom ones in
// policyDirs, in one part and with every check.
func customCompilers(policyDirs []string) ([]*ast.Compiler, []*Rule, error) {
	modules, err := LoadModules(policyDirs, false)
	if err != nil {
		return nil, nil, err
	}
	compilers, err := compileWithCustom(modules)
	if err != nil {
		return nil, nil, err
	}
	rules, err := rulesFromAnnotations(compilers)
	if err != nil {
		return nil, nil, err
	}
	return compilers, rules, nil
}

// Rules returns every rule, sorted by ID.
func (e *Engine) Rules() []*Rule { return e.rules }

// Rule returns the rule with the given ID or name, or nil.
func (e *Engine) Rule(idOrName string) *Rule {
	for _, r := range e.rules {
		if strings.EqualFold(r.ID, idOrName) || strings.EqualFold(r.Name, idOrName) {
			return r
		}
	}
	return nil
}

// RuleError is a rule that failed at run time (a custom rule calling a
// builtin with the wrong type, say). Built-in findings are still returned.
type RuleError struct {
	Rule string
	Err  error
}

func (e *RuleError) Error() string { return fmt.Sprintf("rule %s: %v", e.Rule, e.Err) }

// unresolvedRuleID is the rule that reports what other rules could not
// decide because of values unknown offline.
const unresolvedRuleID = "CT007"

// Eval evaluates every rule over doc and returns the findings, sorted. A rule
// that fails at run time yields a *RuleError (joined with errors.Join) while
// the other rules' findings are still returned.
func (e *Engine) Eval(ctx context.Context, doc *model.Document) ([]finding.Finding, error) {
	input := Input(doc)
	report, undecided, err := e.builtinResults(ctx, input)
	if err != nil {
		return nil, fmt.Errorf("evaluate %s: %w", doc.Scope.Path, err)
	}
	var errs []error
	for _, c := range e.custom {
		r, u, cerrs := e.evalCustom(ctx, c, input)
		report = append(report, r...)
		undecided = append(undecided, u...)
		errs = append(errs, cerrs...)
	}
	out := make([]finding.Finding, 0, len(report))
	for _, r := range report {
		rule := e.byPkg[r.Package]
		if rule == nil {
			continue // a package below ctlint.rules without METADATA: not a rule
		}
		f, err := toFinding(rule, r.Entry)
		if err != nil {
			errs = append(errs, &RuleError{Rule: rule.ID, Err: fmt.Errorf("%s: %w", rule.Location, err)})
			continue
		}
		out = append(out, f)
	}
	if unresolved := e.unresolved; unresolved != nil {
		for _, r := range undecided {
			rule := e.byPkg[r.Package]
			if rule == nil {
				continue
			}
			f, err := toFinding(unresolved, r.Entry)
			if err != nil {
				errs = append(errs, &RuleError{Rule: rule.ID, Err: err})
				continue
			}
			f.Message = fmt.Sprintf("%s (%s) could not be decided offline: %s", rule.ID, rule.Name, f.Message)
			out = append(out, f)
		}
	}
	finding.Sort(out)
	return out, errors.Join(errs...)
}

func toFinding(rule *Rule, v any) (finding.Finding, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return finding.Finding{}, fmt.Errorf("report entries must be objects (use lib.finding), got %T", v)
	}
	f := finding.Finding{
		RuleID:      rule.ID,
		RuleName:    rule.Name,
		Severity:    rule.Severity,
		Title:       rule.Title,
		Remediation: rule.Remediation,
	}
	f.Message, _ = m["message"].(string)
	f.Resource, _ = m["resource"].(string)
	f.Fingerprint, _ = m["fingerprint"].(string)
	if f.Message == "" {
		return f, errors.New("report entry has no message")
	}
	if r, ok := m["range"].(map[string]any); ok {
		f.File, _ = r["file"].(string)
		f.Line = jsonInt(r["line"])
		f.Column = jsonInt(r["column"])
		f.EndLine = jsonInt(r["end_line"])
		f.EndColumn = jsonInt(r["end_column"])
	}
	if r, ok := m["resource_range"].(map[string]any); ok {
		f.ResourceLine = jsonInt(r["line"])
	}
	if s, ok := m["severity"].(string); ok { // a rule may lower severity for one case
		if sev, err := finding.ParseSeverity(s); err == nil {
			f.Severity = sev
		}
	}
	return f, nil
}

func jsonInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case float64:
		return int(n)
	case interface{ Int64() (int64, error) }:
		i, _ := n.Int64()
		return int(i)
	}
	return 0
}

// LoadModules parses the embedded library and rules plus the .rego files of
// dirs. Test files (_test.rego) are included only when withTests is set.
func LoadModules(dirs []string, withTests bool) (map[string]*ast.Module, error) {
	popts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	modules, err := parseBuiltinModules(withTests, popts)
	if err != nil {
		return nil, fmt.Errorf("load built-in rules: %w", err)
	}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !isRego(p, withTests) {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m, err := ast.ParseModuleWithOpts(p, string(src), popts)
			if err != nil {
				return err
			}
			modules[p] = m
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load custom rules from %s: %w", dir, err)
		}
	}
	return modules, nil
}

func isRego(p string, withTests bool) bool {
	if !strings.HasSuffix(p, ".rego") {
		return false
	}
	return withTests || !strings.HasSuffix(p, "_test.rego")
}

// rulesFromAnnotations reads the rules' METADATA from the compilers (each
// rule package is compiled in exactly one of them) and checks it.
func rulesFromAnnotations(compilers []*ast.Compiler) ([]*Rule, error) {
	var rules []*Rule
	var problems []string
	var refs []*ast.AnnotationsRef
	parts := map[*ast.AnnotationsRef]int{}
	for i, c := range compilers {
		for _, ref := range c.GetAnnotationSet().Flatten() {
			refs = append(refs, ref)
			parts[ref] = i
		}
	}
	for _, ref := range refs {
		a := ref.Annotations
		if a == nil || a.Scope != "package" || a.Custom == nil {
			continue
		}
		pkgPath := ref.Path.String() // data.ctlint.rules.<name>
		prefix := "data." + rulesRoot + "."
		if !strings.HasPrefix(pkgPath, prefix) {
			continue
		}
		r := &Rule{
			Package:     strings.TrimPrefix(pkgPath, prefix),
			Title:       a.Title,
			Description: strings.TrimSpace(a.Description),
			part:        parts[ref],
		}
		r.ID, _ = a.Custom["id"].(string)
		r.Name, _ = a.Custom["name"].(string)
		r.Remediation, _ = a.Custom["remediation"].(string)
		r.Remediation = strings.TrimSpace(r.Remediation)
		if fw, ok := a.Custom["frameworks"].([]any); ok {
			for _, x := range fw {
				if s, ok := x.(string); ok {
					r.Frameworks = append(r.Frameworks, s)
				}
			}
		}
		for _, rr := range a.RelatedResources {
			if rr != nil && rr.Ref.String() != "" {
				r.References = append(r.References, rr.Ref.String())
			}
		}
		if nb, ok := a.Custom["no_bad_example"].(map[string]any); ok {
			r.NoBadExample = map[string]string{}
			for k, v := range nb {
				r.NoBadExample[k], _ = v.(string)
			}
		}
		sev, _ := a.Custom["severity"].(string)
		var err error
		if r.Severity, err = finding.ParseSeverity(sev); err != nil {
			problems = append(problems, fmt.Sprintf("%s: severity: %v", a.Location, err))
		}
		if r.ID == "" || r.Name == "" || r.Title == "" {
			problems = append(problems, fmt.Sprintf("%s: rule metadata needs title, custom.id and custom.name", a.Location))
		}
		if a.Location != nil {
			r.Location = fmt.Sprintf("%s:%d", a.Location.File, a.Location.Row)
			file := a.Location.File
			if strings.HasPrefix(file, "policies/") {
				r.Dir = path.Dir(strings.TrimPrefix(file, "policies/"))
			} else {
				r.Dir = filepath.Dir(file)
				r.Custom = true
			}
		}
		rules = append(rules, r)
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, errors.New("rule metadata: " + strings.Join(problems, "; "))
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	for i := 1; i < len(rules); i++ {
		if rules[i].ID == rules[i-1].ID {
			return nil, fmt.Errorf("rule id %s is used by both %s and %s", rules[i].ID, rules[i-1].Package, rules[i].Package)
		}
	}
	return rules, nil
}
