package serve

import (
	"bytes"
	"html/template"
	"net/http"
	"strings"

	"github.com/ctlint/ctlint/internal/eval"
)

// rulePage renders a rule's metadata. Descriptions are hard-wrapped prose,
// so they are shown as paragraphs; remediations keep their line breaks
// because they hold indented snippets.
var rulePage = template.Must(template.New("rule").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.ID}} {{.Title}} · ctlint</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="bar"><a href="/">ctlint</a> <span aria-hidden="true">›</span> rules <span aria-hidden="true">›</span> {{.ID}}</header>
<main class="rule-doc">
<h1><span class="rule-id">{{.ID}}</span> {{.Title}}</h1>
<dl class="meta">
<dt>Name</dt><dd><code>{{.Name}}</code></dd>
<dt>Severity</dt><dd><span class="sev sev-{{.Severity}}">{{.Severity}}</span></dd>
<dt>Frameworks</dt><dd>{{if .Frameworks}}{{range $i, $f := .Frameworks}}{{if $i}}, {{end}}{{$f}}{{end}}{{else}}none listed{{end}}</dd>
{{if .Custom}}<dt>Source</dt><dd>custom rule</dd>{{end}}
</dl>
<h2>Description</h2>
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}
<h2>Remediation</h2>
<pre class="remediation">{{.Remediation}}</pre>
</main>
</body>
</html>
`))

type ruleView struct {
	*eval.Rule
	Paragraphs []string
}

type ruleDocs struct {
	engine *eval.Engine
}

func newRuleDocs(engine *eval.Engine) (*ruleDocs, error) {
	// Render every rule once so that a template error shows at start-up,
	// not on the first click.
	for _, r := range engine.Rules() {
		if err := rulePage.Execute(&bytes.Buffer{}, ruleView{Rule: r, Paragraphs: paragraphs(r.Description)}); err != nil {
			return nil, err
		}
	}
	return &ruleDocs{engine: engine}, nil
}

// ServeHTTP handles GET /rules/{id}; the id may also be the rule's name.
func (d *ruleDocs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rule := d.engine.Rule(r.PathValue("id"))
	if rule == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte("no such rule\n"))
		return
	}
	var buf bytes.Buffer
	if err := rulePage.Execute(&buf, ruleView{Rule: rule, Paragraphs: paragraphs(rule.Description)}); err != nil {
		http.Error(w, "render rule page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(buf.Bytes())
}

// paragraphs joins hard-wrapped lines and splits on blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
