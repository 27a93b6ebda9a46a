// Package config reads .ctlint.yaml and applies what it says to a run's
// findings: rule selection, severity overrides, excluded paths, suppressions
// (inline comments, CloudFormation Metadata, the config file) and the
// baseline. It runs after evaluation and before reporting; it never reaches
// back into parsing or evaluation.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/ctlint/ctlint/internal/finding"
	"github.com/ctlint/ctlint/internal/parse"
)

// FileName is the configuration file looked up from the working directory.
const FileName = ".ctlint.yaml"

// Config is a parsed and validated .ctlint.yaml. Paths in it are relative to
// Dir, the directory holding the file.
type Config struct {
	// Path is the file the configuration came from ("" for the defaults),
	// Name what messages call it, Dir the directory holding it.
	Path, Name, Dir string

	// Enable, when not empty, lists the only rules that report (IDs or
	// names); Disable lists rules that never report.
	Enable, Disable []Value
	// Severity overrides a rule's severity (key: rule ID or name).
	Severity []SeverityOverride

	RetentionDays  int
	Profile        Value
	LogBucketScope Value
	Exclude        []Value
	PolicyDirs     []string
	VarFiles       []string
	Vars           map[string]string
	Parameters     map[string]string
	FailOn         *finding.Severity
	// AllowInline is false when inline comments and CloudFormation Metadata
	// must not suppress (allow_inline_suppressions: false).
	AllowInline  bool
	Suppressions []Suppression
}

// SeverityOverride sets one rule's severity.
type SeverityOverride struct {
	Rule     Value
	Severity finding.Severity
}

// Suppression is a config-file suppression: a rule, optionally limited to
// paths (a doublestar glob relative to the config file) and a resource.
type Suppression struct {
	Rule     Value
	Path     Value
	Resource Value
	Reason   string
	Expires  string // YYYY-MM-DD or ""
	Line     int
}

// Value is a scalar with the line it was written on, so that validation
// errors can point at it.
type Value struct {
	Text string
	Line int
}

// UnmarshalYAML keeps the node's line.
func (v *Value) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a single value", n.Line)
	}
	v.Text, v.Line = n.Value, n.Line
	return nil
}

// file is the YAML shape. KnownFields(true) makes every unknown key an error.
type file struct {
	Version int `yaml:"version"`
	Rules   struct {
		Enable   []Value         `yaml:"enable"`
		Disable  []Value         `yaml:"disable"`
		Severity map[Value]Value `yaml:"severity"`
	} `yaml:"rules"`
	RetentionDays  *Value   `yaml:"retention_days"`
	Profile        Value    `yaml:"profile"`
	LogBucketScope Value    `yaml:"log_bucket_scope"`
	Exclude        []Value  `yaml:"exclude"`
	PolicyDirs     []string `yaml:"policy_dirs"`
	Terraform      struct {
		VarFiles []string          `yaml:"var_files"`
		Vars     map[string]string `yaml:"vars"`
	} `yaml:"terraform"`
	CloudFormation struct {
		Parameters map[string]string `yaml:"parameters"`
	} `yaml:"cloudformation"`
	AllowInlineSuppressions *bool `yaml:"allow_inline_suppressions"`
	Suppressions            []struct {
		Rule     Value `yaml:"rule"`
		Path     Value `yaml:"path"`
		Resource Value `yaml:"resource"`
		Reason   Value `yaml:"reason"`
		Expires  Value `yaml:"expires"`
	} `yaml:"suppressions"`
	FailOn Value `yaml:"fail_on"`
}

// Default is the configuration used when no file is found.
func Default() *Config { return &Config{AllowInline: true} }

// Find looks for .ctlint.yaml in dir and its parents. It stops at the
// filesystem root or at the top of a repository (a directory holding .git),
// so a checkout never picks up a file from outside it. It returns "" when
// there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, nil
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates the configuration at path. name is how errors
// call the file (a path relative to the working directory).
func Load(path, name string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &parse.Error{File: name, Message: err.Error()}
	}
	c, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	c.Path, c.Name = path, name
	// Globs and directories are relative to the file, wherever ctlint runs.
	if c.Dir, err = filepath.Abs(filepath.Dir(path)); err != nil {
		return nil, &parse.Error{File: name, Message: err.Error()}
	}
	for i, d := range c.PolicyDirs {
		if !filepath.IsAbs(d) {
			c.PolicyDirs[i] = filepath.Join(c.Dir, filepath.FromSlash(d))
		}
	}
	return c, nil
}

