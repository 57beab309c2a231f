package pdf

import (
	"strconv"
	"strings"
)

// tocTitle is the heading of the table of contents.
const tocTitle = "目次"

// toc emits the table of contents: one entry per level-2 and level-3 heading, with a dotted
// leader to the page number and a link to the heading. The page numbers are filled in after
// pagination; they do not change the height of the entries, so one layout pass is enough.
func (l *layouter) toc(entries []*heading) {
	self := &heading{level: 2, plain: tocTitle, id: len(l.headings)}
	self.text = rich{text: tocTitle, spans: []span{{end: len(tocTitle), face: bold}}}
	l.headings = append(l.headings, self)
	const size = 11.5
	lh := size * 1.5
	l.space(headingStyles[2].before)
	title := &box{h: lh + 6, keep: true}
	title.ops = append(title.ops, op{kind: opMark, id: self.id})
	for _, tl := range l.t.setText(self.text, textWidth, size, alignCenter) {
		title.base = (lh-size)/2 + ascent*size
		title.ops = l.lineOps(title.ops, tl, marginLeft, title.base)
	}
	l.emit(title)
	numberWidth := 3 * tocSize
	elh := tocSize * tocLeading
	for i, h := range entries {
		indent, f := 0.0, gothic
		if h.level == 3 {
			indent, f = 2*tocSize, body
		} else if i > 0 {
			l.space(4)
		}
		s := l.conv.plain(h.text.text, f, h.plain)
		r := rich{text: s, spans: []span{{end: len(s), face: f}}}
		x := marginLeft + indent
		lines := l.t.setText(r, textWidth-indent-numberWidth, tocSize, alignLeft)
		if len(lines) == 0 {
			lines = []textLine{{size: tocSize}}
		}
		b := &box{h: float64(len(lines)) * elh}
		for k, tl := range lines {
			base := float64(k)*elh + (elh-tocSize)/2 + ascent*tocSize
			if k == 0 {
				b.base = base
			}
			b.ops = l.lineOps(b.ops, tl, x, base)
			if k == len(lines)-1 {
				b.ops = append(b.ops, op{kind: opTOC, x: x + tl.width + tocSize/2, y: base, x2: marginLeft + textWidth, id: h.id, size: tocSize})
			}
		}
		b.ops = append(b.ops, op{kind: opLink, x: x, y: 0, x2: textWidth - indent, y2: b.h, id: h.id})
		l.emit(b)
	}
	l.brk = true
}

// minPageLines is the fewest boxes (lines, mostly) a page should hold before a page break that
// no lack of room forces.
const minPageLines = 8

// paginate packs the boxes into pages. A box goes to the next page when it does not fit, or when
// it and the boxes it must be kept with do not fit but would on an empty page. A table row that
// starts a page gets its table's header row above it.
func (l *layouter) paginate() []*page {
	var pages []*page
	var cur *page
	y := bodyTop
	atTop := true
	lastTable := 0
	placed := 0 // boxes on the current page
	newPage := func() {
		cur = &page{}
		pages = append(pages, cur)
		y = bodyTop
		atTop = true
		placed = 0
	}
	place := func(b *box, before float64) {
		top := y + before
		for _, o := range b.ops {
			o.y += top
			switch o.kind {
			case opLine:
				o.y2 += top
			case opMark:
				l.pos[o.id] = position{page: len(pages) - 1, y: top}
			}
			cur.ops = append(cur.ops, o)
		}
		y = top + b.h
		atTop = false
		lastTable = b.table
		placed++
	}
	newPage()
	for i := 0; i < len(l.boxes); i++ {
		b := l.boxes[i]
		// A page break after the contents is not taken when it would leave a page with a few
		// lines: contents that spill onto a page share it with the text.
		if b.brk && !atTop && placed >= minPageLines {
			newPage()
		}
		top := atTop
		if top && b.head != nil && b.table == lastTable && len(pages) > 1 {
			place(b.head, 0)
		}
		before := b.before
		if top {
			before = 0
		}
		need := before + b.h
		for j := i; j < len(l.boxes)-1 && l.boxes[j].keep && j-i < maxKept; j++ {
			need += l.boxes[j+1].before + l.boxes[j+1].h
		}
		fresh := bodyHeight
		if b.head != nil {
			fresh -= b.head.h
		}
		if !top && (y+before+b.h > bodyBottom+0.01 || (y+need > bodyBottom+0.01 && need <= fresh)) {
			newPage()
			i--
			continue
		}
		place(b, before)
	}
	return pages
}

// decorate adds the running header (on every page but the first), the `n / N` footer, and the
// page numbers of the table of contents.
func (l *layouter) decorate(pages []*page, header string) {
	total := strconv.Itoa(len(pages))
	for n, p := range pages {
		for i, o := range p.ops {
			if o.kind != opTOC {
				continue
			}
			num := strconv.Itoa(l.pos[o.id].page + 1)
			w := l.t.textWidth(num, body, o.size)
			p.ops[i] = op{kind: opText, x: o.x2 - w, y: o.y, face: body, size: o.size, text: num}
			if o.x2-w-3 > o.x+6 {
				p.ops = append(p.ops, op{kind: opDots, x: o.x, y: o.y - 0.12*o.size, x2: o.x2 - w - 3, width: 0.8, gray: 0.35})
			}
		}
		if n > 0 && header != "" {
			header = l.fit(header, gothic, headerSize, textWidth)
			p.ops = append(p.ops,
				op{kind: opText, x: marginLeft, y: headerBaseline, face: gothic, size: headerSize, text: header, gray: 0.3},
				op{kind: opLine, x: marginLeft, y: headerBaseline + 5, x2: marginLeft + textWidth, y2: headerBaseline + 5, width: 0.4, gray: 0.5})
		}
		folio := strconv.Itoa(n+1) + " / " + total
		w := l.t.textWidth(folio, body, footerSize)
		p.ops = append(p.ops, op{kind: opText, x: marginLeft + (textWidth-w)/2, y: footerBaseline, face: body, size: footerSize, text: folio, gray: 0.2})
	}
}

// fit shortens s with an ellipsis until it is at most w wide, at a space or a phrase boundary
// (「…の安全管理に係る…」, not 「…に係る役…」) when one falls in the last quarter of the room.
func (l *layouter) fit(s string, f faceID, size, w float64) string {
	if l.t.textWidth(s, f, size) <= w {
		return s
	}
	limit := w - l.t.textWidth("…", f, size)
	spaces, phrases, _ := titleBreaks(s)
	cuts := map[int]bool{}
	for _, o := range append(spaces, phrases...) {
		cuts[o] = true
	}
	var x float64
	best := -1
	for i, r := range s {
		if cuts[i] && x >= 0.75*limit {
			best = i
		}
		x += l.t.advance(f, r, size)
		if x > limit {
			if best < 0 {
				best = i
			}
			return strings.TrimRight(s[:best], " 　") + "…"
		}
	}
	return s
}
