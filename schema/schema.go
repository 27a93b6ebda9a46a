// Package schema embeds the JSON Schema of the rules' input document, so that
// tests hold the Rego input to it and custom-rule authors can read it.
package schema

import _ "embed"

// Input is input.schema.json: the JSON Schema (draft 2020-12) of the
// normalized document every rule reads as `input`.
//
//go:embed input.schema.json
var Input []byte
