package eval

// FromCache says whether e's built-in rules were read from the cache.
func FromCache(e *Engine) bool { return e.fromCache }

// ResultLookups returns how many documents e found in and missed in the
// result cache; both are 0 when e keeps no results.
func ResultLookups(e *Engine) (hits, misses int64) {
	if e.results == nil {
		return 0, 0
	}
	return e.results.hits.Load(), e.results.misses.Load()
}
