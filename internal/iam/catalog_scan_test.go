package iam

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
)

// The scan finds exactly what encoding/json decodes from the embedded
// catalog.
func TestScanMatchesDecode(t *testing.T) {
	var want struct {
		Source   string                     `json:"_source"`
		Services map[string]json.RawMessage `json:"services"`
	}
	if err := json.Unmarshal(catalogJSON, &want); err != nil {
		t.Fatal(err)
	}
	source, services, err := scanCatalog(catalogJSON)
	if err != nil {
		t.Fatal(err)
	}
	if source != want.Source {
		t.Errorf("source %q, want %q", source, want.Source)
	}
	if got, wantKeys := slices.Sorted(maps.Keys(services)), slices.Sorted(maps.Keys(want.Services)); !slices.Equal(got, wantKeys) {
		t.Fatalf("%d services, want %d", len(got), len(wantKeys))
	}
	for prefix, raw := range want.Services {
		if !bytes.Equal(services[prefix], raw) {
			t.Errorf("service %s: %.80s, want %.80s", prefix, services[prefix], raw)
		}
	}
}

func TestScanCatalog(t *testing.T) {
	tests := []struct {
		name, src string
		wantErr   string // "" for success
		want      map[string]string
	}{
		{name: "whitespace and escapes", src: " {\"_source\": \"a \\\"b\\\"\", \"services\": {\"s\\u0033\" : [ \"x\" , \"y]\\\\\" ], \"e\": []}}\n",
			want: map[string]string{"s3": `[ "x" , "y]\\" ]`, "e": `[]`}},
		{name: "last repeated key wins", src: `{"services":{"a":["1"],"a":["2"]}}`, want: map[string]string{"a": `["2"]`}},
		{name: "unknown key", src: `{"other":1}`, wantErr: `unexpected key "other"`},
		{name: "not a string list", src: `{"services":{"a":[1]}}`, wantErr: `service "a": offset 18: want '"'`},
		{name: "nested list", src: `{"services":{"a":[["x"]]}}`, wantErr: `service "a"`},
		{name: "unterminated", src: `{"services":{"a":["x`, wantErr: "unterminated string"},
		{name: "trailing data", src: `{"services":{}} x`, wantErr: "trailing data"},
		{name: "missing comma", src: `{"services":{"a":["x" "y"]}}`, wantErr: "want ',' or ']'"},
		{name: "empty", src: ``, wantErr: "want '{'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, services, err := scanCatalog([]byte(tt.src))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for k, v := range services {
				got[k] = string(v)
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("services %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkParseCatalog(b *testing.B) {
	for b.Loop() {
		parseCatalog()
	}
}
