// Package metrics reads the advance widths and the character coverage of a TrueType font in the
// units gopdf writes into a PDF's width array (thousandths of an em, rounded down), so that text
// is laid out exactly as wide as a viewer draws it.
//
// The Basic Multilingual Plane is read once into a table of 65,536 entries, a lookup is then a
// slice index; characters beyond it (𠀋 U+2000B in BIZ UD Mincho) are looked up in the groups of
// the font's format 12 cmap subtable, as gopdf does. Lookups are safe for concurrent use.
package metrics

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"unicode"
)

// missing marks a code point without a glyph in the table.
const missing = 0xFFFF

// Face holds the widths of one font.
type Face struct {
	widths  []uint16 // by code point; missing when the font has no glyph for it
	groups  []group  // format 12 groups beyond the BMP, by ascending start
	advance func(glyph int) uint16
}

// group is a range of consecutive characters beyond the BMP mapped to consecutive glyphs.
type group struct {
	start, end rune
	glyph      int
}

// ErrFormat reports a font that is not a TrueType font this package can read.
var ErrFormat = errors.New("metrics: not a readable TrueType font")

// Parse reads the cmap (platform 3, encoding 1, format 4: the subtable gopdf uses for the BMP),
// hhea, head and hmtx tables of a TrueType font.
func Parse(data []byte) (*Face, error) {
	tables, err := tableDirectory(data)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil {
		return nil, fmt.Errorf("%w: head, hhea or cmap table missing", ErrFormat)
	}
	unitsPerEm := uint32(binary.BigEndian.Uint16(head[18:]))
	if unitsPerEm == 0 {
		return nil, fmt.Errorf("%w: unitsPerEm is 0", ErrFormat)
	}
	numHMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if numHMetrics == 0 || len(hmtx) < 4*numHMetrics {
		return nil, fmt.Errorf("%w: hmtx table too short", ErrFormat)
	}
	advance := func(glyph int) uint16 {
		if glyph >= numHMetrics {
			glyph = numHMetrics - 1
		}
		w := uint32(binary.BigEndian.Uint16(hmtx[4*glyph:]))
		w = w * 1000 / unitsPerEm
		if w >= missing {
			w = missing - 1
		}
		return uint16(w)
	}
	sub, err := format4(cmap)
	if err != nil {
		return nil, err
	}
	numGlyphs := 0x10000
	if maxp := tables["maxp"]; len(maxp) >= 6 {
		numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	}
	f := &Face{widths: make([]uint16, 0x10000), advance: advance}
	f.groups = format12(cmap, numGlyphs)
	for i := range f.widths {
		f.widths[i] = missing
	}
	segCount := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if len(sub) < 16+8*segCount {
		return nil, fmt.Errorf("%w: cmap format 4 subtable too short", ErrFormat)
	}
	ends := sub[14:]
	starts := sub[16+2*segCount:]
	deltas := sub[16+4*segCount:]
	rangeOffsetsAt := 16 + 6*segCount
	covered := 0
	for s := 0; s < segCount; s++ {
		end := int(binary.BigEndian.Uint16(ends[2*s:]))
		start := int(binary.BigEndian.Uint16(starts[2*s:]))
		// Segments of a sane font do not overlap: refuse to spend long on one that does.
		if covered += end - start + 1; covered > 2*0x10000 {
			return nil, fmt.Errorf("%w: cmap segments overlap", ErrFormat)
		}
		delta := int(binary.BigEndian.Uint16(deltas[2*s:]))
		ro := int(binary.BigEndian.Uint16(sub[rangeOffsetsAt+2*s:]))
		for c := start; c <= end && c <= 0xFFFF; c++ {
			var glyph int
			if ro == 0 {
				glyph = (c + delta) & 0xFFFF
			} else {
				at := rangeOffsetsAt + 2*s + ro + 2*(c-start)
				if at+2 > len(sub) {
					continue
				}
				glyph = int(binary.BigEndian.Uint16(sub[at:]))
				if glyph != 0 {
					glyph = (glyph + delta) & 0xFFFF
				}
			}
			if glyph == 0 {
				continue
			}
			f.widths[c] = advance(glyph)
		}
	}
	return f, nil
}

