package tfplan

import "bytes"

// Detect reports, cheaply, whether data looks like `terraform show -json`
// output: a JSON object with format_version and either the members of a plan
// (planned_values, resource_changes) or of a state (values.root_module). The
// member names are quoted so that a mere mention in a string does not count;
// Parse still decides for certain.
func Detect(data []byte) bool {
	s := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if len(s) == 0 || s[0] != '{' {
		return false
	}
	if !hasMember(s, "format_version") {
		return false
	}
	if hasMember(s, "planned_values") || hasMember(s, "resource_changes") {
		return true
	}
	return hasMember(s, "values") && hasMember(s, "root_module")
}

// hasMember reports whether data holds "name" followed by a colon, as an
// object member is written.
func hasMember(data []byte, name string) bool {
	key := []byte(`"` + name + `"`)
	for {
		i := bytes.Index(data, key)
		if i < 0 {
			return false
		}
		if i > 0 && data[i-1] == '\\' { // inside an escaped JSON string
			data = data[i+len(key):]
			continue
		}
		rest := bytes.TrimLeft(data[i+len(key):], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			return true
		}
		data = data[i+len(key):]
	}
}
