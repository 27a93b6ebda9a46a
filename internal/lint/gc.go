package lint

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// gcPercent and gcMemoryLimit tune the garbage collector for one lint
// process. The live heap of a run is small while it lints (scopes are
// parsed, evaluated and dropped one at a time; about 20 MB at 1,000
// modules) but it allocates a lot: compiling the rules alone allocates
// about 20 MB, and evaluating a scope about ten times its source. With Go's
// default (collect when the heap doubles) a one-file run collects several
// times while compiling the rules. Letting the heap grow to five times the
// live heap, bounded by a soft limit well under the memory budget
// (BENCHMARKS.md: 150 MB at 1,000 modules), removes most collections.
const (
	gcPercent     = 400
	gcMemoryLimit = 96 << 20
)

var tuneGCOnce sync.Once

// TuneGC applies the collector settings above to this process, unless the
// user chose their own with GOGC or GOMEMLIMIT. It is meant for a
// short-lived command (a long-running server should keep Go's defaults);
// calls after the first do nothing.
func TuneGC() {
	tuneGCOnce.Do(func() {
		if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
			return
		}
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(gcMemoryLimit)
		go followLiveHeap(gcMemoryLimit)
	})
}

// followLiveHeap raises the soft limit to twice the live heap as the live
// heap grows. Findings are kept until the report is written, so the live
// heap grows with the size of the repository; were it to pass a fixed
// limit, the collector would run almost continuously (its CPU is capped at
// half of the process). Twice the live heap is Go's default target, so a
// large run degrades to the default instead of thrashing.
func followLiveHeap(limit uint64) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(20 * time.Millisecond) {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if want := 2 * sample[0].Value.Uint64(); want > limit {
			limit = want
			debug.SetMemoryLimit(int64(limit))
		}
	}
}