// Width returns the advance width of r in thousandths of an em, and whether the font has a
// glyph for r.
func (f *Face) Width(r rune) (int, bool) {
	if r > 0xFFFF && r <= unicode.MaxRune {
		return f.supplementary(r)
	}
	if r < 0 || r > 0xFFFF {
		return 0, false
	}
	w := f.widths[r]
	if w == missing {
		return 0, false
	}
	return int(w), true
}

// supplementary looks r, a character beyond the BMP, up in the format 12 groups.
func (f *Face) supplementary(r rune) (int, bool) {
	i := sort.Search(len(f.groups), func(i int) bool { return f.groups[i].end >= r })
	if i == len(f.groups) || r < f.groups[i].start {
		return 0, false
	}
	glyph := f.groups[i].glyph + int(r-f.groups[i].start)
	return int(f.advance(glyph)), true
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.Width(r)
	return ok
}

// tableDirectory maps the tag of every table of a TrueType font to its bytes.
func tableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != 0x00010000 {
		return nil, fmt.Errorf("%w: not a TrueType outline font", ErrFormat)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("%w: table directory truncated", ErrFormat)
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off := int64(binary.BigEndian.Uint32(rec[8:]))
		size := int64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > int64(len(data)) {
			return nil, fmt.Errorf("%w: table %q outside the file", ErrFormat, rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+size]
	}
	return tables, nil
}

// format4 returns the cmap subtable for platform 3 encoding 1, which must be in format 4.
func format4(cmap []byte) ([]byte, error) {
	if len(cmap) < 4 {
		return nil, fmt.Errorf("%w: cmap table too short", ErrFormat)
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		if 4+8*i+8 > len(cmap) {
			break
		}
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if platform != 3 || encoding != 1 {
			continue
		}
		if off+14 > len(cmap) || binary.BigEndian.Uint16(cmap[off:]) != 4 {
			return nil, fmt.Errorf("%w: the Unicode cmap subtable is not in format 4", ErrFormat)
		}
		// The 16-bit length field overflows in large CJK fonts: read to the table's end instead.
		return cmap[off:], nil
	}
	return nil, fmt.Errorf("%w: no Windows Unicode (3,1) cmap subtable", ErrFormat)
}

// format12 returns the groups beyond the BMP of the first cmap subtable for platform 3 encoding
// 10 in format 12, sorted and without overlaps; none when the font has no such subtable or it is
// damaged. Glyphs outside the font (0 or numGlyphs and above) are left out.
func format12(cmap []byte, numGlyphs int) []group {
	if len(cmap) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int64(binary.BigEndian.Uint32(rec[4:]))
		if platform != 3 || encoding != 10 || off+16 > int64(len(cmap)) {
			continue
		}
		sub := cmap[off:]
		if binary.BigEndian.Uint16(sub) != 12 {
			continue
		}
		count := int64(binary.BigEndian.Uint32(sub[12:]))
		if 16+12*count > int64(len(sub)) {
			return nil
		}
		var groups []group
		for g := int64(0); g < count; g++ {
			rec := sub[16+12*g:]
			start, end := rune(binary.BigEndian.Uint32(rec)), rune(binary.BigEndian.Uint32(rec[4:]))
			glyph := int64(binary.BigEndian.Uint32(rec[8:]))
			if end < start || end > unicode.MaxRune || end <= 0xFFFF {
				continue
			}
			if start <= 0xFFFF {
				glyph += int64(0x10000 - start)
				start = 0x10000
			}
			if glyph == 0 || glyph+int64(end-start) >= int64(numGlyphs) {
				continue
			}
			if len(groups) > 0 && start <= groups[len(groups)-1].end {
				return nil // unsorted or overlapping: a damaged table
			}
			groups = append(groups, group{start: start, end: end, glyph: int(glyph)})
		}
		return groups
	}
	return nil
}
