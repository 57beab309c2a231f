package pdf

import (
	"math"
	"strconv"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
)

// opKind is what a drawing operation draws.
type opKind uint8

const (
	opText opKind = iota // text at (x, y baseline)
	opLine               // a line from (x, y) to (x2, y2)
	opDots               // a dotted leader from (x, y) to (x2, y)
	opFill               // a filled rectangle at (x, y), x2 wide, y2 high
	opLink               // a link to heading id over the rectangle (x, y, x2 wide, y2 high)
	opURL                // a link to target over the rectangle (x, y, x2 wide, y2 high)
	opMark               // the top of heading id: bookmark and link target
	opTOC                // the page number of heading id, leader from x to right edge x2
)

// op is one drawing operation. Coordinates are in points from the top-left corner, relative to
// the box until the box is placed on a page.
type op struct {
	kind   opKind
	x, y   float64
	x2, y2 float64
	face   faceID
	size   float64
	text   string
	cs     float64 // character spacing
	width  float64 // line width
	gray   float64 // 0 black … 1 white
	target string
	id     int // heading index
}

// box is an unbreakable piece of the vertical flow: a line of text, a heading, a table row.
type box struct {
	h      float64 // height
	before float64 // space above, dropped at the top of a page
	base   float64 // first baseline from the top, for list markers
	ops    []op
	keep   bool // keep with the next box on the same page
	brk    bool // start a new page with this box, unless the page so far is nearly empty
	head   *box // table header repeated at the top of a page this row starts
	table  int  // the table this box belongs to, or 0
}

// position is where a heading landed.
type position struct {
	page int
	y    float64
}

// page is a laid-out page.
type page struct{ ops []op }

// layouter turns blocks into boxes and boxes into pages.
type layouter struct {
	t        *Typesetter
	conv     *converter
	boxes    []*box
	headings []*heading
	pos      []position
	pending  float64 // vertical space before the next box (collapsing: the largest wins)
	brk      bool    // the next box starts a new page, unless the page is nearly empty
	// afterHeading is set while the block just laid out is a heading.
	afterHeading bool
	// afterTitle is set while the block just laid out is the document title.
	afterTitle bool
	// next is the block after the one being laid out, or nil at the end of its container.
	next   block
	tables int
	// paras are the paragraphs laid out so far, in order.
	paras []paraSpan
}

func newLayouter(t *Typesetter, conv *converter) *layouter {
	return &layouter{t: t, conv: conv}
}

// emit appends a box, giving it the pending space.
func (l *layouter) emit(b *box) {
	b.before = math.Max(b.before, l.pending)
	l.pending = 0
	if l.brk {
		b.brk = true
		l.brk = false
	}
	l.boxes = append(l.boxes, b)
}

// space asks for at least v points before the next box.
func (l *layouter) space(v float64) { l.pending = math.Max(l.pending, v) }

// document lays out the whole document, with the table of contents before the first heading
// below level 1 when there are at least two entries.
func (l *layouter) document(doc *document) {
	l.headings = doc.headings
	var entries []*heading
	for _, h := range doc.headings {
		if h.level == 2 || h.level == 3 {
			entries = append(entries, h)
		}
	}
	tocDone := len(entries) < 2
	for i, b := range doc.blocks {
		if h, ok := b.(*heading); ok && h.level >= 2 && !tocDone {
			l.toc(entries)
			tocDone = true
		}
		l.next = nil
		if i+1 < len(doc.blocks) {
			l.next = doc.blocks[i+1]
		}
		l.block(b, marginLeft, textWidth, paragraphGap)
	}
	l.keepSignatures()
	if len(l.boxes) == 0 {
		l.emit(&box{h: bodySize * bodyLeading})
	}
	l.pos = make([]position, len(l.headings))
}

// block lays out one block at x in a measure of w; gap is the space between paragraphs.
func (l *layouter) block(b block, x, w, gap float64) {
	afterHeading, afterTitle := l.afterHeading, l.afterTitle
	l.afterHeading, l.afterTitle = false, false
	switch b := b.(type) {
	case *paragraph:
		l.paragraph(b, x, w, gap, afterHeading)
	case *heading:
		l.heading(b, x, w)
		l.afterHeading, l.afterTitle = true, b.level == 1
	case *list:
		l.list(b, x, w, gap)
	case *table:
		if isFrame(b) {
			l.frame(b, x, w, afterTitle)
			break
		}
		l.space(paragraphGap + 2)
		l.table(b, x, w)
		l.space(paragraphGap + 2)
	case *quote:
		l.quote(b, x, w, gap)
	case *rule:
		l.space(gap)
		l.emit(&box{h: 14, ops: []op{{kind: opLine, x: x, y: 7, x2: x + w, y2: 7, width: 0.6, gray: 0.45}}})
		l.space(gap)
	case *code:
		l.code(b, x, w, gap)
	}
}

