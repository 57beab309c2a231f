package metrics

import (
	"os"
	"sync"
	"testing"

	"github.com/annexgen/annexgen/render/internal/sfnt"

	"github.com/signintech/gopdf"
)

func fontData(t testing.TB, name string) []byte {
	t.Helper()
	for _, dir := range []string{"/usr/share/fonts/truetype/morisawa/", "/usr/share/fonts/truetype/bizud-mincho/", "/usr/share/fonts/truetype/bizud-gothic/"} {
		if b, err := os.ReadFile(dir + name); err == nil {
			return b
		}
	}
	t.Skipf("font %s not installed", name)
	return nil
}

// withGopdf parses a font with Parse and loads it into gopdf at 1000 points, so that gopdf
// measures in the units of Width.
func withGopdf(t *testing.T, data []byte) (*Face, *gopdf.GoPdf) {
	t.Helper()
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := pdf.AddTTFFontData("f", data); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont("f", "", 1000); err != nil {
		t.Fatal(err)
	}
	return f, pdf
}

// TestWidthsMatchGopdf checks that the widths agree with what gopdf measures and writes.
func TestWidthsMatchGopdf(t *testing.T) {
	for _, name := range []string{"BIZUDMincho-Regular.ttf", "BIZUDGothic-Bold.ttf"} {
		data := fontData(t, name)
		f, pdf := withGopdf(t, data)
		for _, r := range "Aa1 .,WMi漢字かなカナ、。「」（）ー％〓①ｱ" {
			w, ok := f.Width(r)
			if !ok {
				t.Fatalf("%s: %q reported missing", name, r)
			}
			got, err := pdf.MeasureTextWidth(string(r))
			if err != nil {
				t.Fatal(err)
			}
			if float64(w) != got {
				t.Errorf("%s: width of %q = %d, gopdf says %v", name, r, w, got)
			}
		}
		for _, r := range []rune{0x0001, 0xE000, 0x10FFFF, 0x20BB7, -1} {
			if f.Has(r) {
				t.Errorf("%s: %U reported present", name, r)
			}
		}
	}
}

// TestSupplementaryCharacters checks a character beyond the BMP that BIZ UD Mincho has (𠀋
// U+2000B) against gopdf, and one it lacks (𠮷 U+20BB7).
func TestSupplementaryCharacters(t *testing.T) {
	data := fontData(t, "BIZUDMincho-Regular.ttf")
	f, pdf := withGopdf(t, data)
	w, ok := f.Width(0x2000B)
	if !ok {
		t.Fatal("U+2000B reported missing")
	}
	got, err := pdf.MeasureTextWidth("\U0002000B")
	if err != nil {
		t.Fatal(err)
	}
	if float64(w) != got || w == 0 {
		t.Errorf("width of U+2000B = %d, gopdf says %v", w, got)
	}
	if f.Has(0x20BB7) {
		t.Error("U+20BB7 reported present")
	}
}

// TestLookupsMatchTheCharacterMap checks every character of the BMP, looked up by two goroutines
// at once, against a walk of the whole character map.
func TestLookupsMatchTheCharacterMap(t *testing.T) {
	for _, name := range []string{"BIZUDMincho-Regular.ttf", "BIZUDGothic-Bold.ttf"} {
		font, err := sfnt.Parse(fontData(t, name))
		if err != nil {
			t.Fatal(err)
		}
		want := map[rune]int{}
		font.EachBMP(func(r rune, glyph int) { want[r] = font.Advance(glyph) })
		if len(want) < 10000 {
			t.Fatalf("%s: only %d characters mapped", name, len(want))
		}
		f := New(font)
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := rune(0); r <= 0xFFFF; r++ {
					f.Width(r)
				}
			}()
		}
		wg.Wait()
		for r := rune(0); r <= 0xFFFF; r++ {
			w, ok := f.Width(r)
			if ww, has := want[r]; ok != has || w != ww {
				t.Fatalf("%s: %U = %d, %v; the character map says %d, %v", name, r, w, ok, ww, has)
			}
		}
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("OTTO...."), make([]byte, 100), []byte("\x00\x01\x00\x00\x00\x09")} {
		if _, err := Parse(data); err == nil {
			t.Errorf("Parse(%q) succeeded", data)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x10"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if face, err := Parse(data); err == nil {
			face.Width('a')
			face.Width(0x2000B)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data := fontData(b, "BIZUDMincho-Regular.ttf")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
