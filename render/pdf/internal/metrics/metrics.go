// Package metrics gives the advance widths and the character coverage of a TrueType font in the
// units gopdf writes into a PDF's width array (thousandths of an em, rounded down), so that text
// is laid out exactly as wide as a viewer draws it.
//
// A character of the Basic Multilingual Plane is looked up in the font's character map the first
// time it is asked for and kept in a table of 65,536 entries, a later lookup is a slice index; a
// document uses a few hundred characters of the 10,000 or more a Japanese font maps, so a process
// reads only those parts of the character map and the metrics. Characters beyond the BMP (𠀋
// U+2000B in BIZ UD Mincho) are looked up in the font's format 12 character map each time, as
// gopdf does. Lookups are safe for concurrent use.
package metrics

import (
	"sync/atomic"

	"github.com/annexgen/annexgen/render/internal/sfnt"
)

// Entries of the BMP table: an advance width w is stored as w+known.
const (
	unknown = 0 // not looked up yet
	missing = 1 // the font has no glyph for the character
	known   = 2
)

// Face holds the widths of one font.
type Face struct {
	widths []atomic.Uint32 // by code point
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

// New returns the widths of f, read as they are asked for.
func New(f *sfnt.Font) *Face {
	widths := make([]atomic.Uint32, 0x10000)
	// Written once now, so that its pages are mapped writable here, where
	// the fonts load, rather than by the lookups: a fresh page that is read
	// first is mapped to the kernel's shared zero page, and the write that
	// follows costs a second fault and a TLB flush on every core the process
	// runs on (tens of microseconds a page on a virtual machine).
	clear(widths)
	return &Face{widths: widths, font: f}
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
	e := f.widths[r].Load()
	if e == unknown {
		e = missing
		if g := f.font.Glyph(r); g != 0 {
			e = uint32(f.font.Advance(g)) + known
		}
		f.widths[r].Store(e) // another goroutine may store the same value
	}
	if e == missing {
		return 0, false
	}
	return int(e - known), true
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.Width(r)
	return ok
}