// paragraph emits a paragraph and decides what it is kept with: a short lead-in under a heading
// or before a table or list (【役割分担】, 「次のとおりとする。」), or a label before a paragraph
// (【合意内容】), stays with what follows; a
// one-line trailer that ends a section (【状況】…) stays with what precedes it; a block of short
// lines, such as a party's signature block, is not broken.
func (l *layouter) paragraph(p *paragraph, x, w, gap float64, afterHeading bool) {
	l.space(gap)
	first := len(l.boxes)
	lines := l.t.setBlock(p.text, w, bodySize, alignJustify, true)
	l.lines(lines, x, bodySize*bodyLeading)
	boxes := l.boxes[first:]
	n := len(boxes)
	switch l.next.(type) {
	case *table, *list:
		if n <= 2 {
			afterHeading = true
		}
	case *paragraph:
		if n == 1 && isLabel(p.text.text) {
			afterHeading = true
		}
	case *heading, nil:
		if n == 1 && first > 0 {
			l.boxes[first-1].keep = true
		}
	}
	short := n <= maxKept/2 && n == strings.Count(p.text.text, "\n")+1
	if afterHeading && n <= 2 || short {
		for _, b := range boxes[:n-1] {
			b.keep = true
		}
		if afterHeading && n <= 2 {
			boxes[n-1].keep = true
		}
	}
	if short && n >= 2 {
		l.boxes = append(l.boxes[:first], mergeBoxes(boxes))
	}
	l.paras = append(l.paras, paraSpan{first: first, boxes: len(l.boxes) - first, lines: n, block: short && n >= 2, x: x, w: w})
}

// lines emits one box per line, keeping the first two and the last two lines of a paragraph
// together so that no single line is left at the foot or the head of a page.
func (l *layouter) lines(lines []textLine, x, lh float64) {
	first := len(l.boxes)
	for _, tl := range lines {
		l.emit(l.lineBox(tl, x, lh))
	}
	n := len(lines)
	if n >= 2 {
		l.boxes[first].keep = true
		l.boxes[first+n-2].keep = true
	}
}

// lineBox makes the box of one line of text.
func (l *layouter) lineBox(tl textLine, x, lh float64) *box {
	b := &box{h: lh}
	b.base = (lh-tl.size)/2 + ascent*tl.size
	b.ops = l.lineOps(b.ops, tl, x, b.base)
	return b
}

// lineOps appends the operations that draw a line with its baseline at base.
func (l *layouter) lineOps(ops []op, tl textLine, x, base float64) []op {
	for i, s := range tl.segs {
		ops = append(ops, op{kind: opText, x: x + s.x, y: base, face: s.face, size: tl.size, text: s.text, cs: s.cs})
		target, underline := splitURL(s.url)
		if underline {
			// The line runs on under the gap to the next segment when that is underlined too.
			end := x + s.x + s.w
			if i+1 < len(tl.segs) {
				if _, next := splitURL(tl.segs[i+1].url); next {
					end = x + tl.segs[i+1].x
				}
			}
			y := base + underlineDrop*tl.size
			ops = append(ops, op{kind: opLine, x: x + s.x, y: y, x2: end, y2: y, width: underlineWidth})
		}
		if target != "" {
			ops = append(ops, op{kind: opURL, x: x + s.x, y: base - ascent*tl.size, x2: s.w, y2: tl.size, target: target})
		}
	}
	return ops
}

