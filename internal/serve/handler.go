package serve

import (
	"errors"
	"io/fs"
	"net/http"
	"strings"

	"github.com/ctlint/ctlint/internal/serve/web"
)

// NewHandler returns the server's routes wrapped in the middleware every
// response goes through: security headers and the request log.
func NewHandler(cfg Config) (http.Handler, error) {
	if cfg.Engine == nil {
		return nil, errors.New("serve: no rule engine")
	}
	cfg = cfg.withDefaults()
	static, err := fs.Sub(web.FS, "static")
	if err != nil {
		return nil, err
	}
	api := &api{cfg: cfg, slots: make(chan struct{}, cfg.MaxConcurrent)}
	docs, err := newRuleDocs(cfg.Engine)
	if err != nil {
		return nil, err
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", serveIndex)
	mux.Handle("GET /static/", http.StripPrefix("/static/", noListing(http.FileServerFS(static))))
	mux.Handle("GET /rules/{id}", docs)
	// The API answers wrong methods itself so that clients get JSON.
	mux.HandleFunc("/api/v1/lint", api.lint)
	mux.HandleFunc("/api/v1/rules", api.rules)
	mux.HandleFunc("/healthz", healthz)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint")
	})
	var h http.Handler = mux
	if cfg.loopbackHosts {
		h = loopbackHostOnly(h)
	}
	return logRequests(cfg.Log, securityHeaders(h)), nil
}

// noListing hides directory listings: only the page's own files are served.
func noListing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func serveIndex(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(web.Index)
}

func healthz(w http.ResponseWriter, r *http.Request) {
	if !allowMethod(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
}
