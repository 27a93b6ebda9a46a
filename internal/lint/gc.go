package lint

import (
	"os"
	"runtime/debug"
)

// gcPercent and gcMemoryLimit tune the garbage collector for one lint
// process. The live heap of a run is small (scopes are parsed, evaluated and
// dropped one at a time) but it allocates a lot: compiling the rules alone
// allocates about 20 MB, and evaluating a scope about ten times its source.
// With Go's default (collect when the heap doubles) a one-file run collects
// several times while compiling the rules. Letting the heap grow to five
// times the live heap, bounded by a soft limit well under the memory budget
// (BENCHMARKS.md: 150 MB at 1,000 modules), removes most collections without
// letting memory grow with the size of the repository.
const (
	gcPercent     = 400
	gcMemoryLimit = 96 << 20
)

// TuneGC applies the collector settings above to this process, unless the
// user chose their own with GOGC or GOMEMLIMIT. Call it once, from a
// short-lived command; a long-running server should keep Go's defaults.
func TuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(gcMemoryLimit)
}