// heading emits a heading as one box kept with what follows.
func (l *layouter) heading(h *heading, x, w float64) {
	st := styleOf(h)
	if next, ok := l.next.(*heading); ok && h.level > 2 && next.level > h.level && !article.MatchString(h.plain) {
		// A heading directly over deeper ones titles a section of them (A　共通 over its items).
		st.size, st.before = sectionSize, headingStyles[2].before
	}
	if h.level == 2 && appendix.MatchString(h.plain) {
		l.brk = true
	}
	l.space(st.before)
	lh := st.size * st.leading
	b := &box{keep: true}
	b.ops = append(b.ops, op{kind: opMark, id: h.id})
	text := h.text
	if h.level == 1 {
		text = l.attachmentLabel(b, text, x)
	}
	lines := l.t.setText(text, w, st.size, st.align)
	if st.align == alignCenter && len(lines) > 1 {
		lines, st.size = l.t.setTitle(text, w, st.size)
		lh = st.size * st.leading
	}
	for _, tl := range lines {
		base := b.h + (lh-st.size)/2 + ascent*st.size
		if b.base == 0 {
			b.base = base
		}
		b.ops = l.lineOps(b.ops, tl, x, base)
		b.h += lh
	}
	if b.h == 0 {
		b.h = lh
	}
	if st.underline {
		b.h += 2
		b.ops = append(b.ops, op{kind: opLine, x: x, y: b.h, x2: x + w, y2: b.h, width: 0.8, gray: 0.25})
	}
	l.emit(b)
	l.space(st.after)
}

// list emits the items of a list with their markers in a hanging indent.
func (l *layouter) list(li *list, x, w, gap float64) {
	markers := make([]string, len(li.items))
	var markerW float64
	for i := range li.items {
		m := l.bullet()
		if li.ordered {
			m = strconv.Itoa(li.start+i) + "."
		}
		markers[i] = m
		markerW = math.Max(markerW, l.t.textWidth(m, body, bodySize))
	}
	indent := math.Max(markerW+bodySize/2, bodySize*1.5)
	itemGap := gap
	if li.tight {
		itemGap = 1.5
	}
	l.space(gap)
	start := len(l.boxes)
	defer func() {
		// The first two lines of a list stay together, so that what introduces it is never
		// followed by a single line at the foot of a page.
		if len(l.boxes)-start >= 2 {
			l.boxes[start].keep = true
		}
	}()
	for i, item := range li.items {
		if i > 0 {
			l.space(itemGap)
		}
		first := len(l.boxes)
		for j, b := range item {
			g := gap
			if li.tight {
				g = 1.5
			}
			if j == 0 {
				g = 0
			}
			l.next = nil
			if j+1 < len(item) {
				l.next = item[j+1]
			}
			l.block(b, x+indent, w-indent, g)
		}
		if len(l.boxes) == first {
			l.emit(&box{h: bodySize * bodyLeading, base: (bodySize*bodyLeading-bodySize)/2 + ascent*bodySize})
		}
		fb := l.boxes[first]
		mw := l.t.textWidth(markers[i], body, bodySize)
		mx := x + indent - mw - bodySize*0.3
		if !li.ordered {
			mx = x + (indent-mw)/2 - bodySize*0.25
		}
		fb.ops = append(fb.ops, op{kind: opText, x: mx, y: fb.base, face: body, size: bodySize, text: markers[i]})
	}
	l.space(gap)
}

// quote emits a block quote: indented, with a bar on the left.
func (l *layouter) quote(q *quote, x, w, gap float64) {
	const indent = 14
	l.space(gap)
	first := len(l.boxes)
	for i, b := range q.blocks {
		g := gap
		if i == 0 {
			g = 0
		}
		l.next = nil
		if i+1 < len(q.blocks) {
			l.next = q.blocks[i+1]
		}
		l.block(b, x+indent, w-indent, g)
	}
	for i, b := range l.boxes[first:] {
		top := -b.before
		if i == 0 {
			top = 0
		}
		b.ops = append(b.ops, op{kind: opLine, x: x + 3, y: top, x2: x + 3, y2: b.h, width: 2, gray: 0.75})
	}
	l.space(gap)
}

// code emits a code block on a light background, line by line.
func (l *layouter) code(c *code, x, w, gap float64) {
	const size, pad = 9.0, 6.0
	lh := size * 1.5
	lines := l.t.setText(c.text, w-2*pad, size, alignLeft)
	l.space(gap)
	for i, tl := range lines {
		b := &box{h: lh}
		top := 0.0
		if i == 0 {
			b.h += pad / 2
			top = pad / 2
		}
		if i == len(lines)-1 {
			b.h += pad / 2
		}
		b.base = top + (lh-size)/2 + ascent*size
		b.ops = append(b.ops, op{kind: opFill, x: x, y: 0, x2: w, y2: b.h, gray: 0.95})
		b.ops = l.lineOps(b.ops, tl, x+pad, b.base)
		l.emit(b)
	}
	l.space(gap)
}

