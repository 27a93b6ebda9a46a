package eval

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkStartup measures what every process pays before the first file:
// parsing, compiling and preparing the embedded rules, in one part and in
// as many as the machine's cores allow (Options.Parts).
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
}
