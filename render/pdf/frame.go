package pdf

import (
	"math"
	"regexp"
)

// A table of one header cell and no rows is a note in a frame (枠): 「協議中の事項あり（2件）」
// under the title, 「合意内容未記入」 in an item. It is set as a box around its text, as wide as
// the text needs, centred under the title and at the left of the text elsewhere.

// isFrame reports whether tb is a note in a frame.
func isFrame(tb *table) bool {
	return len(tb.header) == 1 && len(tb.rows) == 0 && len(tb.aligns) == 1
}

// frame lays out a note in a frame at x in a measure of w.
func (l *layouter) frame(tb *table, x, w float64, centred bool) {
	const padX, padY, size = bodySize, 4.0, bodySize
	lh := size * bodyLeading
	lines := l.t.setText(tb.header[0], w-2*padX, size, alignLeft)
	var inner float64
	for _, tl := range lines {
		inner = math.Max(inner, tl.width)
	}
	fw := inner + 2*padX
	if centred {
		x += (w - fw) / 2
	}
	b := &box{h: float64(len(lines))*lh + 2*padY}
	for i, tl := range lines {
		base := padY + float64(i)*lh + (lh-size)/2 + ascent*size
		if i == 0 {
			b.base = base
		}
		b.ops = l.lineOps(b.ops, tl, x+padX+(inner-tl.width)/2, base)
	}
	for _, e := range [4][4]float64{{0, 0, fw, 0}, {0, b.h, fw, b.h}, {0, 0, 0, b.h}, {fw, 0, fw, b.h}} {
		b.ops = append(b.ops, op{kind: opLine, x: x + e[0], y: e[1], x2: x + e[2], y2: e[3], width: 0.8, gray: 0.1})
	}
	l.space(paragraphGap + 2)
	l.emit(b)
	l.space(paragraphGap + 2)
}

// appendix matches the heading of a part that starts a new page: 別表1, 別紙, 参考.
var appendix = regexp.MustCompile(`^(別表|別紙|参考)`)
