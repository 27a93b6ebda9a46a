// Package serve is ctlint's paste-and-lint page: an HTTP server that lints
// content posted to a JSON API and serves one embedded page that calls it.
//
// It is built for one reviewer on their own machine: bound to loopback by
// default, it never touches the file system on behalf of a request
// (Terraform file functions are disabled, the file name is only a label),
// never logs what was pasted, and bounds every request in size, time and
// concurrency.
package serve

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/ctlint/ctlint/internal/eval"
)

// Defaults of Config.
const (
	DefaultMaxBody        = 1 << 20
	DefaultRequestTimeout = 10 * time.Second
	DefaultQueueWait      = 5 * time.Second
)

// Config configures the handler.
type Config struct {
	// Engine holds the compiled rules, shared by every request.
	Engine *eval.Engine
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64
	// RequestTimeout bounds the linting of one request.
	RequestTimeout time.Duration
	// MaxConcurrent is how many requests are linted at once; QueueWait is
	// how long an excess request waits for a slot before it gets a 503.
	MaxConcurrent int
	QueueWait     time.Duration
	// Log receives one line per request: method, path, status, duration.
	// Nil discards them.
	Log *slog.Logger
	// loopbackHosts refuses requests not addressed to a loopback name
	// (loopbackHostOnly); NewServer sets it for a loopback address.
	loopbackHosts bool
}

func (c Config) withDefaults() Config {
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.MaxConcurrent <= 0 {
		c.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
	if c.QueueWait <= 0 {
		c.QueueWait = DefaultQueueWait
	}
	if c.Log == nil {
		c.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return c
}

// NewServer returns an http.Server for the handler with timeouts that bound
// slow clients: headers must arrive within 5s and the whole request within
// 15s; the write timeout leaves room for queueing and the lint itself. A
// server on a loopback address answers only requests addressed to a
// loopback name (loopbackHostOnly).
func NewServer(addr string, cfg Config) (*http.Server, error) {
	cfg.loopbackHosts = IsLoopback(addr)
	h, err := NewHandler(cfg)
	if err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      cfg.QueueWait + cfg.RequestTimeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(cfg.Log.Handler(), slog.LevelWarn),
	}, nil
}

// Run serves on ln until ctx is done, then shuts down gracefully: requests
// in flight may finish within shutdownWait.
func Run(ctx context.Context, srv *http.Server, ln net.Listener, shutdownWait time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownWait)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// IsLoopback reports whether a listen address only accepts connections from
// this machine: a loopback IP or "localhost". An empty host listens on every
// interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && loopbackName(host)
}

// loopbackName reports whether host (no port, no brackets) is "localhost"
// or a loopback IP.
func loopbackName(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
