package eval

import (
	"context"
	"testing"
)

// BenchmarkStartup measures what every process pays before the first file:
// parsing, compiling and preparing the embedded rules.
func BenchmarkStartup(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(ctx, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
