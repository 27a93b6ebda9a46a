package cli

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ctlint/ctlint/internal/eval"
	"github.com/ctlint/ctlint/internal/serve"
)

func init() { extraCommands = append(extraCommands, newServeCmd) }

type serveFlags struct {
	addr           string
	maxBody        int64
	requestTimeout time.Duration
	maxConcurrent  int
	policyDirs     []string
}

func newServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve a page to paste a policy into and lint it in the browser",
		Long: `Start an HTTP server with a page where a reviewer pastes (or drops) a bucket
policy, key policy, lifecycle, trail, Terraform or CloudFormation snippet and
sees the findings with the offending lines highlighted, and a JSON API
(POST /api/v1/lint) that answers like "ctlint lint --format json".

The server binds to loopback by default, never reads files on behalf of a
request (Terraform file functions are disabled) and never logs what was
pasted. Stop it with Ctrl+C.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:7341", "address to listen on (host:port)")
	fl.Int64Var(&f.maxBody, "max-body", serve.DefaultMaxBody, "largest request body accepted, in bytes")
	fl.DurationVar(&f.requestTimeout, "request-timeout", serve.DefaultRequestTimeout, "bound the linting of one request")
	fl.IntVar(&f.maxConcurrent, "max-concurrent", 0, "requests linted at once; more wait briefly, then get 503 (default: 2 x CPUs)")
	fl.StringArrayVar(&f.policyDirs, "policy-dir", nil, "directory of custom Rego rules to add (repeatable)")
	return cmd
}

func runServe(cmd *cobra.Command, f *serveFlags) error {
	stderr := cmd.ErrOrStderr()
	if f.maxBody <= 0 {
		return usageError("--max-body must be a positive number of bytes")
	}
	if f.requestTimeout <= 0 {
		return usageError("--request-timeout must be positive, e.g. 10s")
	}
	if f.maxConcurrent < 0 {
		return usageError("--max-concurrent must not be negative")
	}
	if _, _, err := net.SplitHostPort(f.addr); err != nil {
		return usageError("--addr: %v", err)
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Compiled once; every request shares it.
	engine, err := eval.New(ctx, eval.Options{PolicyDirs: f.policyDirs})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	srv, err := serve.NewServer(f.addr, serve.Config{
		Engine:         engine,
		MaxBody:        f.maxBody,
		RequestTimeout: f.requestTimeout,
		MaxConcurrent:  f.maxConcurrent,
		Log:            slog.New(slog.NewTextHandler(stderr, nil)),
	})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("listen: %w", err)}
	}
	if !serve.IsLoopback(f.addr) {
		fmt.Fprintf(stderr, "ctlint serve: warning: listening on %s, which is reachable from other machines; anyone who can reach it can use it (there is no authentication)\n", ln.Addr())
	}
	fmt.Fprintf(stderr, "ctlint serve: listening on http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	if err := serve.Run(ctx, srv, ln, 5*time.Second); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	fmt.Fprintln(stderr, "ctlint serve: stopped")
	return nil
}
