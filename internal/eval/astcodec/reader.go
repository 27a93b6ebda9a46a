package astcodec

import (
	"encoding/binary"
	"fmt"
	"math"
)

// reader reads varints from data, recording the first failure in err so
// callers can read a whole record and check once.
type reader struct {
	data []byte
	pos  int
	err  error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("astcodec: decode at byte %d: %s", r.pos, fmt.Sprintf(format, args...))
	}
}

func (r *reader) remaining() int { return len(r.data) - r.pos }

func (r *reader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.pos:])
	if n <= 0 {
		r.fail("truncated or overlong unsigned varint")
		return 0
	}
	r.pos += n
	return v
}

func (r *reader) int() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.data[r.pos:])
	if n <= 0 {
		r.fail("truncated or overlong signed varint")
		return 0
	}
	if v < math.MinInt || v > math.MaxInt {
		r.fail("integer %d out of range", v)
		return 0
	}
	r.pos += n
	return int(v)
}

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.pos >= len(r.data) {
		r.fail("truncated")
		return 0
	}
	b := r.data[r.pos]
	r.pos++
	return b
}

// count reads a length of items that each take at least one more byte, so a
// corrupt length fails here instead of driving a huge allocation.
func (r *reader) count() int {
	n := r.uint()
	if r.err == nil && n > uint64(r.remaining()) {
		r.fail("count %d exceeds the %d bytes left", n, r.remaining())
		return 0
	}
	return int(n)
}

// optCount reads what encoder.optLen wrote: ok is false for a nil slice.
func (r *reader) optCount() (n int, ok bool) {
	v := r.uint()
	if v == 0 || r.err != nil {
		return 0, false
	}
	v--
	if v > uint64(r.remaining()) {
		r.fail("count %d exceeds the %d bytes left", v, r.remaining())
		return 0, false
	}
	return int(v), true
}
