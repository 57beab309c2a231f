package pdf

import (
	"bytes"
	"io"
	"strconv"
	"testing"
)

// BenchmarkRender typesets the annex fixture (12 pages, 26 items) with the fonts loaded.
func BenchmarkRender(b *testing.B) {
	md := readFixture(b)
	ts := typesetter(b)
	var buf bytes.Buffer
	res, err := ts.Render(&buf, md, testMeta)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := ts.Render(io.Discard, md, testMeta); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
	b.ReportMetric(float64(res.Pages), "pages")
}

// BenchmarkNew loads the three fonts (parsed once per Typesetter).
func BenchmarkNew(b *testing.B) {
	set := fontSet(b)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := New(set); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkCompressLevel measures the zlib level of the content streams (the embedded fonts
// keep fontCompressLevel).
func BenchmarkCompressLevel(b *testing.B) {
	md := readFixture(b)
	for _, level := range []int{1, 6, 9} {
		b.Run(strconv.Itoa(level), func(b *testing.B) {
			ts, err := New(fontSet(b))
			if err != nil {
				b.Fatal(err)
			}
			ts.compress = level
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if _, err := ts.Render(&buf, md, testMeta); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "pdf-bytes")
		})
	}
}

// BenchmarkFontCompressLevel measures the zlib level of the embedded font subsets.
func BenchmarkFontCompressLevel(b *testing.B) {
	md := readFixture(b)
	for _, level := range []int{1, 2, 3, 4, 5, 6} {
		b.Run(strconv.Itoa(level), func(b *testing.B) {
			ts, err := New(fontSet(b))
			if err != nil {
				b.Fatal(err)
			}
			ts.fontZlib = level
			var buf bytes.Buffer
			start := cpuTime()
			for b.Loop() {
				buf.Reset()
				if _, err := ts.Render(&buf, md, testMeta); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
			b.ReportMetric(float64(buf.Len()), "pdf-bytes")
		})
	}
}
