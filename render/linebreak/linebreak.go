// Package linebreak breaks Japanese and mixed Japanese/Latin text into lines following the
// line-breaking rules of W3C JLReq (JIS X 4051) at the strict level.
//
// Break opportunities come from Unicode line breaking (UAX #14, as implemented by
// github.com/rivo/uniseg), tailored for Japanese: no closing bracket, hyphen, dividing
// punctuation, middle dot, full stop, comma, iteration mark, prolonged sound mark or small kana
// at a line start; no opening bracket at a line end; no break inside —— or ……, between a
// currency sign and its amount, between a number and its unit sign (%, ℃, …), or inside
// numbers and words. Curly quotes “‘ are opening brackets and ”’ closing brackets, as in
// Japanese text. Lines never exceed the width: instead of hanging punctuation past the edge, the
// character before it moves down with it (oidashi), or, with BreakShrink, the line is squeezed
// into the width by the spaces inside its punctuation (oikomi). A quarter-em space separates kana and kanji
// from Latin letters and numerals.
package linebreak

import (
	"math"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Measure returns the advance width, in points, of the rune at byte offset off of the text being
// broken (the offset lets the caller use several fonts in one paragraph). Widths that are
// negative or not finite count as zero.
type Measure func(off int, r rune) float64

// Line is one output line.
type Line struct {
	Start, End int     // byte offsets into the input: text[Start:End] is the line's text
	Width      float64 // natural width, inter-script spaces included, trailing spaces excluded
	Gaps       []int   // byte offsets (into the input) before which a quarter-em gap is drawn
}

// unit flags.
const (
	canBreak  = 1 << iota // a line may break before this unit
	mustBreak             // a line must break before this unit (after a hard line break character)
	gapBefore             // a quarter-em space goes before this unit, unless a line breaks there
	space                 // the unit is a space: it does not count toward the width at a line end
	ideograph             // the unit is a single rune of UAX #14 class ID without context rules
)

// unit is one grapheme cluster of the text being broken.
type unit struct {
	off   int     // byte offset of the cluster
	r     rune    // the cluster's first rune
	cum   float64 // total advance width of the units before this one
	give  float64 // total shrink of the units before this one (see BreakShrink)
	gaps  int32   // number of gapBefore flags on the units before this one
	solid int32   // index just after the last non-space unit before this one (0 if none)
	flags uint8
}

// gapWidth returns the width of the inter-script space for a font size em.
func gapWidth(em float64) float64 {
	if !(em > 0) || math.IsInf(em, 0) {
		return 0
	}
	return em / 4
}

// Break splits text into lines no wider than width, where em is the font size used for the
// quarter-em gaps. Concatenating text[Start:End] of all lines gives back text exactly: spaces at a
// break stay at the end of the line and do not count toward its Width. A line is wider than width
// only when it holds a single grapheme cluster wider than width. A run of text without any
// permitted break that is wider than width is split between grapheme clusters, keeping to the
// line-start and line-end rules where a split point within a few characters allows.
//
// Callers split paragraphs at hard line breaks themselves; a hard line break character left in
// text (CR, LF, VT, FF, NEL, U+2028, U+2029) still ends its line. Empty text gives no lines.
func Break(text string, width, em float64, measure Measure) []Line {
	return BreakShrink(text, width, em, measure, nil)
}

// BreakShrink is Break with line-end squeezing (JLReq 3.8, 追い込み): shrink returns how much the
// advance of the rune at an offset may give up (the space inside a full-width comma, full stop
// or closing bracket). When the character that overflows a line may not start the next one, so
// that Break would push characters down (追い出し), and squeezing the line by at most the sum of
// its shrinks lets it end one or two characters later, at a permitted break, it does: such a line
// has a Width above width, by no more than its shrinks. A nil shrink is Break.
func BreakShrink(text string, width, em float64, measure, shrink Measure) []Line {
	if text == "" {
		return nil
	}
	if math.IsNaN(width) {
		width = 0
	}
	units := analyze(text, measure, true)
	if shrink != nil {
		var give float64
		for i := range units[:len(units)-1] {
			units[i].give = give
			if g := shrink(units[i].off, units[i].r); g > 0 && !math.IsInf(g, 1) {
				give += g
			}
		}
		units[len(units)-1].give = give
	}
	return layout(units, width, gapWidth(em))
}

// maxOikomi is how many characters past the overflow a squeezed line may take.
const maxOikomi = 2

// squeezeTo returns the end of a squeezed line from s that takes the characters up to a permitted
// break after the overflow at unit i, or 0 when none fits.
func squeezeTo(units []unit, s, i int, maxWidth, gap float64) int {
	n := len(units) - 1
	if units[i-1].flags&canBreak != 0 && i-1 > s {
		return 0 // the overflowing character may start a line: nothing is pushed down
	}
	for j := i; j <= n && j <= i+maxOikomi; j++ {
		if j < n && units[j].flags&(canBreak|mustBreak) == 0 {
			continue
		}
		w, solid := lineWidth(units, s, j, gap)
		if w-(units[solid].give-units[s].give) <= maxWidth {
			return j
		}
		return 0
	}
	return 0
}

// Opportunities returns the byte offsets of text, in increasing order, before which a line may
// break under the tailored rules (0 and len(text) excluded). Offsets after a hard line break
// character, where a line must break, are included.
func Opportunities(text string) []int {
	if text == "" {
		return nil
	}
	units := analyze(text, nil, false)
	var offs []int
	for _, u := range units[1 : len(units)-1] {
		if u.flags&(canBreak|mustBreak) != 0 {
			offs = append(offs, u.off)
		}
	}
	return offs
}

// CanBreak reports whether a line may break before byte offset off of text. It analyses the
// whole text: to test many offsets, use Opportunities.
func CanBreak(text string, off int) bool {
	if off <= 0 || off >= len(text) {
		return false
	}
	for _, o := range Opportunities(text) {
		if o == off {
			return true
		}
		if o > off {
			break
		}
	}
	return false
}

// Forbidden reports whether JLReq forbids a line break between the adjacent characters prev and
// next, where before is the character before prev (-1 when there is none). It is the Japanese
// tailoring only; Break also keeps the UAX #14 rules, such as no break inside a Latin word.
func Forbidden(before, prev, next rune) bool {
	switch {
	case NotAtStart(next), NotAtEnd(prev):
		return true
	}
	pc, nc := ClassOf(prev), ClassOf(next)
	switch {
	case pc == Inseparable && prev == next:
		return true
	case pc == PrefixAbbrev && isDigit(next), nc == PostfixAbbrev && isDigit(prev):
		return true
	case isDigit(prev) && isDigit(next), isFullwidthAlnum(prev) && isFullwidthAlnum(next):
		return true
	}
	switch prev {
	case ',', '.', '，', '．': // a separator inside a number: 1,000.5
		return isDigit(before) && isDigit(next)
	case '’': // an apostrophe inside a word: don’t
		return isLetter(before) && isLetter(next)
	}
	return false
}

func isLetter(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && IsLatin(r) && !isDigit(r)
}

// isSpace reports whether r is a space or a hard line break character: such characters do not
// count toward the width of a line they end.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\u1680', '\u205f', '\r', '\n', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return r >= '\u2000' && r <= '\u200a' && r != '\u2007'
}

