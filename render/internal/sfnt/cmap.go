package sfnt

import (
	"encoding/binary"
	"sort"
)

// subtable returns the first subtable of a 'cmap' table for platform and encoding, when it is
// in format; nil when there is none.
func subtable(cmap []byte, platform, encoding, format uint16) []byte {
	if len(cmap) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		if binary.BigEndian.Uint16(cmap[rec:]) != platform || binary.BigEndian.Uint16(cmap[rec+2:]) != encoding {
			continue
		}
		off := int64(binary.BigEndian.Uint32(cmap[rec+4:]))
		if off+4 > int64(len(cmap)) {
			return nil
		}
		sub := cmap[off:]
		if binary.BigEndian.Uint16(sub) != format {
			return nil
		}
		return sub
	}
	return nil
}

// format4 is a format 4 subtable. Its 16-bit length overflows in large CJK fonts, so it runs to
// the end of the cmap table.
type format4 struct {
	sub      []byte
	segCount int
}

// parseFormat4 checks the header and the segment arrays of a format 4 subtable.
func parseFormat4(sub []byte) (format4, error) {
	if len(sub) < 14 {
		return format4{}, BadFont("Unicode の文字コード表（cmap）が壊れています")
	}
	segCount := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if segCount == 0 || len(sub) < 16+8*segCount {
		return format4{}, BadFont("Unicode の文字コード表（cmap）が壊れています")
	}
	return format4{sub: sub, segCount: segCount}, nil
}

func (t format4) u16(at int) int { return int(binary.BigEndian.Uint16(t.sub[at:])) }

// segmentGlyph returns the glyph of c in segment s, which covers c.
func (t format4) segmentGlyph(s, c int) int {
	delta := t.u16(16 + 4*t.segCount + 2*s)
	rangeAt := 16 + 6*t.segCount + 2*s
	ro := t.u16(rangeAt)
	if ro == 0 {
		return (c + delta) & 0xFFFF
	}
	at := rangeAt + ro + 2*(c-t.u16(16+2*t.segCount+2*s))
	if at+2 > len(t.sub) {
		return 0
	}
	g := t.u16(at)
	if g == 0 {
		return 0
	}
	return (g + delta) & 0xFFFF
}

// glyph finds c in the first segment that ends at or after it, as the PDF writer does.
func (t format4) glyph(c rune) int {
	s := sort.Search(t.segCount, func(i int) bool { return t.u16(14+2*i) >= int(c) })
	if s == t.segCount || int(c) < t.u16(16+2*t.segCount+2*s) {
		return 0
	}
	return t.segmentGlyph(s, int(c))
}

// each calls fn for every character with a glyph, segment by segment; segments that overlap
// are read at most twice over the BMP in all, so a damaged table costs bounded time.
func (t format4) each(fn func(r rune, glyph int)) {
	covered := 0
	for s := range t.segCount {
		end, start := t.u16(14+2*s), t.u16(16+2*t.segCount+2*s)
		if covered += end - start + 1; covered > 2*0x10000 {
			return
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			if g := t.segmentGlyph(s, c); g != 0 {
				fn(rune(c), g)
			}
		}
	}
}

// group is a range of consecutive characters mapped to consecutive glyphs.
type group struct {
	start, end rune
	glyph      int
}

// parseFormat12 returns the groups beyond the BMP of a format 12 subtable, sorted and without
// overlaps, leaving out glyphs outside the font; none when sub is nil or damaged.
func parseFormat12(sub []byte, numGlyphs int) []group {
	if len(sub) < 16 {
		return nil
	}
	count := int64(binary.BigEndian.Uint32(sub[12:]))
	if 16+12*count > int64(len(sub)) {
		return nil
	}
	var groups []group
	for g := int64(0); g < count; g++ {
		rec := sub[16+12*g:]
		start, end := int64(binary.BigEndian.Uint32(rec)), int64(binary.BigEndian.Uint32(rec[4:]))
		glyph := int64(binary.BigEndian.Uint32(rec[8:]))
		if end < start || end > 0x10FFFF || end <= 0xFFFF {
			continue
		}
		if start <= 0xFFFF {
			glyph += 0x10000 - start
			start = 0x10000
		}
		if glyph == 0 || glyph+end-start >= int64(numGlyphs) {
			continue
		}
		if len(groups) > 0 && rune(start) <= groups[len(groups)-1].end {
			return nil // unsorted or overlapping: a damaged table
		}
		groups = append(groups, group{start: rune(start), end: rune(end), glyph: int(glyph)})
	}
	return groups
}

// lookupGroup returns the glyph of r in groups, 0 when no group covers it.
func lookupGroup(groups []group, r rune) int {
	i := sort.Search(len(groups), func(i int) bool { return groups[i].end >= r })
	if i == len(groups) || r < groups[i].start {
		return 0
	}
	return groups[i].glyph + int(r-groups[i].start)
}
