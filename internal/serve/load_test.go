package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad sends the seed policy from 32 concurrent clients to a server
// with the production configuration on loopback and requires every answer
// to be a complete report. 200 requests run always; the full 2,000 (the
// numbers in BENCHMARKS.md) run with CTLINT_LOAD=1:
//
//	CTLINT_LOAD=1 go test -run '^TestLoad$' -v ./internal/serve
func TestLoad(t *testing.T) {
	const clients = 32
	requests := 200
	if os.Getenv("CTLINT_LOAD") != "" {
		requests = 2000
	}
	base := startLoopbackServer(t)
	body, err := json.Marshal(map[string]string{"content": readSeed(t)})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true},
	}
	defer client.CloseIdleConnections()

	var next atomic.Int64
	latencies := make([]time.Duration, requests)
	var mu sync.Mutex
	var failures []string
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= requests {
					return
				}
				t0 := time.Now()
				err := lintOnce(client, base, body)
				latencies[i] = time.Since(t0)
				if err != nil {
					mu.Lock()
					failures = append(failures, err.Error())
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if len(failures) > 0 {
		t.Fatalf("%d of %d requests failed; first: %s", len(failures), requests, failures[0])
	}
	slices.Sort(latencies)
	p50 := latencies[requests*50/100]
	p99 := latencies[requests*99/100]
	t.Logf("%d requests, %d clients, %d CPUs (GOMAXPROCS %d): 0 errors, p50 %s, p99 %s, max %s, %.0f requests/s",
		requests, clients, runtime.NumCPU(), runtime.GOMAXPROCS(0),
		p50.Round(100*time.Microsecond), p99.Round(100*time.Microsecond), latencies[requests-1].Round(100*time.Microsecond),
		float64(requests)/elapsed.Seconds())
}

// lintOnce posts one lint request and checks that the answer is a report
// with the seed policy's CT101 finding.
func lintOnce(client *http.Client, base string, body []byte) error {
	resp, err := client.Post(base+"/api/v1/lint", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, out)
	}
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		return fmt.Errorf("decode report: %w", err)
	}
	for _, f := range rep.Findings {
		if f.RuleID == "CT101" {
			return nil
		}
	}
	return fmt.Errorf("report without CT101: %s", out)
}
