package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/ctlint/ctlint/internal/config"
	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/lint"
	"github.com/ctlint/ctlint/internal/report"
)

// loadConfig reads --config, or .ctlint.yaml found from the working
// directory upward; without either it returns the defaults. name is how
// messages call the file.
func loadConfig(flagPath string) (cfg *config.Config, name string, err error) {
	path := flagPath
	if path == "" {
		if path, err = config.Find("."); err != nil {
			return nil, "", fmt.Errorf("find %s: %w", config.FileName, err)
		}
		if path == "" {
			return config.Default(), "", nil
		}
	}
	name = displayPath(path)
	cfg, err = config.Load(path, name)
	if err != nil {
		return nil, "", err
	}
	return cfg, name, nil
}

// applyConfig fills every flag the command line did not set from the
// configuration: flags override the file. Custom policy directories add up.
func applyConfig(cmd *cobra.Command, f *lintFlags, cfg *config.Config) {
	fl := cmd.Flags()
	set := func(name, value string) {
		if value != "" && !fl.Changed(name) {
			_ = fl.Set(name, value) // values were validated when the file was parsed
		}
	}
	if cfg.FailOn != nil {
		set("fail-on", cfg.FailOn.String())
	}
	// Retention is one setting written two ways; a command-line choice of
	// either replaces the file's.
	if !fl.Changed("retention-days") && !fl.Changed("profile") {
		set("profile", cfg.Profile.Text)
		if cfg.RetentionDays > 0 {
			set("retention-days", fmt.Sprint(cfg.RetentionDays))
		}
	}
	set("log-bucket-scope", cfg.LogBucketScope.Text)
	if !fl.Changed("var-file") {
		for _, v := range cfg.VarFiles {
			_ = fl.Set("var-file", v)
		}
	}
	// Variables and parameters merge by name; the command line wins.
	f.vars = append(keyValueList(cfg.Vars), f.vars...)
	f.parameters = append(keyValueList(cfg.Parameters), f.parameters...)
	f.policyDirs = append(slices.Clone(cfg.PolicyDirs), f.policyDirs...)
}

func keyValueList(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// afterEval applies the configuration to the findings — rule selection,
// severities, excluded paths, suppressions, the baseline — and builds what
// the reporters render. Data flows one way: nothing here changes how
// inputs were parsed or evaluated.
func afterEval(cmd *cobra.Command, f *lintFlags, cfg *config.Config, engine *eval.Engine, res *lint.Result, source func(string) []byte) (*report.Result, error) {
	findings := cfg.Filter(res.Findings)
	res.Findings = nil // the run's copy is not needed again: let it go before the next one is made
	errs := cfg.FilterErrors(res.Errors)
	if f.preCommit {
		errs = dropSkippedFiles(errs)
	}
	var files []string
	for _, file := range res.Files {
		if !cfg.Excluded(file) {
			files = append(files, file)
		}
	}
	sup := &config.Suppressor{
		Config:       cfg,
		Metadata:     res.Suppressions,
		Source:       source,
		Files:        files,
		ReportUnused: f.reportUnused,
		Today:        time.Now().UTC(),
		KnownRule:    func(r string) bool { return engine.Rule(r) != nil },
	}
	out := sup.Apply(findings)
	findings, suppressed := out.Findings, out.Suppressed
	if f.baselineWrite != "" {
		if err := writeBaseline(f.baselineWrite, findings); err != nil {
			return nil, &exitError{code: ExitError, err: err}
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "ctlint: recorded %d %s in %s\n", len(findings), pluralize(len(findings), "finding"), f.baselineWrite)
	}
	baselinePath := f.baseline
	if f.baselineWrite != "" {
		baselinePath = f.baselineWrite // what was just recorded is accepted
	}
	if baselinePath != "" {
		b, err := config.ReadBaseline(baselinePath)
		if err != nil {
			return nil, &exitError{code: ExitError, err: err}
		}
		var known []config.Suppressed
		findings, known = b.Apply(findings)
		suppressed = append(suppressed, known...)
	}

	rep := &report.Result{
		Findings:  fingerprinted(findings),
		Errors:    errs,
		Files:     len(files),
		FileNames: files,
		Rules:     ruleInfos(engine),
	}
	for _, s := range suppressed {
		fs := fingerprinted([]finding.Finding{s.Finding})
		rep.Suppressed = append(rep.Suppressed, report.Suppressed{Finding: fs[0], Kind: s.Kind, Reason: s.Reason})
	}
	slices.SortStableFunc(rep.Suppressed, func(a, b report.Suppressed) int { return finding.Compare(a.Finding, b.Finding) })
	for _, n := range out.Notes {
		rep.Notes = append(rep.Notes, n.String())
	}
	return rep, nil
}

// fingerprinted sets each finding's fingerprint, in place, to the stable,
// position-independent one that baselines and SARIF partialFingerprints
// use, and returns fs.
func fingerprinted(fs []finding.Finding) []finding.Finding {
	for i := range fs {
		fs[i].Fingerprint = config.Fingerprint(fs[i])
	}
	return fs
}

func writeBaseline(path string, fs []finding.Finding) error {
	file, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--baseline-write: %w", err)
	}
	if err := config.NewBaseline(fs).Write(file); err != nil {
		file.Close()
		return fmt.Errorf("--baseline-write: %w", err)
	}
	return file.Close()
}

// repoRoot is the directory SARIF URIs are relative to: the enclosing git
// repository's top, else the working directory.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}

// displayPath names a file relative to the working directory when it lies
// below it (messages and reports never need this machine's layout).
func displayPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && !filepath.IsAbs(rel) && rel != ".." && !hasDotDot(rel) {
		return filepath.ToSlash(rel)
	}
	return p
}

func hasDotDot(rel string) bool {
	return len(rel) >= 3 && rel[:3] == ".."+string(filepath.Separator)
}

func pluralize(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}
