// Package jsonpos parses JSON (RFC 8259) into a tree.Node whose every value
// and object key carries its exact source range, so that findings can point
// at the statement or attribute at fault. encoding/json cannot report where a
// value was written, hence this small hand-written scanner.
//
// # Position convention
//
// Shared by every ctlint parser: lines and columns are 1-based, columns count
// bytes (a UTF-8 BOM included), and EndLine/EndColumn point just past the
// last byte of the value, as in HCL. A string value's range includes its
// quotes. Only '\n' ends a line, so CRLF counts as one line break (the '\r'
// is the last byte of its line) and a lone '\r' is not a line break.
//
// # Embedded JSON
//
// JSON often sits inside something else: a policy in a JSON string
// ({"Policy": "{\"Version\": ...}"}, as the AWS CLI prints it), a Terraform
// heredoc, a CloudFormation YAML scalar. ParseAt parses such text with a
// Position hook that maps every byte offset of the embedded text to a line
// and column of the enclosing file; Lines.At and Lines.Mapped build the
// common hooks, and ParseString does the whole job for a JSON string literal.
//
// # Duplicate keys
//
// RFC 8259 leaves duplicate object keys undefined and AWS rejects policies
// that repeat one, but a linter must keep going: every member is kept in
// tree.Node.Keys (source order; Node.Get returns the first) and each repeat
// is listed in Result.Duplicates.
package jsonpos
