package cli

import (
	"os"
	"path/filepath"
)

// cacheDirEnv overrides where compiled rules and their answers are cached;
// "off" turns the cache off.
const cacheDirEnv = "CTLINT_CACHE_DIR"

// ruleCacheDir is where the compiled built-in rules and their answers per
// document are kept between runs (internal/eval/cache.go, results.go):
// $CTLINT_CACHE_DIR, else ctlint/ in the user's cache directory
// ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
// %LocalAppData% on Windows). "" (no cache) when it is "off" or
// there is no user cache directory; a directory that cannot be written
// only makes every run compile the rules.
func ruleCacheDir() string {
	switch dir := os.Getenv(cacheDirEnv); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "ctlint")
	default:
		return dir
	}
}
