package docx

import (
	"strconv"
	"strings"
)

// Measures of the text block, in twentieths of a point (twips).
const (
	textWidth   = 9450  // 45 full-width characters of 10.5 pt, as in the PDF
	bodyHeight  = 14038 // the page less the top and bottom margins
	bodyEm      = 210   // 10.5 pt
	quoteIndent = 280
	minMeasure  = textWidth / 4 // nesting never squeezes the text narrower than this
	tightAfter  = 30            // space after a paragraph in a tight list item
)

// frame is where blocks go: their left indent and measure, and what the first paragraph carries.
type frame struct {
	left, width int
	style       string // paragraph style inside a quote
	after       int    // space after paragraphs, or -1 for the style's
	marker      string // a list marker the next paragraph starts with
	hanging     int    // the hanging indent of the marker
}

// props are the paragraph properties this renderer sets.
type props struct {
	style         string
	keepNext      bool
	pageBreak     bool
	rule          bool // a thematic break: a bottom border
	before, after int  // space before and after; -1 for the style's
	left, hanging int
	jc            string
}

// body writes the blocks of a document as the body of word/document.xml.
type body struct {
	xmlBuffer
	links     []string       // external link targets in order of first use
	linkIndex map[string]int // target → index in links
	breakNext bool           // the next paragraph starts a new page
	lastTable bool           // the last thing written is a table
}

// linkID returns the relationship id of an external link target.
func (w *body) linkID(url string) string {
	if w.linkIndex == nil {
		w.linkIndex = map[string]int{}
	}
	i, ok := w.linkIndex[url]
	if !ok {
		i = len(w.links)
		w.linkIndex[url] = i
		w.links = append(w.links, url)
	}
	return linkRelID(i)
}

// document writes all blocks, with the table of contents before the first heading below level
// 1 when there are at least two entries, as the PDF places it.
func (w *body) document(doc *document) {
	var entries []*heading
	for _, h := range doc.headings {
		if h.level == 2 || h.level == 3 {
			entries = append(entries, h)
		}
	}
	tocDone := len(entries) < 2
	top := frame{width: textWidth, after: -1}
	for i, b := range doc.blocks {
		if h, ok := b.(*heading); ok && h.level >= 2 && !tocDone {
			w.toc(entries)
			tocDone = true
		}
		var next block
		if i+1 < len(doc.blocks) {
			next = doc.blocks[i+1]
		}
		w.block(b, &top, i > 0 && isHeading(doc.blocks[i-1]), next)
	}
	if w.Len() == 0 || w.lastTable {
		w.raw("<w:p/>\n")
	}
}

func isHeading(b block) bool {
	_, ok := b.(*heading)
	return ok
}

// block writes one block in frame f. A short paragraph under a heading, or one that introduces
// a table, is kept on the page of what follows it.
func (w *body) block(b block, f *frame, afterHeading bool, next block) {
	switch b := b.(type) {
	case *paragraph:
		_, beforeTable := next.(*table)
		keep := (afterHeading && estimateLines(b.text.text, f.width, bodyEm) <= 2) ||
			(beforeTable && estimateLines(b.text.text, f.width, bodyEm) <= 1)
		w.paragraph(b.text, f, props{style: f.style, keepNext: keep})
	case *heading:
		w.heading(b, f)
	case *list:
		w.list(b, f)
	case *table:
		w.flushMarker(f)
		w.table(b, f)
	case *quote:
		w.flushMarker(f)
		inner := &frame{left: f.left, width: f.width, style: "BlockText", after: f.after}
		if f.width-quoteIndent >= minMeasure {
			inner.left, inner.width = f.left+quoteIndent, f.width-quoteIndent
		}
		w.blocks(b.blocks, inner)
	case *rule:
		w.paragraph(rich{}, f, props{style: f.style, rule: true})
	case *codeBlock:
		w.paragraph(b.text, f, props{style: "SourceCode"})
	}
}

// blocks writes a sequence of blocks in frame f.
func (w *body) blocks(bs []block, f *frame) {
	for i, b := range bs {
		var next block
		if i+1 < len(bs) {
			next = bs[i+1]
		}
		w.block(b, f, i > 0 && isHeading(bs[i-1]), next)
	}
}

// flushMarker writes a pending list marker on a paragraph of its own, for an item that starts
// with something other than a paragraph.
func (w *body) flushMarker(f *frame) {
	if f.marker != "" {
		w.paragraph(rich{}, f, props{style: f.style})
	}
}

// paragraph writes a paragraph of text in frame f, taking the frame's pending list marker.
func (w *body) paragraph(r rich, f *frame, p props) {
	w.open(f, &p)
	w.pPr(p)
	w.marker(f)
	w.runs(r)
	w.raw("</w:p>\n")
}

// open starts a paragraph: it completes p from the frame and the state of the writer.
func (w *body) open(f *frame, p *props) {
	p.left, p.after = f.left, f.after
	if f.marker != "" {
		p.hanging = f.hanging
	}
	p.before = -1
	if w.lastTable && !strings.HasPrefix(p.style, "Heading") {
		p.before = 140 // as the PDF sets tables apart; a heading keeps its larger space
	}
	if w.breakNext {
		p.pageBreak = true
		w.breakNext = false
	}
	w.lastTable = false
	w.raw("<w:p>")
}