// isHardBreak reports whether a grapheme cluster starting with r may end in a hard line break
// (UAX #14 classes BK, CR, LF and NL).
func isHardBreak(r rune) bool {
	switch r {
	case '\r', '\n', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// scanRune returns the rune UAX #14 should see in place of r: Japanese uses curly quotes and «
// as brackets and the fullwidth tilde as a wave dash. Each replacement has r's UTF-8 length.
func scanRune(r rune) rune {
	switch r {
	case '‘', '“':
		return '「'
	case '’', '”':
		return '」'
	case '«':
		return '¡' // an opening punctuation of the same length (UAX #14 leaves « ambiguous)
	case '～':
		return '〜'
	}
	return r
}

// plainIdeograph reports whether r is a kanji or a kana that is not small: UAX #14 class ID,
// where a line may break on both sides whatever the context, and a grapheme cluster of its own
// unless a combining mark follows.
func plainIdeograph(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FEF, r >= 0x3400 && r <= 0x4DBF:
		return true
	case r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA:
		return ClassOf(r) != SmallKana
	}
	return false
}

// simpleRune reports whether r is printable ASCII or a plain ideograph: two such runes in a
// row are two grapheme clusters.
func simpleRune(r rune) bool {
	return r >= 0x20 && r < 0x7F || plainIdeograph(r)
}

// analyze splits text into grapheme clusters and finds the break opportunities, the inter-script
// gaps and, when measure is not nil, the running widths. The result ends with a sentinel unit at
// len(text).
//
// Most of Japanese text is kanji and kana, between which UAX #14 always allows a break: those
// boundaries are decided here, and uniseg is consulted, from the last such character, only for
// the others.
func analyze(text string, measure Measure, gaps bool) []unit {
	units, substitute := clusters(text, measure, gaps)
	markBreaks(text, units, substitute)
	return units
}

// clusters returns the grapheme clusters of text as units, with the sentinel, and whether a
// character is read as another for the line-break rules (scanRune).
func clusters(text string, measure Measure, gaps bool) ([]unit, bool) {
	units := make([]unit, 0, utf8.RuneCountInString(text)+1)
	substitute := false
	var cum float64
	var nGaps, solid int32
	state := -1
	r, size := utf8.DecodeRuneInString(text)
	for off := 0; off < len(text); {
		var cluster string
		next, nextSize := utf8.DecodeRuneInString(text[off+size:])
		u := unit{off: off, r: r, cum: cum, gaps: nGaps, solid: solid}
		if simpleRune(r) && (nextSize == 0 || simpleRune(next)) {
			cluster, state = text[off:off+size], -1
		} else {
			cluster, _, _, state = uniseg.FirstGraphemeClusterInString(text[off:], state)
		}
		if len(cluster) == size && plainIdeograph(r) {
			u.flags |= ideograph
		}
		if isSpace(r) {
			u.flags |= space
		} else {
			solid = int32(len(units)) + 1
		}
		if n := len(units); gaps && n > 0 && units[n-1].flags&u.flags&ideograph == 0 && NeedsGap(units[n-1].r, r) {
			u.flags |= gapBefore
			nGaps++
		}
		if scanRune(r) != r {
			substitute = true
		}
		if measure != nil {
			for i, c := range cluster {
				if w := measure(off+i, c); w > 0 && !math.IsInf(w, 1) {
					cum += w
				}
			}
		}
		units = append(units, u)
		off += len(cluster)
		if len(cluster) == size {
			r, size = next, nextSize
		} else {
			r, size = utf8.DecodeRuneInString(text[off:])
		}
	}
	return append(units, unit{off: len(text), r: -1, cum: cum, gaps: nGaps, solid: solid}), substitute
}

// markBreaks marks the break opportunities between the units of text.
func markBreaks(text string, units []unit, substitute bool) {
	scan := text
	if substitute {
		b := []byte(text)
		for _, u := range units[:len(units)-1] {
			if s := scanRune(u.r); s != u.r {
				utf8.EncodeRune(b[u.off:], s)
			}
		}
		scan = string(b)
	}

	// Walk the UAX #14 segments alongside the clusters: a segment end that falls on a cluster
	// boundary is a break opportunity, subject to the Japanese rules. Mandatory breaks are taken
	// from the characters themselves: uniseg v0.4.7 also reports one after an emoji modifier
	// sequence such as 👍🏽.
	lineState, segEnd := -1, 0
	for i := 1; i < len(units)-1; i++ {
		prev, off := &units[i-1], units[i].off
		if isHardBreak(prev.r) { // such a character is a grapheme cluster of its own (or CR LF)
			units[i].flags |= mustBreak
			continue
		}
		if prev.flags&units[i].flags&ideograph != 0 {
			units[i].flags |= canBreak // ID ÷ ID, and no Japanese rule forbids it
			continue
		}
		if segEnd < prev.off && prev.flags&ideograph != 0 {
			segEnd, lineState = prev.off, -1 // UAX #14 needs no context before an ideograph
		}
		for segEnd < off {
			seg, _, _, st := uniseg.FirstLineSegmentInString(scan[segEnd:], lineState)
			segEnd, lineState = segEnd+len(seg), st
		}
		if segEnd != off {
			continue
		}
		before := rune(-1)
		if i >= 2 {
			before = units[i-2].r
		}
		if !Forbidden(before, prev.r, units[i].r) {
			units[i].flags |= canBreak
		}
	}
}

// lineWidth returns the natural width of units [s, e): trailing spaces excluded, inter-script gaps
// inside the line included. It also returns the end of the line without its trailing spaces.
func lineWidth(units []unit, s, e int, gap float64) (float64, int) {
	solid := max(int(units[e].solid), s)
	if solid <= s {
		return 0, s
	}
	w := units[solid].cum - units[s].cum
	if n := units[solid].gaps - units[s+1].gaps; n > 0 {
		w += float64(n) * gap
	}
	return w, solid
}

// maxOidashi is how many clusters an emergency split looks back for a point that keeps to the
// line-start and line-end rules.
const maxOidashi = 8

// layout breaks the analysed text greedily at the last permitted opportunity that fits.
func layout(units []unit, maxWidth, gap float64) []Line {
	n := len(units) - 1
	lines := make([]Line, 0, 4)
	var gapOffs []int
	emit := func(s, e int) {
		w, solid := lineWidth(units, s, e, gap)
		first := len(gapOffs)
		for i := s + 1; i < solid; i++ {
			if units[i].flags&gapBefore != 0 {
				gapOffs = append(gapOffs, units[i].off)
			}
		}
		var g []int
		if len(gapOffs) > first {
			g = gapOffs[first:len(gapOffs):len(gapOffs)]
		}
		lines = append(lines, Line{Start: units[s].off, End: units[e].off, Width: w, Gaps: g})
	}
	// extend moves a break point past the spaces that follow it, so they end the line.
	extend := func(b int) int {
		for b < n && units[b].flags&(space|mustBreak|canBreak) == space {
			b++
		}
		return b
	}

	s, last := 0, -1 // current line start; last break opportunity in (s, i]
	for i := 1; i <= n; i++ {
		for {
			if w, _ := lineWidth(units, s, i, gap); !(w > maxWidth) {
				break
			}
			if last > s {
				if j := squeezeTo(units, s, i, maxWidth, gap); j > 0 {
					emit(s, j)
					s, last = j, -1
					if j > i {
						i = j
					}
					continue
				}
				emit(s, last)
				s, last = last, -1
				continue
			}
			// No permitted break: split the run.
			b := extend(splitPoint(units, s, i))
			emit(s, b)
			s = b
			if s >= i {
				break
			}
		}
		if s >= i {
			i = s // the split took the following spaces along
			continue
		}
		if i == n {
			break
		}
		switch {
		case units[i].flags&mustBreak != 0:
			emit(s, i)
			s, last = i, -1
		case units[i].flags&canBreak != 0:
			last = i
		}
	}
	if s < n {
		emit(s, n)
	}
	return lines
}

// splitPoint returns where to split a run without permitted breaks from unit s that overflows at
// unit i, looking back a little for a point that keeps to the line-start and line-end rules.
func splitPoint(units []unit, s, i int) int {
	b := i - 1
	if b == s {
		return i // a single cluster wider than the line
	}
	for c := b; c > s && c >= i-1-maxOidashi; c-- {
		if units[c].flags&canBreak != 0 || !forbiddenAt(units, c) {
			return c
		}
	}
	return b
}

// forbiddenAt reports whether the Japanese rules forbid a break before unit i.
func forbiddenAt(units []unit, i int) bool {
	before := rune(-1)
	if i >= 2 {
		before = units[i-2].r
	}
	return Forbidden(before, units[i-1].r, units[i].r)
}
