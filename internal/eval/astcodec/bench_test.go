package astcodec_test

import (
	"testing"

	"github.com/ctlint/ctlint/internal/eval/astcodec"
)

// BenchmarkDecode decodes the compiled embedded rules, as a cached run does.
func BenchmarkDecode(b *testing.B) {
	data, err := astcodec.Encode(compiled(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := astcodec.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data)), "encoded-bytes")
}

func BenchmarkEncode(b *testing.B) {
	modules := compiled(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := astcodec.Encode(modules); err != nil {
			b.Fatal(err)
		}
	}
}