// marker writes the frame's pending list marker and a tab to the hanging indent.
func (w *body) marker(f *frame) {
	if f.marker == "" {
		return
	}
	w.raw("<w:r><w:t>")
	w.text(f.marker)
	w.raw("</w:t><w:tab/></w:r>")
	f.marker = ""
}

// pPr writes paragraph properties in the order the schema gives them.
func (w *body) pPr(p props) {
	var b xmlBuffer
	if p.style != "" {
		b.raw(`<w:pStyle w:val="`, p.style, `"/>`)
	}
	if p.keepNext {
		b.raw("<w:keepNext/>")
	}
	if p.pageBreak {
		b.raw("<w:pageBreakBefore/>")
	}
	if p.rule {
		b.raw(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="737373"/></w:pBdr>`)
	}
	if p.before >= 0 || p.after >= 0 {
		b.raw("<w:spacing")
		if p.before >= 0 {
			b.raw(` w:before="`, strconv.Itoa(p.before), `"`)
		}
		if p.after >= 0 {
			b.raw(` w:after="`, strconv.Itoa(p.after), `"`)
		}
		b.raw("/>")
	}
	if p.left > 0 || p.hanging > 0 {
		b.raw(`<w:ind w:left="`, strconv.Itoa(p.left), `"`)
		if p.hanging > 0 {
			b.raw(` w:hanging="`, strconv.Itoa(p.hanging), `"`)
		}
		b.raw("/>")
	}
	if p.jc != "" {
		b.raw(`<w:jc w:val="`, p.jc, `"/>`)
	}
	if b.Len() > 0 {
		w.raw("<w:pPr>", b.String(), "</w:pPr>")
	}
}

// heading writes a heading in its Word heading style, with a bookmark that the table of
// contents links to.
func (w *body) heading(h *heading, f *frame) {
	level := min(max(h.level, 1), 6)
	p := props{style: "Heading" + strconv.Itoa(level)}
	w.open(f, &p)
	w.pPr(p)
	id := strconv.Itoa(h.id + 1)
	w.raw(`<w:bookmarkStart w:id="`, id, `" w:name="`, bookmark(h.id), `"/>`)
	w.marker(f)
	w.runs(h.text)
	w.raw(`<w:bookmarkEnd w:id="`, id, `"/>`, "</w:p>\n")
}

// bookmark is the name of the bookmark of heading id, in the form Word gives the targets of a
// table of contents.
func bookmark(id int) string { return "_Toc" + strconv.Itoa(100000000+id) }

// list writes the items of a list, each marker hanging in the indent of its item.
func (w *body) list(l *list, f *frame) {
	markers := make([]string, len(l.items))
	widest := 0
	for i := range l.items {
		m := "•"
		if l.ordered {
			m = strconv.Itoa(l.start+i) + "."
		}
		markers[i] = m
		widest = max(widest, textTwips(m, bodyEm))
	}
	indent := max(widest+bodyEm/2, bodyEm*3/2)
	if f.width-indent < minMeasure {
		indent = 0
	}
	w.flushMarker(f)
	for i, item := range l.items {
		inner := &frame{left: f.left + indent, width: f.width - indent, style: f.style, after: f.after,
			marker: markers[i], hanging: indent}
		if l.tight {
			inner.after = tightAfter
		}
		if len(item) == 0 {
			w.flushMarker(inner)
		}
		w.blocks(item, inner)
	}
}

// runs writes the runs of a rich text.
func (w *body) runs(r rich) {
	start := 0
	for _, sp := range r.spans {
		s := r.text[start:sp.end]
		start = sp.end
		if sp.url == "" {
			w.run(s, sp.face, false)
			continue
		}
		w.raw(`<w:hyperlink r:id="`, w.linkID(sp.url), `" w:history="1">`)
		w.run(s, sp.face, true)
		w.raw("</w:hyperlink>")
	}
}

// characterStyles names the character style of each face.
var characterStyles = [...]string{plain: "", emph: "Emphasis", strong: "Strong", code: "VerbatimChar", marked: "Marked"}

// run writes one run: text, with line breaks and tabs as Word's own elements.
func (w *body) run(s string, f face, link bool) {
	w.raw("<w:r>")
	style := characterStyles[f]
	if style == "" && link {
		style = "Hyperlink"
	}
	if style != "" {
		w.raw(`<w:rPr><w:rStyle w:val="`, style, `"/></w:rPr>`)
	}
	for s != "" {
		i := strings.IndexAny(s, "\n\t")
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			w.raw(`<w:t xml:space="preserve">`)
			w.text(s[:i])
			w.raw("</w:t>")
		}
		if i == len(s) {
			break
		}
		if s[i] == '\n' {
			w.raw("<w:br/>")
		} else {
			w.raw("<w:tab/>")
		}
		s = s[i+1:]
	}
	w.raw("</w:r>")
}

// field writes a complex field: its instruction and the result shown until Word updates it.
func field(b *xmlBuffer, instr, result string, dirty bool) {
	if dirty {
		b.raw(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>`)
	} else {
		b.raw(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	}
	b.raw(`<w:r><w:instrText xml:space="preserve"> `)
	b.text(instr)
	b.raw(` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	if result != "" {
		b.raw(`<w:r><w:t xml:space="preserve">`)
		b.text(result)
		b.raw(`</w:t></w:r>`)
	}
	b.raw(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}
