package docx

import (
	"strconv"

	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/text/width"
)

// Table measures, in twips, as in the PDF: 9.5 pt text, 5 pt cell padding left and right.
const (
	tableEm  = 190
	cellPadX = 100
)

// maxColumns is the most columns a Word table can have.
const maxColumns = 63

// table writes a GFM table: borders on every cell, the header row shaded, repeated at the top of
// every page the table runs onto and kept with the first row; no row is split across pages, and
// a small table is kept on one page. A table of more columns than Word allows is written as
// several, each of the next columns.
func (w *body) table(tb *table, f *frame) {
	cols := len(tb.aligns)
	if cols <= maxColumns {
		w.tablePart(tb, f)
		return
	}
	for start := 0; start < cols; start += maxColumns {
		end := min(start+maxColumns, cols)
		part := &table{aligns: tb.aligns[start:end], header: cellRange(tb.header, start, end)}
		for _, r := range tb.rows {
			part.rows = append(part.rows, cellRange(r, start, end))
		}
		w.tablePart(part, f)
	}
}

// cellRange returns the cells start … end-1 of a row that may have fewer.
func cellRange(cells []rich, start, end int) []rich {
	return cells[min(start, len(cells)):min(end, len(cells))]
}

// tablePart writes a table of at most maxColumns columns.
func (w *body) tablePart(tb *table, f *frame) {
	cols := len(tb.aligns)
	if cols == 0 {
		return
	}
	if w.breakNext || w.lastTable {
		// A page break needs a paragraph to carry it; two tables in a row need a paragraph
		// between them, or Word joins them into one.
		w.paragraph(rich{}, f, props{style: f.style})
	}
	widths := columnWidths(tb, f.width)
	w.raw(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="`, strconv.Itoa(f.width), `" w:type="dxa"/>`)
	if f.left > 0 {
		w.raw(`<w:tblInd w:w="`, strconv.Itoa(f.left), `" w:type="dxa"/>`)
	}
	w.raw(tableBorders, `<w:tblLayout w:type="fixed"/>`, cellMargins,
		`<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`,
		"</w:tblPr><w:tblGrid>")
	for _, cw := range widths {
		w.raw(`<w:gridCol w:w="`, strconv.Itoa(cw), `"/>`)
	}
	w.raw("</w:tblGrid>\n")
	w.row(tb.header, tb.aligns, widths, true, true)
	small := isSmall(tb, widths)
	for i, r := range tb.rows {
		w.row(r, tb.aligns, widths, false, small && i < len(tb.rows)-1)
	}
	w.raw("</w:tbl>\n")
	w.lastTable = true
}

// tableBorders draws every cell edge: single lines of 0.5 pt, dark gray, as in the PDF.
const tableBorders = `<w:tblBorders>` +
	`<w:top w:val="single" w:sz="4" w:space="0" w:color="4D4D4D"/>` +
	`<w:left w:val="single" w:sz="4" w:space="0" w:color="4D4D4D"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="4D4D4D"/>` +
	`<w:right w:val="single" w:sz="4" w:space="0" w:color="4D4D4D"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="4D4D4D"/>` +
	`<w:insideV w:val="single" w:sz="4" w:space="0" w:color="4D4D4D"/>` +
	`</w:tblBorders>`

// cellMargins pads cells by 5 pt left and right and 3.5 pt above and below, as in the PDF.
const cellMargins = `<w:tblCellMar><w:top w:w="70" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>` +
	`<w:bottom w:w="70" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>`

// row writes a table row; missing cells are written empty. A row kept with the next has its
// paragraphs kept with the next, which is how Word keeps rows on one page.
func (w *body) row(cells []rich, aligns []east.Alignment, widths []int, header, keep bool) {
	w.raw("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		w.raw("<w:tblHeader/>")
	}
	w.raw("</w:trPr>")
	for i, cw := range widths {
		w.raw(`<w:tc><w:tcPr><w:tcW w:w="`, strconv.Itoa(cw), `" w:type="dxa"/>`)
		if header {
			w.raw(`<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>`)
		}
		w.raw("</w:tcPr>")
		p := props{style: "TableText", keepNext: keep, before: -1, after: -1}
		if header {
			p.style = "TableHeading"
		} else {
			switch aligns[i] {
			case east.AlignRight:
				p.jc = "right"
			case east.AlignCenter:
				p.jc = "center"
			}
		}
		w.raw("<w:p>")
		w.pPr(p)
		if i < len(cells) {
			w.runs(cells[i])
		}
		w.raw("</w:p></w:tc>")
	}
	w.raw("</w:tr>\n")
}

// isSmall reports whether a table is small enough to be kept on one page, as the PDF keeps it:
// at most 12 rows, a quarter of the page high at most.
func isSmall(tb *table, widths []int) bool {
	if len(tb.rows) > 12 {
		return false
	}
	height := 0
	for _, r := range tb.rows {
		lines := 1
		for i, c := range r {
			if i < len(widths) {
				lines = max(lines, estimateLines(c.text, widths[i]-2*cellPadX, tableEm))
			}
		}
		height += lines*285 + 140
	}
	return height <= bodyHeight/4
}

// columnWidths shares w twips among the columns of a table, as the PDF does: every column gets
// at least its widest unbreakable piece when possible, and the rest goes to the columns in
// proportion to how much wider their text would like to be. The widths add up to w.
func columnWidths(tb *table, w int) []int {
	cols := len(tb.aligns)
	minW := make([]float64, cols)
	maxW := make([]float64, cols)
	measure := func(cells []rich) {
		for i, c := range cells {
			if i >= cols {
				break
			}
			lo, hi := extent(c.text)
			minW[i] = max(minW[i], min(lo, 8)*tableEm)
			maxW[i] = max(maxW[i], hi*tableEm)
		}
	}
	measure(tb.header)
	for _, r := range tb.rows {
		measure(r)
	}
	var sumMin, sumMax float64
	for i := range minW {
		minW[i] += 2*cellPadX + 10
		maxW[i] = max(maxW[i]+2*cellPadX+10, minW[i])
		sumMin += minW[i]
		sumMax += maxW[i]
	}
	fw := float64(w)
	widths := make([]float64, cols)
	switch {
	case sumMax <= fw:
		for i := range widths {
			widths[i] = maxW[i] + (fw-sumMax)*maxW[i]/sumMax
		}
	case sumMin >= fw:
		for i := range widths {
			widths[i] = fw * minW[i] / sumMin
		}
	default:
		shareRest(widths, minW, maxW, fw-sumMin)
	}
	return roundWidths(widths, w)
}

// shareRest gives columns that want little more than their minimum all of it first, so that
// short columns (marks, numbers) do not wrap; the others share the rest by how much they want.
func shareRest(widths, minW, maxW []float64, rest float64) {
	copy(widths, minW)
	open := make([]bool, len(widths))
	for i := range open {
		open[i] = true
	}
	for n := len(widths); n > 0; {
		satisfied := false
		for i := range widths {
			if open[i] && maxW[i]-minW[i] <= rest/float64(n) {
				widths[i] = maxW[i]
				rest -= maxW[i] - minW[i]
				open[i] = false
				n--
				satisfied = true
			}
		}
		if !satisfied {
			break
		}
	}
	var want float64
	for i := range widths {
		if open[i] {
			want += maxW[i] - minW[i]
		}
	}
	for i := range widths {
		if open[i] && want > 0 {
			widths[i] += rest * (maxW[i] - minW[i]) / want
		}
	}
}

// roundWidths rounds the widths to whole twips that add up to total.
func roundWidths(widths []float64, total int) []int {
	out := make([]int, len(widths))
	sum := 0
	for i, v := range widths {
		out[i] = max(int(v), 1)
		sum += out[i]
	}
	out[len(out)-1] = max(out[len(out)-1]+total-sum, 1)
	return out
}

// extent returns, in ems, the widest unbreakable piece of s (a run of narrow characters without
// spaces; every wide character may be broken before) and its widest hard line.
func extent(s string) (lo, hi float64) {
	var word, line float64
	for _, r := range s {
		a := advance(r)
		switch {
		case r == '\n':
			word, line = 0, 0
			continue
		case r == ' ' || r == '\t':
			word = 0
		case a == 1:
			lo = max(lo, 1)
			word = 0
		default:
			word += a
		}
		line += a
		lo, hi = max(lo, word), max(hi, line)
	}
	return lo, hi
}

// advance is the width of r in ems in the BIZ UD fonts: full width for wide characters and for
// those East Asian fonts draw wide (◎, ○, △, ※), half width for the others.
func advance(r rune) float64 {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 1
	}
	return 0.5
}

// textTwips is the width of s in twips at the em size em.
func textTwips(s string, em int) int {
	var n float64
	for _, r := range s {
		n += advance(r)
	}
	return int(n * float64(em))
}

// estimateLines estimates how many lines s takes in a measure of w twips at the em size em.
func estimateLines(s string, w, em int) int {
	lines := 1
	var x float64
	limit := float64(w) / float64(em)
	for _, r := range s {
		if r == '\n' {
			lines++
			x = 0
			continue
		}
		x += advance(r)
		if x > limit {
			lines++
			x = advance(r)
		}
	}
	return lines
}
