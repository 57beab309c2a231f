package pdf

import (
	"math"
	"regexp"

	"github.com/annexgen/annexgen/render/linebreak"
)

// A title too long for one line is broken where a reader would pause, not wherever the line
// runs out: at a space, or else at a phrase boundary (after a comma or a closing bracket,
// before an opening bracket, where katakana meets kanji, where kana gives way to kanji), into
// lines of even length. When no such break gives two lines that fit, the title is set a little
// smaller, then in three lines, before it is broken like running text.

// titleShrink is how far, in points, a title may be made smaller to fit in two lines.
const titleShrink = 2.5

// maxTitleBreaks bounds the work on a title: one with more places to break is set as running
// text.
const maxTitleBreaks = 40

// setTitle sets a centred title of more than one line at size or a little smaller.
func (t *Typesetter) setTitle(r rich, w, size float64) ([]textLine, float64) {
	spaces, phrases, weak := titleBreaks(r.text)
	if len(spaces)+len(phrases)+len(weak) > maxTitleBreaks {
		return t.setText(r, w, size, alignCenter), size
	}
	for s := size; s >= size-titleShrink; s -= 0.5 {
		for _, breaks := range [][]int{spaces, phrases, weak} {
			if lines := t.balanced(r, w, s, breaks, 2); lines != nil {
				return lines, s
			}
		}
	}
	all := append(append(append([]int(nil), spaces...), phrases...), weak...)
	if lines := t.balanced(r, w, size, all, 3); lines != nil {
		return lines, size
	}
	return t.setText(r, w, size, alignCenter), size
}

// balanced sets r in n lines broken at some of the offsets in breaks (ascending within each
// kind), choosing the breaks that make the widest line narrowest; nil when no choice fits.
func (t *Typesetter) balanced(r rich, w, size float64, breaks []int, n int) []textLine {
	var best []textLine
	bestW := math.Inf(1)
	try := func(offs ...int) {
		set := t.setText(withBreaks(r, offs), w, size, alignCenter)
		if len(set) != n {
			return
		}
		var widest float64
		for _, l := range set {
			widest = math.Max(widest, l.width)
		}
		if widest < bestW {
			best, bestW = set, widest
		}
	}
	for i, a := range breaks {
		if n == 2 {
			try(a)
			continue
		}
		for _, b := range breaks[i+1:] {
			if b > a {
				try(a, b)
			}
		}
	}
	return best
}

// withBreaks returns r with a hard line break at each offset (ascending); a space at an offset
// becomes the break.
func withBreaks(r rich, offs []int) rich {
	out := r
	for k := len(offs) - 1; k >= 0; k-- {
		off := offs[k]
		if off < len(out.text) && out.text[off] == ' ' {
			b := []byte(out.text)
			b[off] = '\n'
			out.text = string(b)
			continue
		}
		out.text = out.text[:off] + "\n" + out.text[off:]
		spans := make([]span, len(out.spans))
		for i, sp := range out.spans {
			if sp.end > off {
				sp.end++
			}
			spans[i] = sp
		}
		out.spans = spans
	}
	return out
}

// titleBreaks returns the offsets of the spaces of s, of its phrase boundaries and of its weak
// phrase boundaries (kanji before katakana, as in 部門｜システム but also 院内｜ネットワーク).
func titleBreaks(s string) (spaces, phrases, weak []int) {
	opps := map[int]bool{}
	for _, o := range linebreak.Opportunities(s) {
		opps[o] = true
	}
	prev := rune(-1)
	for off, r := range s {
		switch {
		case r == ' ' || r == '\u3000':
			spaces = append(spaces, off)
		case prev < 0 || prev == ' ' || prev == '\u3000' || !opps[off]:
		case phraseBoundary(prev, r):
			phrases = append(phrases, off)
		case script(prev) == kanji && script(r) == katakana:
			weak = append(weak, off)
		}
		prev = r
	}
	return spaces, phrases, weak
}

// phraseBoundary reports whether a phrase ends between a and b: after a comma, a full stop or a
// closing bracket, before an opening bracket, after katakana or kana before kanji or katakana.
func phraseBoundary(a, b rune) bool {
	switch {
	case closingSide(a) || linebreak.ClassOf(b) == linebreak.Opening:
		return true
	case script(a) == katakana && script(b) == kanji:
		return true
	case script(a) == hiragana && (script(b) == kanji || script(b) == katakana):
		return true
	}
	return false
}

type scriptKind uint8

const (
	otherScript scriptKind = iota
	hiragana
	katakana
	kanji
)

func script(r rune) scriptKind {
	switch {
	case r >= 0x3041 && r <= 0x309F:
		return hiragana
	case r >= 0x30A0 && r <= 0x30FF:
		return katakana
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r == '々':
		return kanji
	}
	return otherScript
}

// attachment matches the label that starts the title of an attachment: 別紙, 別紙2, 別表1,
// followed by a full-width space.
var attachment = regexp.MustCompile(`^(別紙|別表)[0-9０-９]*　`)

// attachmentLabel sets the label of an attachment's title (別紙) on a line of its own at the left,
// as an attachment is headed, into b, and returns the rest of the title.
func (l *layouter) attachmentLabel(b *box, r rich, x float64) rich {
	m := attachment.FindString(r.text)
	if m == "" || len(m) == len(r.text) {
		return r
	}
	label := sliceRich(r, 0, len(m)-len("　"))
	size := headingStyles[2].size
	lh := size * headingStyles[2].leading
	for _, tl := range l.t.setText(label, textWidth, size, alignLeft) {
		b.base = (lh-size)/2 + ascent*size
		b.ops = l.lineOps(b.ops, tl, x, b.base)
	}
	b.h = lh + size/2
	return sliceRich(r, len(m), len(r.text))
}

// sliceRich returns r.text[from:to] with its styles.
func sliceRich(r rich, from, to int) rich {
	out := rich{text: r.text[from:to]}
	for _, sp := range r.spans {
		if sp.end <= from {
			continue
		}
		sp.end = min(sp.end, to) - from
		out.spans = append(out.spans, sp)
		if sp.end >= to-from {
			break
		}
	}
	return out
}
