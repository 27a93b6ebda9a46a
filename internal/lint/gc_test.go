package lint

import (
	"runtime/debug"
	"testing"
)

// TuneGC leaves the collector alone when the user set GOGC, and applies
// its settings once otherwise.
func TestTuneGCRespectsGOGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOGC", "100")
	TuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=100 set, TuneGC changed GC percent to %d", got)
	}
}

func TestHeapFollower(t *testing.T) {
	const mib = 1 << 20
	floor := uint64(gcMemoryLimit)
	t.Run("a small run keeps the starting limit", func(t *testing.T) {
		f := heapFollower{floor: floor, limit: floor}
		for range 10 * gcSmoothing {
			if got := f.next(30 * mib); got != floor {
				t.Fatalf("live heap 30 MiB: limit %d MiB, want %d MiB", got/mib, floor/mib)
			}
		}
	})
	t.Run("a steady live heap gets the headroom above it", func(t *testing.T) {
		f := heapFollower{floor: floor, limit: floor}
		var got uint64
		for range 20 * gcSmoothing {
			got = f.next(100 * mib)
		}
		if want := uint64(100*mib + gcHeadroom); got != want {
			t.Errorf("limit %d MiB, want %d MiB", got/mib, want/mib)
		}
	})
	t.Run("a brief spike barely moves the limit", func(t *testing.T) {
		f := heapFollower{floor: floor, limit: floor}
		for range 20 * gcSmoothing {
			f.next(60 * mib)
		}
		before := f.limit
		var peak uint64
		for range 5 { // 100 ms at the sampling rate
			peak = max(peak, f.next(160*mib))
		}
		if peak-before > 10*mib {
			t.Errorf("a 100 ms spike of 100 MiB raised the limit from %d to %d MiB", before/mib, peak/mib)
		}
	})
	t.Run("the limit comes down, not below the floor", func(t *testing.T) {
		f := heapFollower{floor: floor, limit: floor}
		for range 20 * gcSmoothing {
			f.next(200 * mib)
		}
		var got uint64
		for range 20 * gcSmoothing {
			got = f.next(5 * mib)
		}
		if got != floor {
			t.Errorf("limit %d MiB after the live heap fell, want the floor %d MiB", got/mib, floor/mib)
		}
	})
}
