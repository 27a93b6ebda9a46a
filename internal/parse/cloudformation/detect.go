package cloudformation

import (
	"path"
	"regexp"
	"strings"
)

// A template names its format version or has resources typed AWS::..., at
// the top level of a YAML document (column 1) or as JSON members. The
// patterns are anchored so that a workflow or compose file that merely
// mentions CloudFormation is not taken for a template.
var (
	yamlVersion   = regexp.MustCompile(`(?m)^["']?AWSTemplateFormatVersion["']?[ \t]*:`)
	yamlResources = regexp.MustCompile(`(?m)^["']?Resources["']?[ \t]*:`)
	yamlAWSType   = regexp.MustCompile(`(?m)(^[ \t]+|[{,][ \t]*)["']?Type["']?[ \t]*:[ \t]*["']?AWS::`)
	jsonVersion   = regexp.MustCompile(`"AWSTemplateFormatVersion"\s*:`)
	jsonResources = regexp.MustCompile(`"Resources"\s*:\s*\{`)
	jsonAWSType   = regexp.MustCompile(`"Type"\s*:\s*"AWS::`)
)

// Detect reports whether data is a CloudFormation template, cheaply, so that
// a directory walker can skip other JSON and YAML files silently. Only
// .json, .yaml, .yml and .template files are considered (CDK writes
// cdk.out/<Stack>.template.json).
func Detect(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".json", ".yaml", ".yml", ".template":
	default:
		return false
	}
	if isJSON(data) {
		return jsonVersion.Match(data) || (jsonResources.Match(data) && jsonAWSType.Match(data))
	}
	return yamlVersion.Match(data) || (yamlResources.Match(data) && yamlAWSType.Match(data))
}

// isJSON reports whether data starts, after white space and a byte order
// mark, with a JSON object.
func isJSON(data []byte) bool {
	s := strings.TrimLeft(strings.TrimPrefix(string(data[:min(len(data), 4096)]), "\ufeff"), " \t\r\n")
	return strings.HasPrefix(s, "{")
}
