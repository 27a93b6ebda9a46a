package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A server on loopback answers requests addressed to loopback names only:
// a page that rebinds its own host name to 127.0.0.1 sends its host name.
func TestLoopbackServerRefusesOtherHosts(t *testing.T) {
	srv, err := NewServer("127.0.0.1:0", Config{Engine: engine(t)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:8080", http.StatusOK},
		{"localhost:8080", http.StatusOK},
		{"LOCALHOST", http.StatusOK},
		{"[::1]:8080", http.StatusOK},
		{"127.0.0.2", http.StatusOK},
		{"attacker.example:8080", http.StatusMisdirectedRequest},
		{"attacker.example", http.StatusMisdirectedRequest},
		{"localhost.attacker.example:8080", http.StatusMisdirectedRequest},
		{"10.0.0.1:8080", http.StatusMisdirectedRequest},
		{"", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			srv.Handler.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("Host %q: status %d, want %d (%s)", tt.host, rec.Code, tt.want, rec.Body)
			}
			if rec.Header().Get("Content-Security-Policy") == "" {
				t.Error("the answer lacks the security headers")
			}
			if tt.want != http.StatusOK && !strings.Contains(rec.Body.String(), `"error": "this server answers only requests addressed to localhost or a loopback address"`) {
				t.Errorf("body %s", rec.Body)
			}
		})
	}
}

// A server the user exposed on purpose (a non-loopback address) is reached
// by whatever name they give it.
func TestExposedServerTakesAnyHost(t *testing.T) {
	srv, err := NewServer("0.0.0.0:0", Config{Engine: engine(t)})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	req.Host = "ctlint.internal.example:8080"
	rec := httptest.NewRecorder()
	srv.Handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200", rec.Code)
	}
}
