package lint

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// gcMemoryLimit and gcHeadroom tune the garbage collector for one lint
// process. The live heap of a run is small while it lints (scopes are
// parsed, evaluated and dropped one at a time; about 20 MB at 1,000
// modules) but it allocates a lot: compiling the rules alone allocates
// about 25 MB, and evaluating a scope about ten times its source. The
// proportional trigger (GOGC) is off and a soft memory limit alone starts
// collections: a one-file run (about 40 MB allocated in all) never
// collects, which took a quarter of its CPU with GOGC=400, and a large run
// collects whenever its heap reaches the limit, well under the memory
// budget (BENCHMARKS.md: 150 MB at 1,000 modules). gcHeadroom is how far
// above the live heap the limit is kept once the live heap outgrows the
// starting limit (followLiveHeap).
const (
	gcMemoryLimit = 96 << 20
	gcHeadroom    = 64 << 20
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
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(gcMemoryLimit)
		go followLiveHeap(gcMemoryLimit)
	})
}

// followLiveHeap keeps the soft limit a fixed headroom above the live heap,
// smoothed, as the live heap grows. Findings are kept until the report is
// written, so the live heap grows with the size of the repository; were it
// to pass a fixed limit, the collector would run almost continuously (its
// CPU is capped at half of the process).
func followLiveHeap(limit uint64) {
	f := heapFollower{floor: limit, limit: limit}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(gcSampleEvery) {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if want := f.next(sample[0].Value.Uint64()); want != limit {
			limit = want
			debug.SetMemoryLimit(int64(limit))
		}
	}
}

// gcSampleEvery is how often followLiveHeap reads the live heap, and
// gcSmoothing how many samples its average mostly spans (one second).
const (
	gcSampleEvery = 20 * time.Millisecond
	gcSmoothing   = 50
)

// heapFollower computes the soft limit from samples of the live heap: a
// fixed headroom (gcHeadroom) above the live heap's moving average, never
// below the starting limit (floor).
//
// The headroom is about what a small run has (its limit less its live
// heap): each collection then frees about as much as in a small run, so the
// collector's share of the CPU grows only with the cost of marking a larger
// live heap, while the process's memory grows by what it keeps, not by a
// multiple of it. The average makes the limit follow the growth of the
// findings, which is slow, but not the copies of them made after linting
// (filtering, suppressions, fingerprints), which live for a fraction of a
// second: during those the collector runs more often instead of the process
// keeping the peak's memory.
type heapFollower struct {
	floor, limit uint64
	average      float64 // exponential moving average of the live heap
}

func (f *heapFollower) next(live uint64) uint64 {
	f.average += (float64(live) - f.average) / gcSmoothing
	// Whole mebibytes: the limit changes when the heap does, not on every
	// sample.
	const mib = 1 << 20
	f.limit = max(f.floor, uint64(f.average+mib/2)/mib*mib+gcHeadroom)
	return f.limit
}
