package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/annexgen/annexgen/render/linebreak"
)

// alignment places a line in its measure.
type alignment uint8

const (
	alignJustify alignment = iota // both edges straight, except a paragraph's last line
	alignLeft
	alignCenter
	alignRight
)

// textLine is one set line of text.
type textLine struct {
	segs   []segment
	width  float64 // natural width (without justification)
	size   float64
	indent float64 // the hanging indent of a continuation line, included in the segments' x
}

// segment is a run of one font drawn from one position.
type segment struct {
	x    float64 // from the start of the line
	face faceID
	text string
	cs   float64 // character spacing added after every character (justification)
	w    float64 // drawn width, character spacing included
	url  string
}

// advance returns the width of r in font f at size.
func (t *Typesetter) advance(f faceID, r rune, size float64) float64 {
	w, _ := t.faces[f].metrics.Width(r)
	return float64(w) * size / 1000
}

// textWidth returns the width of s in font f at size, without breaking.
func (t *Typesetter) textWidth(s string, f faceID, size float64) float64 {
	var w float64
	for _, r := range s {
		w += t.advance(f, r, size)
	}
	return w
}

// spanCursor finds the span of byte offsets that mostly increase.
type spanCursor struct {
	spans []span
	i     int
}

func (c *spanCursor) at(off int) span {
	if len(c.spans) == 0 {
		return span{}
	}
	if c.i > 0 && off < c.spans[c.i-1].end {
		c.i = 0
	}
	for c.i < len(c.spans)-1 && off >= c.spans[c.i].end {
		c.i++
	}
	return c.spans[c.i]
}

// setText breaks r into lines of at most width at font size.
func (t *Typesetter) setText(r rich, width, size float64, align alignment) []textLine {
	return t.setBlock(r, width, size, align, false)
}

// setBlock breaks r into lines of at most width at font size. With hang, a hard line that
// starts with an item marker hangs its continuation lines under the text after the marker, and
// so do the hard lines that follow it without a marker of their own.
func (t *Typesetter) setBlock(r rich, width, size float64, align alignment, hang bool) []textLine {
	var out []textLine
	cur := &spanCursor{spans: r.spans}
	base := 0
	carry := 0.0 // the hanging indent of the item the hard line continues
	for _, piece := range strings.Split(r.text, "\n") {
		p := &hardLine{t: t, text: piece, base: base, cur: cur, size: size}
		base += len(piece) + 1
		p.kern = t.kerns(piece, size, func(off int) faceID { return cur.at(p.base + off).face })
		indent, first := 0.0, 0.0
		if hang {
			if itemMarker.MatchString(piece) {
				indent = p.hangIndent(width)
			} else {
				// A hard line without a marker after an item continues it: all its lines
				// hang under the item's text.
				indent, first = carry, carry
			}
			carry = indent
		}
		lines := p.breakLines(width-first, indent-first)
		if len(lines) == 0 {
			out = append(out, textLine{size: size})
			continue
		}
		for i, l := range lines {
			w, in := width-first, first
			if i > 0 {
				w, in = width-indent, indent
			}
			tl := p.setLine(l, w, align, i == len(lines)-1)
			if in > 0 {
				tl.indent = in
				for k := range tl.segs {
					tl.segs[k].x += in
				}
			}
			out = append(out, tl)
		}
	}
	return out
}

// hardLine is one hard line of a text being set.
type hardLine struct {
	t    *Typesetter
	text string
	base int // byte offset of text in the rich text
	cur  *spanCursor
	size float64
	kern map[int]float64 // kerns after punctuation marks, by byte offset
}

// measure is the advance of the rune at off, its kern included.
func (p *hardLine) measure(off int, r rune) float64 {
	return p.t.advance(p.cur.at(p.base+off).face, r, p.size) + p.kern[off]
}

// give is how much the advance of the rune at off may shrink to squeeze a line: the space after
// a full-width comma, full stop or closing bracket that a kern has not taken already.
func (p *hardLine) give(off int, r rune) float64 {
	if !closingSide(r) || !p.t.fullWidth(p.cur.at(p.base+off).face, r) {
		return 0
	}
	return max(0, p.size/2+p.kern[off])
}

// breakFrom breaks text[start:] into lines of at most width, with offsets into text.
func (p *hardLine) breakFrom(start int, width float64) []linebreak.Line {
	lines := linebreak.BreakShrink(p.text[start:], width, p.size, func(off int, r rune) float64 {
		return p.measure(start+off, r)
	}, func(off int, r rune) float64 {
		return p.give(start+off, r)
	})
	if start == 0 {
		return lines
	}
	for i := range lines {
		lines[i].Start += start
		lines[i].End += start
		for k := range lines[i].Gaps {
			lines[i].Gaps[k] += start
		}
	}
	return lines
}

