package pdf

import (
	"math"
	"strings"
)

// paraSpan is where a paragraph landed among the boxes.
type paraSpan struct {
	first, boxes int     // its boxes: l.boxes[first : first+boxes]
	lines        int     // its lines
	block        bool    // a block of short hard lines, set as one box (a party's name and address)
	x, w         float64 // where it was set: its left edge and measure
}

// next reports whether q follows p with nothing between them.
func (p paraSpan) next(q paraSpan) bool { return p.first+p.boxes == q.first }

// isLabel reports whether a one-line paragraph is a label that introduces what follows:
// 【合意内容】, or a line that ends in a colon.
func isLabel(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "【") && strings.HasSuffix(s, "】") && strings.Count(s, "】") == 1 ||
		strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")
}

// mergeBoxes sets the boxes of consecutive lines as one unbreakable box.
func mergeBoxes(bs []*box) *box {
	m := &box{before: bs[0].before, base: bs[0].base, brk: bs[0].brk, keep: bs[len(bs)-1].keep, head: bs[0].head, table: bs[0].table}
	var y float64
	for i, b := range bs {
		if i > 0 {
			y += b.before
		}
		for _, o := range b.ops {
			o.y += y
			if o.kind == opLine {
				o.y2 += y
			}
			m.ops = append(m.ops, o)
		}
		y += b.h
	}
	m.h = y
	return m
}

// keepSignatures keeps each signature block on one page: a paragraph (the closing sentence,
// 「本覚書の締結を証するため、…」), then a one-line paragraph (the date), then the
// blocks of short lines that follow them directly (each party's 所在地, 名称, 代表者).
func (l *layouter) keepSignatures() {
	ps := l.paras
	for i := 0; i < len(ps); i++ {
		if !ps[i].block || i > 0 && ps[i-1].block && ps[i-1].next(ps[i]) {
			continue
		}
		// The date, a line of its own, and the closing sentence before it.
		if i < 2 || ps[i-1].lines != 1 || !ps[i-1].next(ps[i]) || !ps[i-2].next(ps[i-1]) || ps[i-2].block {
			continue
		}
		start := i - 2
		end := i
		for end+1 < len(ps) && ps[end+1].block && ps[end].next(ps[end+1]) {
			end++
		}
		last := ps[end].first + ps[end].boxes - 1
		for _, b := range l.boxes[ps[start].first:last] {
			b.keep = true
		}
		lh := bodySize * bodyLeading
		l.boxes[ps[i-1].first].before += lh / 2
		l.boxes[ps[i].first].before += lh / 2
		for _, p := range ps[i : end+1] {
			l.signatureLook(l.boxes[p.first], p.x, p.w)
		}
		i = end
	}
}

// sealMark is the 印 that ends a party's 代表者 line, after full-width spaces.
const sealMark = "印"

// signatureLook sets a party's block in from the left, as signature blocks are, and its 印 at
// the right end of the measure.
func (l *layouter) signatureLook(b *box, x, w float64) {
	right, room := x+w, w*signatureIndent
	var seals []op
	for k := range b.ops {
		o := &b.ops[k]
		if o.kind != opText {
			continue
		}
		if t := strings.TrimSuffix(o.text, sealMark); t != o.text && strings.HasSuffix(t, "　") {
			o.text = strings.TrimRight(t, "　")
			seals = append(seals, op{kind: opText, x: right - o.size, y: o.y, face: o.face, size: o.size, text: sealMark})
			room = math.Min(room, right-2*o.size-l.textEnd(*o))
		}
		room = math.Min(room, right-l.textEnd(*o))
	}
	for k := range b.ops {
		b.ops[k].x += max(0, room)
		if b.ops[k].kind == opLine {
			b.ops[k].x2 += max(0, room)
		}
	}
	b.ops = append(b.ops, seals...)
}

// signatureIndent is how far a party's block is set in, as a fraction of the measure.
const signatureIndent = 0.3

// textEnd is where the text of a text operation ends.
func (l *layouter) textEnd(o op) float64 {
	n := float64(len([]rune(o.text)))
	return o.x + l.t.textWidth(o.text, o.face, o.size) + n*o.cs
}