// Parse reads a configuration from data; errors are *parse.Error values
// naming name and the line at fault.
func Parse(name string, data []byte) (*Config, error) {
	var raw file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	c := Default()
	c.Name = name
	bad := func(line int, format string, args ...any) error {
		return &parse.Error{File: name, Line: line, Message: fmt.Sprintf(format, args...)}
	}
	if raw.Version != 0 && raw.Version != 1 {
		return nil, bad(0, "version: want 1, got %d", raw.Version)
	}
	c.Enable, c.Disable = raw.Rules.Enable, raw.Rules.Disable
	for rule, sev := range raw.Rules.Severity {
		s, err := finding.ParseSeverity(sev.Text)
		if err != nil {
			return nil, bad(sev.Line, "rules.severity.%s: %v", rule.Text, err)
		}
		c.Severity = append(c.Severity, SeverityOverride{Rule: rule, Severity: s})
	}
	sortOverrides(c.Severity) // map order must not leak into behaviour
	if v := raw.RetentionDays; v != nil {
		n, err := strconv.Atoi(v.Text)
		if err != nil || n <= 0 {
			return nil, bad(v.Line, "retention_days: want a positive number of days, got %q", v.Text)
		}
		c.RetentionDays = n
	}
	c.Profile = raw.Profile
	if p := strings.ToLower(raw.Profile.Text); p != "" && p != "pci" && p != "hipaa" && p != "sox" {
		return nil, bad(raw.Profile.Line, "profile: unknown profile %q (want pci, hipaa or sox)", raw.Profile.Text)
	}
	c.LogBucketScope = raw.LogBucketScope
	if s := raw.LogBucketScope.Text; s != "" && s != "cloudtrail" && s != "all" {
		return nil, bad(raw.LogBucketScope.Line, "log_bucket_scope: want cloudtrail or all, got %q", s)
	}
	for _, g := range raw.Exclude {
		if !doublestar.ValidatePattern(g.Text) {
			return nil, bad(g.Line, "exclude: invalid glob %q", g.Text)
		}
	}
	c.Exclude = raw.Exclude
	c.PolicyDirs = raw.PolicyDirs
	c.VarFiles, c.Vars = raw.Terraform.VarFiles, raw.Terraform.Vars
	c.Parameters = raw.CloudFormation.Parameters
	if raw.AllowInlineSuppressions != nil {
		c.AllowInline = *raw.AllowInlineSuppressions
	}
	if raw.FailOn.Text != "" {
		s, err := finding.ParseSeverity(raw.FailOn.Text)
		if err != nil {
			return nil, bad(raw.FailOn.Line, "fail_on: %v", err)
		}
		c.FailOn = &s
	}
	for _, s := range raw.Suppressions {
		line := s.Rule.Line
		if s.Rule.Text == "" {
			return nil, bad(firstLine(s.Path, s.Resource, s.Reason, s.Expires), "suppressions: an entry needs a rule")
		}
		if strings.TrimSpace(s.Reason.Text) == "" {
			return nil, bad(line, "suppressions: %s needs a reason", s.Rule.Text)
		}
		if s.Path.Text != "" && !doublestar.ValidatePattern(s.Path.Text) {
			return nil, bad(s.Path.Line, "suppressions: invalid path glob %q", s.Path.Text)
		}
		if s.Expires.Text != "" && !validDate(s.Expires.Text) {
			return nil, bad(s.Expires.Line, "suppressions: expires: want YYYY-MM-DD, got %q", s.Expires.Text)
		}
		c.Suppressions = append(c.Suppressions, Suppression{
			Rule: s.Rule, Path: s.Path, Resource: s.Resource,
			Reason: strings.TrimSpace(s.Reason.Text), Expires: s.Expires.Text, Line: line,
		})
	}
	return c, nil
}

// CheckRules reports rule references (enable, disable, severity,
// suppressions) that name no rule; known answers for an ID or name. It runs
// once the rules, custom ones included, are compiled.
func (c *Config) CheckRules(name string, known func(idOrName string) bool) error {
	check := func(where string, v Value) error {
		if known(v.Text) {
			return nil
		}
		return &parse.Error{File: name, Line: v.Line, Message: fmt.Sprintf("%s: unknown rule %q", where, v.Text)}
	}
	for _, v := range c.Enable {
		if err := check("rules.enable", v); err != nil {
			return err
		}
	}
	for _, v := range c.Disable {
		if err := check("rules.disable", v); err != nil {
			return err
		}
	}
	for _, o := range c.Severity {
		if err := check("rules.severity", o.Rule); err != nil {
			return err
		}
	}
	for _, s := range c.Suppressions {
		if err := check("suppressions", s.Rule); err != nil {
			return err
		}
	}
	return nil
}

// yaml.v3 reports "line 4: field retension_days not found in type ...";
// turn that into "file:4: unknown key "retension_days"".
var (
	unknownField = regexp.MustCompile(`line (\d+): field (\S+) not found in type`)
	yamlLine     = regexp.MustCompile(`line (\d+): (.*)`)
)

func yamlError(name string, err error) error {
	msg := err.Error()
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &parse.Error{File: name, Line: line, Message: fmt.Sprintf("unknown key %q", m[2])}
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &parse.Error{File: name, Line: line, Message: strings.TrimPrefix(m[2], "yaml: ")}
	}
	return &parse.Error{File: name, Message: strings.TrimPrefix(msg, "yaml: ")}
}

func firstLine(vs ...Value) int {
	for _, v := range vs {
		if v.Line > 0 {
			return v.Line
		}
	}
	return 0
}
