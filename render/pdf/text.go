package pdf

import (
	"strings"

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
	segs  []segment
	width float64 // natural width (without justification)
	size  float64
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
	var out []textLine
	cur := &spanCursor{spans: r.spans}
	base := 0
	pieces := strings.Split(r.text, "\n")
	for _, piece := range pieces {
		pieceBase := base
		base += len(piece) + 1
		measure := func(off int, ru rune) float64 {
			return t.advance(cur.at(pieceBase+off).face, ru, size)
		}
		lines := linebreak.Break(piece, width, size, measure)
		if len(lines) == 0 {
			out = append(out, textLine{size: size})
			continue
		}
		for i, l := range lines {
			last := i == len(lines)-1
			out = append(out, t.setLine(piece, pieceBase, l, cur, width, size, align, last))
		}
	}
	return out
}

// setLine places the segments of one broken line.
func (t *Typesetter) setLine(piece string, pieceBase int, l linebreak.Line, cur *spanCursor, width, size float64, align alignment, last bool) textLine {
	end := l.End
	for end > l.Start && piece[end-1] == ' ' {
		end--
	}
	// A wrapped line never starts with a space, whatever the breaker left there.
	for l.Start > 0 && l.Start < end && piece[l.Start] == ' ' {
		l.Start++
	}
	gap := size / 4
	// Natural width and character count.
	var natural float64
	count := 0
	gi := 0
	for off, r := range piece[l.Start:end] {
		off += l.Start
		for gi < len(l.Gaps) && l.Gaps[gi] <= off {
			if l.Gaps[gi] == off && off > l.Start {
				natural += gap
			}
			gi++
		}
		natural += t.advance(cur.at(pieceBase+off).face, r, size)
		count++
	}
	var cs, shift float64
	slack := width - natural
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
	line := textLine{width: natural, size: size}
	x := shift
	gi = 0
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
	for off, r := range piece[l.Start:end] {
		off += l.Start
		sp := cur.at(pieceBase + off)
		gapHere := false
		for gi < len(l.Gaps) && l.Gaps[gi] <= off {
			if l.Gaps[gi] == off && off > l.Start {
				gapHere = true
			}
			gi++
		}
		if off == l.Start {
			segX, segFace, segURL = x, sp.face, sp.url
		} else if gapHere || sp.face != segFace || sp.url != segURL {
			flush(off)
			if gapHere {
				x += gap
				segX = x
			}
			segFace, segURL = sp.face, sp.url
		}
		x += t.advance(sp.face, r, size) + cs
	}
	flush(end)
	// The last character's spacing falls outside the line.
	if n := len(line.segs); n > 0 && cs > 0 {
		line.segs[n-1].w -= cs
	}
	return line
}
