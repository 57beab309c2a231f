package pdf

import (
	"math"

	"github.com/annexgen/annexgen/render/linebreak"
)

// Punctuation spacing after JLReq 3.1.4 and 3.1.5. A full-width bracket, comma or full stop is
// a half-width mark plus a half em of space: before an opening bracket, after a closing bracket,
// comma or full stop; a middle dot or colon has a quarter em on each side. Where two such marks
// meet, the space between them collapses: none between two closing marks (「。）、」) or two
// opening brackets, a quarter em between a middle dot and a bracket, a half em between a closing
// and an opening mark (「」「」). The collapsed space is a negative kern
// after the first mark of the pair; justification then spreads the room it frees over the line.

// punctSpace returns the space a full-width punctuation mark holds before and after its glyph,
// in em, and whether r is such a mark.
func punctSpace(r rune) (before, after float64, ok bool) {
	switch linebreak.ClassOf(r) {
	case linebreak.Opening:
		return 0.5, 0, true
	case linebreak.Closing, linebreak.FullStop, linebreak.Comma:
		return 0, 0.5, true
	case linebreak.MiddleDot:
		return 0.25, 0.25, true
	}
	return 0, 0, false
}

// closingSide reports whether r carries its space after the glyph.
func closingSide(r rune) bool {
	before, after, ok := punctSpace(r)
	return ok && after > before
}

// kernEm returns the kern, in em, between the full-width marks a and b: zero or negative.
// A closing mark before a space also gives up its own space, so that 「）　」 is not a gap of
// one and a half em.
func kernEm(a, b rune) float64 {
	aBefore, aAfter, aOK := punctSpace(a)
	if !aOK {
		return 0
	}
	if b == ' ' || b == '\u3000' {
		if closingSide(a) {
			return -aAfter
		}
		return 0
	}
	bBefore, bAfter, bOK := punctSpace(b)
	if !bOK {
		return 0
	}
	natural := aAfter + bBefore
	var want float64
	switch {
	case closingSide(a) && closingSide(b):
		want = 0
	case aBefore > aAfter && bBefore > bAfter: // two opening brackets
		want = 0
	case aBefore == aAfter && bBefore == bAfter: // two middle dots
		want = natural
	case aBefore == aAfter || bBefore == bAfter: // a middle dot beside a bracket: its quarter em
		want = 0.25
	default:
		want = math.Max(aAfter, bBefore)
	}
	return math.Min(0, want-natural)
}

// kerns returns the kern after every rune of s that is a full-width punctuation mark followed
// by one, in points at size, keyed by byte offset; nil when there is none. face gives the font
// of the rune at a byte offset.
func (t *Typesetter) kerns(s string, size float64, face func(off int) faceID) map[int]float64 {
	var out map[int]float64
	prev, prevOff := rune(-1), 0
	for off, r := range s {
		if prev >= 0 {
			if k := kernEm(prev, r); k < 0 && t.fullWidth(face(prevOff), prev) && (r == ' ' || t.fullWidth(face(off), r)) {
				if out == nil {
					out = map[int]float64{}
				}
				out[prevOff] = k * size
			}
		}
		prev, prevOff = r, off
	}
	return out
}

// fullWidth reports whether the font draws r one em wide, the only case where the mark's space
// is inside its advance.
func (t *Typesetter) fullWidth(f faceID, r rune) bool {
	w, ok := t.faces[f].metrics.Width(r)
	return ok && w >= 950 && w <= 1050
}
