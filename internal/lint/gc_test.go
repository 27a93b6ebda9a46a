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
