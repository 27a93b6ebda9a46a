package cli

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress prints "linted 120/400 scopes" on a terminal's stderr during
// long runs, overwriting itself with \r, and clears the line at the end.
// Short runs (under a second) and non-terminals print nothing.
type progress struct {
	w       io.Writer
	enabled bool
	start   time.Time

	mu      sync.Mutex
	last    time.Time
	printed bool
}

const (
	progressDelay    = time.Second
	progressInterval = 100 * time.Millisecond
)

func newProgress(w io.Writer, quiet bool) *progress {
	return &progress{w: w, enabled: !quiet && isTerminal(w), start: time.Now()}
}

// update is lint.Options.Progress; it is called from several goroutines.
func (p *progress) update(done, total int) {
	if !p.enabled {
		return
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.start) < progressDelay || now.Sub(p.last) < progressInterval {
		return
	}
	p.last = now
	p.printed = true
	fmt.Fprintf(p.w, "\rlinted %d/%d scopes", done, total)
}

// clear erases the progress line, if one was printed.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.printed {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.printed = false
	}
}
