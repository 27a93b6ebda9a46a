package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/ctlint/ctlint/internal/lint"
	"github.com/ctlint/ctlint/internal/report"
)

// maxRetentionDays bounds retention_days to something a lifecycle rule can
// express (a century).
const maxRetentionDays = 36500

// lintRequest is the body of POST /api/v1/lint.
type lintRequest struct {
	Content       *string `json:"content"`
	Kind          string  `json:"kind"`
	Filename      string  `json:"filename"`
	RetentionDays *int    `json:"retention_days"`
}

type api struct {
	cfg Config
	// slots holds one token per request being linted.
	slots chan struct{}
}

// lint handles POST /api/v1/lint: it answers with the JSON report of
// `ctlint lint --format json`. Problems with the content itself (a syntax
// error in the policy) are part of that report, with status 200; problems
// with the request get a 4xx and {"error": "..."}.
func (a *api) lint(w http.ResponseWriter, r *http.Request) {
	if !allowMethod(w, r, http.MethodPost) {
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		// Requiring JSON also makes a cross-site form post impossible
		// without a CORS preflight, which this server never grants.
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json")
		return
	}
	if r.ContentLength > a.cfg.MaxBody {
		a.tooLarge(w)
		return
	}
	req, status, msg := a.decode(w, r)
	if status != 0 {
		if status == http.StatusRequestEntityTooLarge {
			a.tooLarge(w)
			return
		}
		writeError(w, status, msg)
		return
	}

	release, ok := a.acquire(r.Context())
	if !ok {
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "the server is busy linting other requests; try again")
		return
	}
	defer release()

	ctx, cancel := context.WithTimeout(r.Context(), a.cfg.RequestTimeout)
	defer cancel()
	retention := 0
	if req.RetentionDays != nil {
		retention = *req.RetentionDays
	}
	res, err := lint.Content(ctx, SanitizeFilename(req.Filename), []byte(*req.Content), lint.Options{
		Engine:        a.cfg.Engine,
		Kind:          req.Kind,
		RetentionDays: retention,
		MaxFileSize:   a.cfg.MaxBody,
		Timeout:       a.cfg.RequestTimeout,
	})
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, fmt.Sprintf("linting took longer than the request timeout (%s)", a.cfg.RequestTimeout))
		return
	case err != nil:
		// The client went away; nobody reads the answer.
		writeError(w, http.StatusServiceUnavailable, "request cancelled")
		return
	}
	writeJSON(w, http.StatusOK, report.JSONDocument(&report.Result{
		Findings: res.Findings,
		Errors:   res.Errors,
		Files:    len(res.Files),
	}))
}

// decode reads and validates the request body. A non-zero status reports
// what is wrong with it.
func (a *api) decode(w http.ResponseWriter, r *http.Request) (req lintRequest, status int, msg string) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, a.cfg.MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		status, msg := decodeError(err)
		return req, status, msg
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err != nil {
			if status, msg := decodeError(err); status != http.StatusBadRequest {
				return req, status, msg
			}
		}
		return req, http.StatusBadRequest, "request body holds more than one JSON value"
	}
	switch {
	case req.Content == nil:
		return req, http.StatusBadRequest, `missing "content": the text to lint`
	case req.Kind != "" && !slices.Contains(lint.Kinds, req.Kind):
		return req, http.StatusBadRequest, fmt.Sprintf("unknown kind %q; want one of %v or none to detect it", req.Kind, lint.Kinds)
	case req.RetentionDays != nil && (*req.RetentionDays < 1 || *req.RetentionDays > maxRetentionDays):
		return req, http.StatusBadRequest, "retention_days must be between 1 and " + strconv.Itoa(maxRetentionDays)
	}
	return req, 0, ""
}

// decodeError turns a failure to read or decode the body into a status and
// a message that says what to fix.
func decodeError(err error) (int, string) {
	var tooLarge *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var netErr net.Error
	switch {
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, ""
	case errors.As(err, &netErr) && netErr.Timeout():
		return http.StatusRequestTimeout, "the request body did not arrive in time"
	case errors.Is(err, io.EOF):
		return http.StatusBadRequest, `empty request body; want a JSON object such as {"content": "..."}`
	case errors.Is(err, io.ErrUnexpectedEOF):
		return http.StatusBadRequest, "request body is not valid JSON: unexpected end of input"
	case errors.As(err, &syntax):
		return http.StatusBadRequest, fmt.Sprintf("request body is not valid JSON at byte %d: %v", syntax.Offset, err)
	case errors.As(err, &typ):
		return http.StatusBadRequest, fmt.Sprintf("request field %q must be a %s, not a %s", typ.Field, typ.Type, typ.Value)
	}
	return http.StatusBadRequest, "invalid request body: " + err.Error()
}

func (a *api) tooLarge(w http.ResponseWriter) {
	// The rest of an oversized body is not read; closing the connection
	// spares the client from sending it.
	w.Header().Set("Connection", "close")
	writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is larger than the limit of %d bytes (ctlint serve --max-body)", a.cfg.MaxBody))
}

// acquire takes a linting slot, waiting at most QueueWait for one.
func (a *api) acquire(ctx context.Context) (release func(), ok bool) {
	release = func() { <-a.slots }
	select {
	case a.slots <- struct{}{}:
		return release, true
	default:
	}
	t := time.NewTimer(a.cfg.QueueWait)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return release, true
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, false
}

// rules handles GET /api/v1/rules: the rule list as `ctlint rules --format
// json` prints it.
func (a *api) rules(w http.ResponseWriter, r *http.Request) {
	if !allowMethod(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	body, err := json.MarshalIndent(a.cfg.Engine.Rules(), "", "  ")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encode rules")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(append(body, '\n'))
}
