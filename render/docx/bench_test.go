package docx

import (
	"io"
	"testing"
)

// BenchmarkRender renders the sample annex (11 pages in LibreOffice).
func BenchmarkRender(b *testing.B) {
	md := readFixture(b, "hospital.annex")
	b.SetBytes(int64(len(md)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, md, testMeta); err != nil {
			b.Fatal(err)
		}
	}
}
