package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// newTimeoutServer starts the handler with small read timeouts, as
// NewServer configures large ones.
func newTimeoutServer(t *testing.T, readHeader, read time.Duration) *httptest.Server {
	t.Helper()
	h, err := NewHandler(Config{Engine: engine(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ReadHeaderTimeout = readHeader
	srv.Config.ReadTimeout = read
	srv.Config.WriteTimeout = 5 * time.Second
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// A client that sends its headers and then stalls in the body is cut off by
// the read timeout: it gets 408 and the connection is closed, long before
// the client's own patience (5s) runs out.
func TestSlowBodyIsCutOff(t *testing.T) {
	const readTimeout = 300 * time.Millisecond
	srv := newTimeoutServer(t, readTimeout, readTimeout)
	// The server's deadline starts when it accepts the connection, which
	// may be a little before Dial returns: measure from before Dial.
	start := time.Now()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/lint HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"content\": \"", srv.Listener.Addr())
	// ... and nothing more.
	if err := conn.SetReadDeadline(time.Now().Add(5 * time.Second)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response before the client gave up (%s): %v", time.Since(start), err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	elapsed := time.Since(start)
	if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), "did not arrive in time") {
		t.Errorf("status %d: %s", resp.StatusCode, body)
	}
	if elapsed < readTimeout || elapsed > 3*time.Second {
		t.Errorf("cut off after %s, want about %s", elapsed, readTimeout)
	}
	// The server closes the connection: a further read ends at once.
	if _, err := conn.Read(make([]byte, 1)); err == nil {
		t.Error("connection still open after the timeout")
	}
}

// A client that never finishes its headers is dropped by the header
// timeout without a handler ever running.
func TestSlowHeadersAreCutOff(t *testing.T) {
	const headerTimeout = 200 * time.Millisecond
	srv := newTimeoutServer(t, headerTimeout, time.Minute)
	start := time.Now() // before Dial: the server's deadline starts at accept
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/lint HTTP/1.1\r\nHost: x\r\n")
	if err := conn.SetReadDeadline(time.Now().Add(5 * time.Second)); err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(conn)
	elapsed := time.Since(start)
	if ne := net.Error(nil); errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("server kept the connection open for %s", elapsed)
	}
	if elapsed < headerTimeout || elapsed > 3*time.Second {
		t.Errorf("closed after %s, want about %s", elapsed, headerTimeout)
	}
}

func TestNewServerTimeouts(t *testing.T) {
	srv, err := NewServer("127.0.0.1:0", Config{Engine: engine(t), RequestTimeout: 10 * time.Second, QueueWait: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if srv.ReadHeaderTimeout != 5*time.Second || srv.ReadTimeout != 15*time.Second || srv.IdleTimeout != time.Minute {
		t.Errorf("read timeouts: header %s, read %s, idle %s", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.IdleTimeout)
	}
	// The write timeout must outlast a request that waits for a slot and
	// then lints until its own timeout, or its answer would be lost.
	if srv.WriteTimeout <= 15*time.Second {
		t.Errorf("WriteTimeout %s does not cover queue wait + request timeout", srv.WriteTimeout)
	}
}
