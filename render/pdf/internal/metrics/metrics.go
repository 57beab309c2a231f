// Package metrics gives the advance widths and the character coverage of a TrueType font in the
// units gopdf writes into a PDF's width array (thousandths of an em, rounded down), so that text
// is laid out exactly as wide as a viewer draws it.
//
// The Basic Multilingual Plane is read once into a table of 65,536 entries, a lookup is then a
// slice index; characters beyond it (𠀋 U+2000B in BIZ UD Mincho) are looked up in the font's
// format 12 character map, as gopdf does. Lookups are safe for concurrent use.
package metrics

import (
	"github.com/annexgen/annexgen/render/internal/sfnt"
)

// missing marks a code point without a glyph in the table.
const missing = 0xFFFF

// Face holds the widths of one font.
type Face struct {
	widths []uint16 // by code point; missing when the font has no glyph for it
	font   *sfnt.Font
}

// Parse reads a TrueType font; see New.
func Parse(data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return New(f), nil
}

// New reads the widths of the BMP characters of f.
func New(f *sfnt.Font) *Face {
	m := &Face{widths: make([]uint16, 0x10000), font: f}
	for i := range m.widths {
		m.widths[i] = missing
	}
	f.EachBMP(func(r rune, glyph int) {
		m.widths[r] = uint16(min(f.Advance(glyph), missing-1))
	})
	return m
}

// Width returns the advance width of r in thousandths of an em, and whether the font has a
// glyph for r.
func (f *Face) Width(r rune) (int, bool) {
	if r < 0 || r > 0xFFFF {
		g := f.font.Glyph(r)
		if g == 0 {
			return 0, false
		}
		return f.font.Advance(g), true
	}
	w := f.widths[r]
	if w == missing {
		return 0, false
	}
	return int(w), true
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.Width(r)
	return ok
}
