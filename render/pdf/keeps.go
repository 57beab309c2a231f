package pdf

import "strings"

// paraSpan is where a paragraph landed among the boxes.
type paraSpan struct {
	first, boxes int  // its boxes: l.boxes[first : first+boxes]
	lines        int  // its lines
	block        bool // a block of short hard lines, set as one box (a party's name and address)
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

// maxDateLines is the most one-line paragraphs between the closing sentence and the parties.
const maxDateLines = 2

// keepSignatures keeps each signature block on one page: a paragraph (the closing sentence,
// 「本覚書の締結を証するため、…」), then one or two one-line paragraphs (the date), then the
// blocks of short lines that follow them directly (each party's 所在地, 名称, 代表者).
func (l *layouter) keepSignatures() {
	ps := l.paras
	for i := 0; i < len(ps); i++ {
		if !ps[i].block || i > 0 && ps[i-1].block && ps[i-1].next(ps[i]) {
			continue
		}
		start := i
		for start > 0 && i-start < maxDateLines && ps[start-1].lines == 1 && ps[start-1].next(ps[start]) {
			start--
		}
		if start == i || start == 0 || !ps[start-1].next(ps[start]) || ps[start-1].block {
			continue
		}
		start--
		end := i
		for end+1 < len(ps) && ps[end+1].block && ps[end].next(ps[end+1]) {
			end++
		}
		last := ps[end].first + ps[end].boxes - 1
		for _, b := range l.boxes[ps[start].first:last] {
			b.keep = true
		}
		i = end
	}
}
