package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/lint"
	"github.com/ctlint/ctlint/internal/report"
)

// retentionProfiles are conventions, not law (README explains each).
var retentionProfiles = map[string]int{"pci": 365, "hipaa": 2190, "sox": 2555}

type lintFlags struct {
	format, output, failOn, kind, profile, logBucketScope string
	retentionDays, workers                                int
	maxFileSize                                           int64
	varFiles, vars, parameters, policyDirs                []string
	timeout                                               time.Duration
	noColor, quiet, noCache                               bool
	cpuProfile, memProfile                                string
	shard                                                 string
	// Configuration, suppressions and baseline.
	configFile, baseline, baselineWrite string
	reportUnused, preCommit             bool
}

func newLintCmd() *cobra.Command {
	var f lintFlags
	cmd := &cobra.Command{
		Use:   "lint [PATH...|-]",
		Short: "Lint files, directories, or standard input (-)",
		Long: `Lint Terraform module directories, Terraform plan JSON, CloudFormation templates
and raw policy / lifecycle / trail JSON. Directories are walked recursively
(hidden directories, .terraform and node_modules are skipped); every directory
with .tf files is one scope, every template or JSON file is one scope. "-"
reads standard input. With no path, the current directory is linted.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, args, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringVar(&f.failOn, "fail-on", "low", "lowest severity that makes ctlint exit 1: info, low, medium, high, critical")
	fl.StringVar(&f.kind, "kind", "", "how to read single files and stdin: terraform, cloudformation, tfplan, bucket-policy, key-policy, lifecycle, trail, public-access-block, encryption, policy (default: detect)")
	fl.IntVar(&f.retentionDays, "retention-days", 0, "required log retention in days (default 365)")
	fl.StringVar(&f.profile, "profile", "", "retention profile: pci (365 days), hipaa (2190), sox (2555)")
	fl.StringVar(&f.logBucketScope, "log-bucket-scope", "cloudtrail", "which buckets get the log-bucket rules (CT5xx): cloudtrail (buckets a trail writes to or whose policy grants CloudTrail) or all")
	fl.Int64Var(&f.maxFileSize, "max-file-size", lint.DefaultMaxFileSize, "skip files larger than this many bytes, with a warning")
	fl.IntVar(&f.workers, "workers", 0, "scopes linted in parallel (default: number of CPUs)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "Terraform variable file, relative to the module (repeatable)")
	fl.StringArrayVar(&f.vars, "var", nil, "Terraform variable NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.parameters, "parameter", nil, "CloudFormation parameter NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.policyDirs, "policy-dir", nil, "directory of custom Rego rules to add (repeatable)")
	fl.DurationVar(&f.timeout, "timeout", 0, "bound the evaluation of one scope, e.g. 30s (default: none)")
	fl.BoolVar(&f.noColor, "no-color", false, "never colour text output (NO_COLOR is honoured too)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "text output: findings only, no excerpts or summary")
	fl.BoolVar(&f.noCache, "no-cache", false, "compile and evaluate the rules instead of reading the compiled rules and earlier answers from the cache ("+cacheDirEnv+"=off does the same)")
	fl.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	fl.StringVar(&f.memProfile, "memprofile", "", "write a heap profile to this file")
	fl.StringVar(&f.shard, "shard", "", "lint only shard K of N (K/N): N jobs with the same arguments lint every scope exactly once")
	fl.StringVar(&f.configFile, "config", "", "configuration file (default: .ctlint.yaml in the working directory or a parent, up to the repository root)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fl.StringVar(&f.baselineWrite, "baseline-write", "", "record the current findings in this baseline file")
	fl.BoolVar(&f.reportUnused, "report-unused-suppressions", false, "report ctlint:ignore comments that match no finding (as notes)")
	fl.BoolVar(&f.preCommit, "pre-commit", false, "arguments are changed files (pre-commit): lint the module directory of each Terraform file, and skip files that are not inputs silently")
	return cmd
}

func runLint(cmd *cobra.Command, args []string, f *lintFlags) error {
	start := time.Now()
	lint.TuneGC()
	cfg, cfgName, err := loadConfig(f.configFile)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	applyConfig(cmd, f, cfg)
	failOn, err := finding.ParseSeverity(f.failOn)
	if err != nil {
		return usageError("--fail-on: %v", err)
	}
	retention := 365
	if f.profile != "" {
		days, ok := retentionProfiles[strings.ToLower(f.profile)]
		if !ok {
			return usageError("--profile: unknown profile %q (want pci, hipaa or sox)", f.profile)
		}
		retention = days
	}
	if cmd.Flags().Changed("retention-days") {
		if f.retentionDays <= 0 {
			return usageError("--retention-days must be a positive number of days")
		}
		retention = f.retentionDays
	}
	if f.logBucketScope != "cloudtrail" && f.logBucketScope != "all" {
		return usageError("--log-bucket-scope: want cloudtrail or all, got %q", f.logBucketScope)
	}
	vars, err := keyValues("--var", f.vars)
	if err != nil {
		return err
	}
	params, err := keyValues("--parameter", f.parameters)
	if err != nil {
		return err
	}
	var shard lint.Shard
	if f.shard != "" {
		if shard, err = lint.ParseShard(f.shard); err != nil {
			return usageError("--shard: %v", err)
		}
	}
	if f.workers < 0 {
		return usageError("--workers must not be negative (0 is one per CPU)")
	}
	if f.timeout < 0 {
		return usageError("--timeout must not be negative (0 is no bound)")
	}
	if f.kind != "" && !slices.Contains(lint.Kinds, f.kind) {
		return usageError("--kind: unknown kind %q (want %s)", f.kind, strings.Join(lint.Kinds, ", "))
	}
	if !validFormat(f.format) {
		return usageError("--format: unknown format %q (want %s)", f.format, strings.Join(report.Formats, ", "))
	}
	if f.cpuProfile != "" {
		pf, err := os.Create(f.cpuProfile)
		if err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		defer pprof.StopCPUProfile()
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	// With --pre-commit the arguments are the changed files: lint.Run reads
	// a named Terraform file as its module directory (without the modules
	// below it), so they are passed as they are.

	ctx := cmd.Context()
	cacheDir := ruleCacheDir()
	if f.noCache {
		cacheDir = ""
	}
	engine, err := eval.New(ctx, eval.Options{PolicyDirs: f.policyDirs, Parts: compileParts(args), CacheDir: cacheDir})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if err := cfg.CheckRules(cfgName, func(r string) bool { return engine.Rule(r) != nil }); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	progress := newProgress(cmd.ErrOrStderr(), f.quiet)
	res, err := lint.Run(ctx, args, lint.Options{
		Engine:         engine,
		Kind:           f.kind,
		RetentionDays:  retention,
		LogBucketScope: f.logBucketScope,
		MaxFileSize:    f.maxFileSize,
		Workers:        f.workers,
		Stdin:          cmd.InOrStdin(),
		VarFiles:       f.varFiles,
		Vars:           vars,
		Parameters:     params,
		Timeout:        f.timeout,
		Progress:       progress.update,
		Shard:          shard,
	})
	progress.clear()
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	// source must not hold res: the run's findings are copied by afterEval,
	// and the original should not stay alive while the report is written.
	sources := res.Sources
	// Reports ask for a file's source once per finding, and findings come
	// sorted by file: keep the last file read.
	var lastFile string
	var lastData []byte
	source := func(file string) []byte {
		if data, ok := sources[file]; ok {
			return data
		}
		if file != lastFile {
			lastFile = file
			lastData, _ = os.ReadFile(file)
		}
		return lastData
	}
	rep, err := afterEval(cmd, f, cfg, engine, res, source)
	if err != nil {
		return err
	}

	out := cmd.OutOrStdout()
	if f.output != "" {
		file, err := os.Create(f.output)
		if err != nil {
			return usageError("--output: %v", err)
		}
		defer file.Close()
		out = file
	}
	color := f.format == "text" && f.output == "" && !f.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(out)
	err = report.Write(out, f.format, rep, report.Options{
		Color:       color,
		Quiet:       f.quiet,
		Source:      source,
		Root:        repoRoot(),
		ToolVersion: Version,
	})
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("write report: %w", err)}
	}
	if f.format == "text" && !f.quiet {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s (%s)\n", report.Summary(rep), time.Since(start).Round(time.Millisecond))
	}
	if f.memProfile != "" {
		if err := writeHeapProfile(f.memProfile); err != nil {
			return usageError("--memprofile: %v", err)
		}
	}
	for _, e := range rep.Errors {
		if !e.Warning {
			return &exitError{code: ExitError}
		}
	}
	for _, fd := range rep.Findings {
		if fd.Severity >= failOn {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
}

func validFormat(name string) bool {
	for _, f := range report.Formats {
		if f == name {
			return true
		}
	}
	return false
}

func keyValues(flag string, items []string) (map[string]string, error) {
	if len(items) == 0 {
		return nil, nil
	}
	m := map[string]string{}
	for _, it := range items {
		k, v, ok := strings.Cut(it, "=")
		if !ok || k == "" {
			return nil, usageError("%s: want NAME=VALUE, got %q", flag, it)
		}
		m[k] = v
	}
	return m, nil
}

func ruleInfos(e *eval.Engine) []report.RuleInfo {
	var out []report.RuleInfo
	for _, r := range e.Rules() {
		out = append(out, report.RuleInfo{
			ID: r.ID, Name: r.Name, Title: r.Title, Description: r.Description,
			Remediation: r.Remediation, Severity: r.Severity, Frameworks: r.Frameworks,
			HelpURI: "docs/rules/" + r.ID + ".md",
		})
	}
	return out
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return pprof.WriteHeapProfile(f)
}

// compileParts chooses how the rules are compiled (eval.Options.Parts) for
// the paths linted. Named files (a pre-commit hook, an editor, stdin) are a
// few documents: compiling in parts on every core shortens the run that
// compiling dominates. A directory is many documents: one part, since each
// extra part evaluates the library's shared helpers once more per document
// (about 6% more allocation per part in BenchmarkEvalParts) while compiling
// is a small share of the run.
func compileParts(paths []string) int {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return 1
		}
	}
	return 0
}