// tableCell is a cell set in its column.
type tableCell struct {
	lines []textLine
}

// table emits a table: a header box repeated on every page the table spans, then one box per
// row (rows taller than a page are split between lines).
func (l *layouter) table(tb *table, x, w float64) {
	cols := len(tb.aligns)
	if cols == 0 {
		return
	}
	l.tables++
	id := l.tables
	widths := l.columnWidths(tb, w)
	lh := tableSize * tableLeading
	setRow := func(cells []rich, header bool) []tableCell {
		out := make([]tableCell, cols)
		for i := 0; i < cols; i++ {
			if i >= len(cells) {
				continue
			}
			align := alignLeft
			switch {
			case header:
				align = alignCenter
			case tb.aligns[i] == east.AlignRight:
				align = alignRight
			case tb.aligns[i] == east.AlignCenter:
				align = alignCenter
			}
			out[i].lines = l.t.setText(cells[i], widths[i]-2*cellPadX, tableSize, align)
		}
		return out
	}
	var head *box
	if len(tb.header) > 0 {
		cells := setRow(tb.header, true)
		rows := l.rowBoxes(cells, x, widths, lh, true, math.Inf(1))
		head = rows[0]
		head.keep = true
		head.table = id
		l.emit(head)
	}
	maxRow := bodyHeight - 4
	if head != nil {
		maxRow -= head.h
	}
	first := len(l.boxes)
	defer func() {
		// Without a header row, the first two rows stay together.
		if head == nil && len(l.boxes)-first >= 2 {
			l.boxes[first].keep = true
		}
	}()
	var height float64
	for _, r := range tb.rows {
		for _, b := range l.rowBoxes(setRow(r, false), x, widths, lh, false, maxRow) {
			b.head = head
			b.table = id
			height += b.h
			l.emit(b)
		}
	}
	// A small table is not split: its rows are kept together.
	if rows := l.boxes[first:]; len(rows) > 1 && len(rows) <= maxKept && height <= bodyHeight/4 {
		for _, b := range rows[:len(rows)-1] {
			b.keep = true
		}
	}
}

// maxKept is the most boxes kept together on one page; longer chains may break anywhere.
const maxKept = 12

// rowBoxes makes the box of a table row, or several when the row is taller than maxH.
func (l *layouter) rowBoxes(cells []tableCell, x float64, widths []float64, lh float64, header bool, maxH float64) []*box {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	per := n
	if float64(n)*lh+2*cellPadY > maxH {
		per = max(1, int((maxH-2*cellPadY)/lh))
	}
	var out []*box
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		b := &box{h: float64(end-start)*lh + 2*cellPadY}
		b.base = cellPadY + (lh-tableSize)/2 + ascent*tableSize
		total := 0.0
		for _, cw := range widths {
			total += cw
		}
		if header {
			b.ops = append(b.ops, op{kind: opFill, x: x, y: 0, x2: total, y2: b.h, gray: 0.9})
		}
		cx := x
		for i, c := range cells {
			for k := start; k < end && k < len(c.lines); k++ {
				base := cellPadY + float64(k-start)*lh + (lh-tableSize)/2 + ascent*tableSize
				b.ops = l.lineOps(b.ops, c.lines[k], cx+cellPadX, base)
			}
			cx += widths[i]
		}
		// Borders: top, bottom and every column edge.
		rule := func(x1, y1, x2, y2 float64) {
			b.ops = append(b.ops, op{kind: opLine, x: x1, y: y1, x2: x2, y2: y2, width: ruleWidth, gray: 0.3})
		}
		rule(x, 0, x+total, 0)
		rule(x, b.h, x+total, b.h)
		cx = x
		rule(cx, 0, cx, b.h)
		for _, cw := range widths {
			cx += cw
			rule(cx, 0, cx, b.h)
		}
		out = append(out, b)
	}
	return out
}

// bullet returns the marker of unordered list items: a bullet, which unlike the 中黒 (・) is no
// punctuation that line-breaking checks would flag at a line start.
func (l *layouter) bullet() string {
	if l.t.faces[body].metrics.Has('•') {
		return "•"
	}
	return "・"
}
