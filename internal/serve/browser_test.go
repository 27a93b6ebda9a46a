package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumPath is where Debian's chromium package installs the browser;
// .ci/run installs it.
const chromiumPath = "/usr/bin/chromium"

// watchPage runs before the page's own script: it records CSP violations
// and uncaught errors so the test fails on them, since a blocked script or
// stylesheet would otherwise only show as a page that does nothing.
const watchPage = `
window.__problems = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__problems.push("CSP blocked " + e.blockedURI + " (" + e.violatedDirective + ")");
});
window.addEventListener("error", function (e) { window.__problems.push("error: " + e.message); });
window.addEventListener("unhandledrejection", function (e) { window.__problems.push("rejection: " + e.reason); });
`

// pageState is what the test reads from the page after linting.
type pageState struct {
	Status      string   `json:"status"`
	Rules       []string `json:"rules"`
	Severities  []string `json:"severities"`
	HitLines    []int    `json:"hitLines"`
	SourceLines int      `json:"sourceLines"`
	Problems    []string `json:"problems"`
}

const readState = `(() => ({
  status: document.getElementById("status").textContent,
  rules: [...document.querySelectorAll("#findings .finding .rule-id")].map(a => a.textContent),
  severities: [...document.querySelectorAll("#findings .finding .sev")].map(s => s.textContent),
  hitLines: [...document.querySelectorAll("#source .line.hit-start")].map(l => Number(l.id.slice(1))),
  sourceLines: document.querySelectorAll("#source .line").length,
  problems: window.__problems,
}))()`

// TestBrowserPasteAndLint drives the page in headless Chromium the way a
// reviewer uses it: paste the seed bucket policy, press Lint, read the
// findings, click one and land on its line.
func TestBrowserPasteAndLint(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test skipped: %s not found (install Debian's chromium: apt-get install chromium; .ci/run does)", chromiumPath)
	}
	base := startLoopbackServer(t)
	seed := readSeed(t)

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()

	installWatch := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchPage})
		return err
	})
	if err := chromedp.Do(bctx,
		installWatch,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("content")),
		chromedp.Focus(chromedp.ID("content")),
		insertText(seed), // as a paste does: one text insertion, input events fired
		chromedp.Click(chromedp.ID("lint")),
		chromedp.WaitVisible(chromedp.CSS("#findings .finding")),
	); err != nil {
		t.Fatalf("paste and lint: %v", err)
	}
	state, err := chromedp.Run(bctx, chromedp.Evaluate[pageState](readState))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("status: %s; rules %q; highlighted lines %v", state.Status, state.Rules, state.HitLines)
	if len(state.Problems) > 0 {
		t.Errorf("page problems: %q", state.Problems)
	}
	if !slices.Contains(state.Rules, "CT101") {
		t.Fatalf("no CT101 row; rules shown: %q", state.Rules)
	}
	for _, line := range []int{4, 13} { // the two CloudTrail statements
		if !slices.Contains(state.HitLines, line) {
			t.Errorf("line %d is not highlighted; highlighted: %v", line, state.HitLines)
		}
	}
	if want := 53; state.SourceLines != want { // 52 lines and the final newline
		t.Errorf("source view has %d lines, want %d", state.SourceLines, want)
	}
	if !sortedBySeverity(state.Severities) {
		t.Errorf("findings not ordered worst first: %q", state.Severities)
	}

	// Scroll the source away, then click the first CT101 finding: its line
	// comes into view and takes the focus.
	const clickFirstCT101 = `(() => {
  document.getElementById("source").scrollTop = 1e6;
  const row = [...document.querySelectorAll("#findings .finding")].find(li => li.querySelector(".rule-id")?.textContent === "CT101");
  return row.querySelector("button.goto").dataset.line;
})()`
	line, err := chromedp.Run(bctx, chromedp.Evaluate[string](clickFirstCT101))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(bctx,
		chromedp.Click(chromedp.CSS(`#findings button.goto[data-line="`+line+`"]`)),
	); err != nil {
		t.Fatal(err)
	}
	type focusState struct {
		Active  string `json:"active"`
		Visible bool   `json:"visible"`
		Current bool   `json:"current"`
	}
	focus, err := chromedp.Run(bctx, chromedp.Evaluate[focusState](`(() => {
  const src = document.getElementById("source").getBoundingClientRect();
  const el = document.getElementById("L`+line+`");
  const r = el.getBoundingClientRect();
  return {active: document.activeElement.id, visible: r.top >= src.top && r.bottom <= src.bottom, current: el.classList.contains("current")};
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if line != "4" || focus.Active != "L4" || !focus.Visible || !focus.Current {
		t.Errorf("after clicking the CT101 finding at line %s: focus %+v, want L4 focused and scrolled into view", line, focus)
	}

	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("CTLINT_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "serve-seed-000.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)

	// Ctrl+Enter lints too: an invalid policy shows its error and line.
	if err := chromedp.Do(bctx,
		chromedp.SetValue(chromedp.ID("content"), "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [,]\n}\n"),
		chromedp.Focus(chromedp.ID("content")),
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS("#findings .finding.sev-error")),
	); err != nil {
		t.Fatalf("Ctrl+Enter: %v", err)
	}
	state, err = chromedp.Run(bctx, chromedp.Evaluate[pageState](readState))
	if err != nil {
		t.Fatal(err)
	}
	if state.Status != "1 input error." || !slices.Equal(state.HitLines, []int{3}) {
		t.Errorf("after Ctrl+Enter on broken JSON: status %q, highlighted %v", state.Status, state.HitLines)
	}
}

// startLoopbackServer serves the handler on 127.0.0.1 with the production
// timeouts and returns its base URL.
func startLoopbackServer(t *testing.T) string {
	t.Helper()
	srv, err := NewServer("127.0.0.1:0", Config{Engine: engine(t)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("serve: %v", err)
		}
	}()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

// insertText types text into the focused element in one insertion, the way
// the browser inserts pasted text.
func insertText(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

func sortedBySeverity(sev []string) bool {
	rank := map[string]int{"error": 0, "critical": 1, "high": 2, "medium": 3, "low": 4, "info": 5}
	return slices.IsSortedFunc(sev, func(a, b string) int { return rank[a] - rank[b] })
}
