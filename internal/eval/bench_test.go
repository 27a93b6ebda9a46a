package eval

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkStartup measures what every process pays before the first file:
// parsing, compiling and preparing the embedded rules, in one part and in
// as many as the machine's cores allow (Options.Parts); and, under cached,
// reading them from a cache entry instead (what every run after the first
// pays).
func BenchmarkStartup(b *testing.B) {
	ctx := context.Background()
	for _, parts := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("parts=%d", parts), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(ctx, Options{Parts: parts}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, parts := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("cached/parts=%d", parts), func(b *testing.B) {
			opts := Options{Parts: parts, CacheDir: b.TempDir()}
			if _, err := New(ctx, opts); err != nil { // writes the entry
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				e, err := New(ctx, opts)
				if err != nil {
					b.Fatal(err)
				}
				if !e.fromCache {
					b.Fatal("the cache was not read")
				}
			}
		})
	}
}
