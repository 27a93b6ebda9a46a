// Package sariftest checks SARIF logs in tests: valid against the official
// SARIF 2.1.0 schema, and acceptable to GitHub code scanning (relative,
// non-empty URIs with a base id; regions with a start line).
package sariftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Check validates data against the schema at schemaPath and returns every
// problem found (nil when there is none).
func Check(data []byte, schemaPath string) []string {
	schemaDoc, err := readJSON(schemaPath)
	if err != nil {
		return []string{err.Error()}
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://example.invalid/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, schemaDoc); err != nil {
		return []string{err.Error()}
	}
	sch, err := c.Compile(url)
	if err != nil {
		return []string{err.Error()}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	var problems []string
	if err := sch.Validate(doc); err != nil {
		problems = append(problems, "schema: "+err.Error())
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return append(problems, err.Error())
	}
	for _, run := range log.Runs {
		for i, r := range run.Results {
			rules := run.Tool.Driver.Rules
			if r.RuleIndex < 0 || r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID {
				problems = append(problems, fmt.Sprintf("result %d: ruleIndex %d does not point at %s", i, r.RuleIndex, r.RuleID))
			}
			if len(r.Locations) == 0 {
				problems = append(problems, fmt.Sprintf("result %d: no location", i))
			}
			for _, l := range r.Locations {
				a := l.Physical.Artifact
				switch {
				case a.URI == "":
					problems = append(problems, fmt.Sprintf("result %d: empty uri", i))
				case strings.HasPrefix(a.URI, "/") || strings.Contains(a.URI, "://") || strings.HasPrefix(a.URI, "file:"):
					problems = append(problems, fmt.Sprintf("result %d: uri %q is not relative", i, a.URI))
				case strings.HasPrefix(a.URI, "../"):
					problems = append(problems, fmt.Sprintf("result %d: uri %q leaves the repository", i, a.URI))
				}
				if a.URIBaseID != "%SRCROOT%" {
					problems = append(problems, fmt.Sprintf("result %d: uriBaseId %q", i, a.URIBaseID))
				}
				if l.Physical.Region == nil || l.Physical.Region.StartLine < 1 {
					problems = append(problems, fmt.Sprintf("result %d: no region start line", i))
				}
			}
		}
	}
	return problems
}

func readJSON(path string) (any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}
