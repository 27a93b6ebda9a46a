package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ctlint/ctlint/internal/report/sariftest"
)

const sarifSchema = "../../testdata/sarif/sarif-schema-2.1.0.json"

func TestSARIFSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", sample(), Options{ToolVersion: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range sariftest.Check(buf.Bytes(), sarifSchema) {
		t.Error(p)
	}
}

// The checker must catch what code scanning rejects, or the test above
// proves nothing.
func TestSARIFCheckCatchesBadLogs(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(buf.Bytes(), []byte(`"uri": "modules/trail/main.tf"`), []byte(`"uri": "file:///abs/main.tf"`), 1)
	bad = bytes.Replace(bad, []byte(`"level": "warning"`), []byte(`"level": "severe"`), 1)
	if got := sariftest.Check(bad, sarifSchema); len(got) != 2 {
		t.Errorf("problems = %q, want a schema error and a uri error", got)
	}
}

func TestSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text, Markdown string }
						HelpURI          string
						Properties       map[string]any
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				PartialFingerprints map[string]string
				Suppressions        []struct{ Kind, Status, Justification string }
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	r0 := run.Tool.Driver.Rules[0]
	if r0.ID != "CT101" || r0.HelpURI != "https://github.com/ctlint/ctlint/blob/main/docs/rules/CT101.md" ||
		r0.Properties["security-severity"] != "8.0" || r0.ShortDescription.Text == "" || r0.FullDescription.Text == "" ||
		!bytes.Contains([]byte(r0.Help.Markdown), []byte("aws:SourceArn")) {
		t.Errorf("rule 0 = %+v", r0)
	}
	if len(run.Results) != 4 {
		t.Fatalf("%d results, want 4 (3 findings, 1 suppressed)", len(run.Results))
	}
	res := run.Results[2] // f1, the CT101 finding
	loc := res.Locations[0].PhysicalLocation
	if res.RuleID != "CT101" || res.RuleIndex != 0 || res.Level != "error" ||
		loc.ArtifactLocation.URI != "policies/bucket%20policy.json" ||
		loc.Region.StartLine != 4 || loc.Region.StartColumn != 5 || loc.Region.EndLine != 12 || loc.Region.EndColumn != 6 ||
		res.PartialFingerprints["ctlintFingerprint/v1"] != "0123456789abcdef0123456789abcdef" {
		t.Errorf("result = %+v", res)
	}
	sup := run.Results[3]
	if len(sup.Suppressions) != 1 || sup.Suppressions[0].Kind != "inSource" || sup.Suppressions[0].Justification != "inline: trail in this account only" {
		t.Errorf("suppressed result = %+v", sup)
	}
}

func TestArtifactURI(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ file, root, want string }{
		{"a/b.tf", "", "a/b.tf"},
		{"<stdin>", "", "stdin"},
		{"", "", "stdin"},
		{"dir with space/p#1.json", "", "dir%20with%20space/p%231.json"},
		{"testdata/x.json", filepath.Dir(wd), "report/testdata/x.json"},
		{filepath.Join(wd, "x.json"), wd, "x.json"},
		{"/elsewhere/x.json", "", "x.json"},
	}
	for _, tt := range tests {
		if got := artifactURI(tt.file, tt.root); got != tt.want {
			t.Errorf("artifactURI(%q, %q) = %q, want %q", tt.file, tt.root, got, tt.want)
		}
	}
}
