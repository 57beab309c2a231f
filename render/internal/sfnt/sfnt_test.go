package sfnt

import (
	"errors"
	"os"
	"testing"

	"github.com/signintech/gopdf"
)

func fontData(t testing.TB, name string) []byte {
	t.Helper()
	for _, dir := range []string{"/usr/share/fonts/truetype/morisawa/", "/usr/share/fonts/truetype/bizud-mincho/", "/usr/share/fonts/truetype/bizud-gothic/", "/usr/share/fonts/opentype/ipaexfont-mincho/", "/usr/share/fonts/truetype/fonts-japanese-mincho.ttf/"} {
		if b, err := os.ReadFile(dir + name); err == nil {
			return b
		}
	}
	t.Skipf("font %s not installed", name)
	return nil
}

// TestGlyphsMatchGopdf checks that every character maps to the glyph the PDF writer uses.
func TestGlyphsMatchGopdf(t *testing.T) {
	data := fontData(t, "BIZUDMincho-Regular.ttf")
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "BIZUDMincho-Regular" {
		t.Errorf("name %q", f.Name)
	}
	var s gopdf.SubsetFontObj
	s.SetTtfFontOption(gopdf.TtfOption{})
	if err := s.SetTTFData(data); err != nil {
		t.Fatal(err)
	}
	mapped := 0
	for _, r := range append(runeRange(0, 0xFFFE), 0x2000B, 0x20BB7, 0x10FFFF) {
		want, err := s.CharCodeToGlyphIndex(r)
		if err != nil {
			want = 0
		}
		if got := f.Glyph(r); got != int(want) {
			t.Fatalf("glyph of %U = %d, gopdf says %d", r, got, want)
		}
		if want != 0 {
			mapped++
		}
	}
	if mapped < 7000 || f.Glyph(0x2000B) == 0 {
		t.Errorf("only %d characters mapped, U+2000B glyph %d", mapped, f.Glyph(0x2000B))
	}
	each := 0
	f.EachBMP(func(r rune, glyph int) {
		if each++; f.Glyph(r) != glyph {
			t.Fatalf("EachBMP gives glyph %d for %U, Glyph %d", glyph, r, f.Glyph(r))
		}
	})
	if each < 7000 {
		t.Errorf("EachBMP visited %d characters", each)
	}
	if w := f.Advance(f.Glyph('漢')); w != 1000 {
		t.Errorf("advance of 漢 = %d, want 1000", w)
	}
}

func runeRange(lo, hi rune) []rune {
	rs := make([]rune, 0, hi-lo+1)
	for r := lo; r <= hi; r++ {
		rs = append(rs, r)
	}
	return rs
}

func TestParseRejects(t *testing.T) {
	valid := fontData(t, "BIZUDGothic-Bold.ttf")
	noCmap := append([]byte(nil), valid...)
	// Rename the Windows Unicode cmap record's platform so no (3,1) subtable is left.
	_, tables, err := ReadTables(noCmap, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Tag == "cmap" {
			cmap := noCmap[tb.Offset:]
			for i := range int(cmap[2])<<8 | int(cmap[3]) {
				cmap[4+8*i+1] = 9 // platform 9 does not exist
			}
		}
	}
	cases := []struct {
		name string
		data []byte
		kind error
	}{
		{"empty", nil, ErrBadFont},
		{"CFF", []byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x00"), ErrNotTrueType},
		{"text", []byte("これはフォントではありません"), ErrBadFont},
		{"truncated", valid[:100], ErrBadFont},
		{"no Windows Unicode cmap", noCmap, ErrBadFont},
	}
	for _, c := range cases {
		if _, err := Parse(c.data); !errors.Is(err, c.kind) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.kind)
		}
	}
}

func TestCleanName(t *testing.T) {
	if got := CleanName("BIZ UD(明朝)/Regular#1%[x]<y>{z}-._+"); got != "BIZUDRegular1xyz-._+" {
		t.Errorf("CleanName = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x10"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if font, err := Parse(data); err == nil {
			font.Glyph('a')
			font.Glyph(0x2000B)
			font.EachBMP(func(rune, int) {})
			font.Advance(font.Glyph('a'))
		}
	})
}

// A character mapped to a glyph the font does not have counts as missing, so that the PDF
// writer is never asked to embed it.
func TestGlyphsBeyondTheFontAreMissing(t *testing.T) {
	data := append([]byte(nil), fontData(t, "BIZUDGothic-Bold.ttf")...)
	_, tables, err := ReadTables(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Tag == "maxp" {
			data[tb.Offset+4], data[tb.Offset+5] = 0, 100 // claim 100 glyphs
		}
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if g := f.Glyph('漢'); g != 0 {
		t.Errorf("漢 maps to glyph %d of a 100-glyph font", g)
	}
	f.EachBMP(func(r rune, glyph int) {
		if glyph >= 100 {
			t.Fatalf("EachBMP gives glyph %d for %U", glyph, r)
		}
	})
}
