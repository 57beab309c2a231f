package pdf

import (
	"math"
	"strings"

	"github.com/annexgen/annexgen/render/linebreak"
)

// Column widths are chosen from the content, as browsers do for tables with automatic layout:
// every column gets at least its min-content width (its widest unbreakable piece, capped so that
// a long Latin word cannot take the table; a header label too, when it fits an equal share) and
// at most its max-content width (its widest line unbroken). Between the two, where browsers
// share the room in proportion, a Japanese table is better served by a common cap: Japanese text
// breaks between any two characters, so in proportion every column would wrap a little. The
// columns that fit under the cap are set unbroken, and the long ones share the rest equally, so
// short columns (指標, 目標値) do not wrap to leave room that a long one (測定方法) fills anyway.

// columnWidths shares w among the columns of a table.
func (l *layouter) columnWidths(tb *table, w float64) []float64 {
	widths := l.contentWidths(tb, w)
	if first, ok := comparison(tb); ok {
		// The 改正後 and 改正前 columns of a 新旧対照表 share what the first column leaves
		// equally, whatever their content, so that the two versions stand side by side.
		if first == 1 {
			widths[0] = math.Min(widths[0], w/4)
		}
		rest := (w - widths[0]*float64(first)) / 2
		widths[first], widths[first+1] = rest, rest
	}
	return widths
}

// comparison reports whether tb is a comparison table (新旧対照表), recognised by its header
// row 改正後 | 改正前, possibly after one first column (事項), and where the two columns start.
func comparison(tb *table) (first int, ok bool) {
	var head []string
	for _, c := range tb.header {
		head = append(head, strings.TrimSpace(c.text))
	}
	switch {
	case len(head) == 2 && head[0] == "改正後" && head[1] == "改正前":
		return 0, true
	case len(head) == 3 && head[1] == "改正後" && head[2] == "改正前":
		return 1, true
	}
	return 0, false
}

// contentWidths shares w among the columns of a table after their content.
func (l *layouter) contentWidths(tb *table, w float64) []float64 {
	cols := len(tb.aligns)
	const pad = 2*cellPadX + 0.5
	minW := make([]float64, cols)
	maxW := make([]float64, cols)
	var grid [][]cellPieces
	measure := func(cells []rich) {
		row := make([]cellPieces, cols)
		grid = append(grid, row)
		for i, c := range cells {
			if i >= cols {
				break
			}
			lo, hi, pieces := l.t.cellExtent(c, tableSize)
			row[i] = pieces
			minW[i] = math.Max(minW[i], math.Min(lo, 8*tableSize))
			maxW[i] = math.Max(maxW[i], hi)
		}
	}
	measure(tb.header)
	// A header label is not broken when it fits in an equal share of the width.
	headMin := append([]float64(nil), maxW...)
	for _, r := range tb.rows {
		measure(r)
	}
	var sumMin, sumMax float64
	for i := range minW {
		minW[i] = math.Max(minW[i], math.Min(headMin[i], w/float64(cols)-pad)) + pad
		maxW[i] = math.Max(maxW[i]+pad, minW[i])
		sumMin += minW[i]
		sumMax += maxW[i]
	}
	widths := make([]float64, cols)
	switch {
	case sumMax <= w:
		return spareToWidest(maxW, w)
	case sumMin >= w:
		for i := range widths {
			widths[i] = w * minW[i] / sumMin
		}
		return widths
	}
	// The cap c gives sum(min(max, max(c, min))) = w; found by bisection, since the sum
	// grows with c.
	lo, hi := 0.0, w
	for k := 0; k < 60; k++ {
		c := (lo + hi) / 2
		if capped(minW, maxW, c) > w {
			hi = c
		} else {
			lo = c
		}
	}
	for i := range widths {
		widths[i] = math.Min(maxW[i], math.Max(lo, minW[i]))
	}
	// Rounding leaves a little: it goes to the widest column.
	rest := w
	widest := 0
	for i, cw := range widths {
		rest -= cw
		if cw > widths[widest] {
			widest = i
		}
	}
	widths[widest] += rest
	est := lineEstimate{grid: sample(grid), pad: pad}
	est.improve(widths, minW, maxW)
	return widths
}

// spareToWidest sets every column of a table whose text fits unbroken as wide as its text, the
// spare room going to the last of the widest columns, so that the label columns of tables set
// one after another (区分 | 内容) line up.
func spareToWidest(maxW []float64, w float64) []float64 {
	widths := append([]float64(nil), maxW...)
	widest := 0
	var sum float64
	for i, mw := range maxW {
		sum += mw
		if mw >= maxW[widest] {
			widest = i
		}
	}
	widths[widest] += w - sum
	return widths
}

// capped is the width of a table whose columns take their max-content width up to c, and at
// least their min-content width.
func capped(minW, maxW []float64, c float64) float64 {
	var sum float64
	for i := range minW {
		sum += math.Min(maxW[i], math.Max(c, minW[i]))
	}
	return sum
}

// cellExtent returns the widest unbreakable piece of r at size (a Latin word, a number, a
// character with the punctuation that may not be parted from it), its widest hard line, and the
// widths of the pieces of every hard line.
func (t *Typesetter) cellExtent(r rich, size float64) (lo, hi float64, pieces cellPieces) {
	for _, tl := range t.setText(r, math.MaxFloat32, size, alignLeft) {
		hi = math.Max(hi, tl.width)
	}
	cur := &spanCursor{spans: r.spans}
	base := 0
	for _, line := range strings.Split(r.text, "\n") {
		var ws []float64
		start := 0
		for _, end := range append(linebreak.Opportunities(line), len(line)) {
			var w float64
			for off, ru := range line[start:end] {
				w += t.advance(cur.at(base+start+off).face, ru, size)
			}
			ws = append(ws, w)
			lo = math.Max(lo, w)
			start = end
		}
		pieces = append(pieces, ws)
		base += len(line) + 1
	}
	return lo, hi, pieces
}