// breakLines breaks the piece: the first line at width, the others at width-indent. A last line
// of a single character (closing punctuation aside) takes a character from the line before.
func (p *hardLine) breakLines(width, indent float64) []linebreak.Line {
	lines := p.breakFrom(0, width)
	if indent > 0 && len(lines) > 1 {
		lines = append(lines[:1], p.breakFrom(lines[0].End, width-indent)...)
	}
	n := len(lines)
	if n < 2 || !shortLast(p.text[lines[n-1].Start:lines[n-1].End]) {
		return lines
	}
	w := width
	if n > 2 {
		w = width - indent
	}
	for cut := 0.5; cut <= 4; cut += 0.5 {
		tail := p.breakFrom(lines[n-2].Start, w-cut*p.size)
		if len(tail) != 2 {
			break
		}
		if !shortLast(p.text[tail[1].Start:tail[1].End]) {
			return append(lines[:n-2], tail...)
		}
	}
	return lines
}

// shortLast reports whether a last line holds fewer than two characters besides closing
// punctuation and spaces.
func shortLast(s string) bool {
	n := 0
	for _, r := range s {
		if r == ' ' || r == '\u3000' || closingSide(r) {
			continue
		}
		n++
	}
	return n < 2
}

// natural returns the natural width of the line's text up to end, and its number of characters.
func (p *hardLine) natural(l linebreak.Line, end int, gap float64) (float64, int) {
	var natural float64
	count := 0
	gi := 0
	for off, r := range p.text[l.Start:end] {
		off += l.Start
		for gi < len(l.Gaps) && l.Gaps[gi] <= off {
			if l.Gaps[gi] == off && off > l.Start {
				natural += gap
			}
			gi++
		}
		natural += p.measure(off, r)
		count++
	}
	return natural, count
}

// squeeze returns the kerns that take excess out of a line squeezed at its end (追い込み):
// evenly from the spaces inside its marks, and the width they take; nil when the line fits.
func (p *hardLine) squeeze(start, end int, excess float64) (map[int]float64, float64) {
	if excess <= 0.01 {
		return nil, 0
	}
	var total float64
	for off, r := range p.text[start:end] {
		total += p.give(start+off, r)
	}
	if total <= 0 {
		return nil, 0
	}
	ratio := min(1, excess/total)
	out := map[int]float64{}
	for off, r := range p.text[start:end] {
		if g := p.give(start+off, r); g > 0 {
			out[start+off] = -ratio * g
		}
	}
	return out, ratio * total
}

// setLine places the segments of one broken line.
func (p *hardLine) setLine(l linebreak.Line, width float64, align alignment, last bool) textLine {
	piece, size := p.text, p.size
	l, end := p.trim(l)
	gap := size / 4
	natural, count := p.natural(l, end, gap)
	squeeze, taken := p.squeeze(l.Start, end, natural-width)
	natural -= taken
	cs, shift := spacing(align, last, count, width-natural, size)
	line := textLine{width: natural, size: size}
	x := shift
	gi := 0
	segStart := l.Start
	var segX float64
	var segFace faceID
	var segURL string
	flush := func(at int) {
		if at > segStart {
			line.segs = append(line.segs, segment{x: segX, face: segFace, text: piece[segStart:at], cs: cs, w: x - segX, url: segURL})
		}
		segStart = at
		segX = x
	}
	kerned := false
	for off, r := range piece[l.Start:end] {
		off += l.Start
		sp := p.cur.at(p.base + off)
		gapHere := false
		for gi < len(l.Gaps) && l.Gaps[gi] <= off {
			if l.Gaps[gi] == off && off > l.Start {
				gapHere = true
			}
			gi++
		}
		if off == l.Start {
			segX, segFace, segURL = x, sp.face, sp.url
		} else if gapHere || kerned || sp.face != segFace || sp.url != segURL {
			flush(off)
			if gapHere {
				x += gap
				segX = x
			}
			segFace, segURL = sp.face, sp.url
		}
		k := p.kern[off] + squeeze[off]
		kerned = k != 0
		x += p.t.advance(sp.face, r, size) + cs
		if kerned && off+utf8.RuneLen(r) < end {
			// The kern moves the next character; a segment's characters are evenly spaced, so
			// the next one starts a new segment.
			x += k
		}
	}
	flush(end)
	// The last character's spacing falls outside the line.
	if n := len(line.segs); n > 0 && cs > 0 {
		line.segs[n-1].w -= cs
	}
	return line
}

// trim returns l without the spaces at its end, which are not drawn, and
// without those at its start after a wrap, and the end of what is drawn.
func (p *hardLine) trim(l linebreak.Line) (linebreak.Line, int) {
	piece, end := p.text, l.End
	for end > l.Start && (piece[end-1] == ' ' || strings.HasSuffix(piece[l.Start:end], "\u3000")) {
		_, n := utf8.DecodeLastRuneInString(piece[:end])
		end -= n
	}
	// A wrapped line never starts with a space, whatever the breaker left there.
	for l.Start > 0 && l.Start < end && piece[l.Start] == ' ' {
		l.Start++
	}
	return l, end
}

// spacing returns the letter spacing and the shift from the left of a
// line of count characters with slack left to fill, set in size: a
// justified line is spread unless it is a paragraph's last or would gape.
func spacing(align alignment, last bool, count int, slack, size float64) (cs, shift float64) {
	switch align {
	case alignJustify:
		if !last && count > 1 && slack > 0 && slack < 3*size {
			cs = slack / float64(count-1)
		}
	case alignCenter:
		if slack > 0 {
			shift = slack / 2
		}
	case alignRight:
		if slack > 0 {
			shift = slack
		}
	}
	return cs, shift
}
