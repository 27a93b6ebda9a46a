package cli

import (
	"bytes"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, enabled: true, start: time.Now()}
	p.update(1, 10) // within the first second: silent
	if buf.Len() != 0 {
		t.Fatalf("printed during the first second: %q", buf.String())
	}
	p.start = time.Now().Add(-2 * time.Second)
	p.update(2, 10)
	p.update(3, 10) // within the interval: skipped
	p.clear()
	if want := "\rlinted 2/10 scopes\r\x1b[K"; buf.String() != want {
		t.Errorf("progress wrote %q, want %q", buf.String(), want)
	}

	buf.Reset()
	off := newProgress(&buf, false) // a buffer is not a terminal
	off.start = time.Now().Add(-2 * time.Second)
	off.update(1, 1)
	off.clear()
	if buf.Len() != 0 {
		t.Errorf("progress on a non-terminal: %q", buf.String())
	}
}
