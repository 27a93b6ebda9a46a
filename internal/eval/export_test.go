package eval

// FromCache says whether e's built-in rules were read from the cache.
func FromCache(e *Engine) bool { return e.fromCache }
