package docx

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/annexgen/annexgen/render/mark"
)

// rich is a run of styled text: text with the face of every byte range. A '\n' in text is a hard
// line break, a '\t' a tab.
type rich struct {
	text  string
	spans []span // in order; span i covers text[spans[i-1].end:spans[i].end]
}

// span is the style of a byte range of a rich text.
type span struct {
	end  int
	face face
	url  string // an external link target, or ""
}

// face is the character style of a span.
type face uint8

const (
	plain  face = iota // the paragraph's own font
	emph               // *emphasis*: ゴシック, as in the PDF
	strong             // **strong**: ゴシック bold
	code               // `code`: ゴシック
	marked             // {==marked==}: the paragraph's font with a 傍線 (single underline)
)

// The blocks of a document, as the PDF renderer reads them.
type (
	block interface{}

	paragraph struct{ text rich }

	heading struct {
		level int
		text  rich
		id    int // index into the document's headings: its bookmark
	}

	list struct {
		ordered bool
		start   int
		tight   bool
		items   [][]block
	}

	table struct {
		aligns []east.Alignment
		header []rich
		rows   [][]rich
	}

	quote struct{ blocks []block }

	rule struct{}

	codeBlock struct{ text rich }
)

// document is a parsed document.
type document struct {
	blocks   []block
	headings []*heading
	title    string // the text of the first level-1 heading
}

// cells counts the table cells of the document, the empty ones that complete short rows
// included.
func (d *document) cells() int {
	n := 0
	var count func(bs []block)
	count = func(bs []block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *table:
				n += len(b.aligns) * (len(b.rows) + 1)
			case *list:
				for _, item := range b.items {
					count(item)
				}
			case *quote:
				count(b.blocks)
			}
		}
	}
	count(d.blocks)
	return n
}

// converter turns goldmark's syntax tree into blocks.
type converter struct {
	src []byte
	doc document
}

// styles maps emphasis to faces for a block: in headings and table headers, which are bold
// throughout, emphasis changes nothing.
type styles struct{ base, emph, strong face }

var (
	inlineBody = styles{plain, emph, strong}
	inlineBold = styles{plain, plain, plain}
)

// convert converts the whole tree.
func convert(root ast.Node, src []byte) *document {
	c := &converter{src: src}
	c.doc.blocks = c.blocks(root)
	return &c.doc
}

// blocks converts the children of n.
func (c *converter) blocks(n ast.Node) []block {
	var out []block
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if b := c.block(ch); b != nil {
			out = append(out, b)
		}
	}
	return out
}

func (c *converter) block(n ast.Node) block {
	switch n := n.(type) {
	case *ast.Heading:
		h := &heading{level: n.Level, id: len(c.doc.headings), text: c.inlines(n, inlineBold)}
		if h.level == 1 && c.doc.title == "" {
			c.doc.title = strings.Join(strings.Fields(h.text.text), " ")
		}
		c.doc.headings = append(c.doc.headings, h)
		return h
	case *ast.Paragraph, *ast.TextBlock:
		r := c.inlines(n, inlineBody)
		if r.text == "" {
			return nil
		}
		return &paragraph{text: r}
	case *ast.List:
		l := &list{ordered: n.IsOrdered(), start: n.Start, tight: n.IsTight}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			l.items = append(l.items, c.blocks(item))
		}
		return l
	case *ast.Blockquote:
		return &quote{blocks: c.blocks(n)}
	case *ast.ThematicBreak:
		return &rule{}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b richBuilder
		b.add(strings.TrimRight(c.lines(n), "\n"), code, "")
		return &codeBlock{text: b.rich()}
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 { // a comment: invisible in any viewer
			return nil
		}
		s := c.lines(n)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(c.src))
		}
		var b richBuilder
		b.add(strings.TrimRight(s, "\n"), plain, "")
		return &paragraph{text: b.rich()}
	case *east.Table:
		return c.table(n)
	}
	if n.FirstChild() != nil {
		if bs := c.blocks(n); len(bs) > 0 {
			return &quote{blocks: bs}
		}
	}
	return nil
}

// table converts a GFM table; every row gets as many cells as the widest.
func (c *converter) table(n *east.Table) *table {
	tb := &table{aligns: n.Alignments}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []rich
		_, isHeader := row.(*east.TableHeader)
		st := inlineBody
		if isHeader {
			st = inlineBold
		}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlines(cell, st))
		}
		if isHeader {
			tb.header = cells
		} else {
			tb.rows = append(tb.rows, cells)
		}
	}
	cols := max(len(tb.aligns), len(tb.header))
	for _, r := range tb.rows {
		cols = max(cols, len(r))
	}
	for len(tb.aligns) < cols {
		tb.aligns = append(tb.aligns, east.AlignNone)
	}
	return tb
}

// lines joins the raw lines of a block.
func (c *converter) lines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

// inlines converts the inline children of n.
func (c *converter) inlines(n ast.Node, st styles) rich {
	var b richBuilder
	c.inline(&b, n, st.base, st, "")
	return b.rich()
}

func (c *converter) inline(b *richBuilder, n ast.Node, f face, st styles, url string) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			v := ch.Segment.Value(c.src)
			if ch.IsRaw() {
				b.add(string(v), f, url)
			} else {
				b.add(unescape(v), f, url)
			}
			if ch.HardLineBreak() {
				b.add("\n", f, url)
			} else if ch.SoftLineBreak() {
				b.softBreak = true
			}
		case *ast.String:
			b.add(string(ch.Value), f, url)
		case *ast.CodeSpan:
			var s strings.Builder
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					s.Write(t.Segment.Value(c.src))
				case *ast.String:
					s.Write(t.Value)
				}
			}
			b.add(strings.ReplaceAll(s.String(), "\n", " "), code, url)
		case *ast.Emphasis:
			g := st.emph
			if ch.Level >= 2 {
				g = st.strong
			}
			if f == strong {
				g = strong
			}
			c.inline(b, ch, g, st, url)
		case *mark.Node:
			c.inline(b, ch, marked, st, url)
		case *ast.Link:
			c.inline(b, ch, f, st, linkTarget(string(ch.Destination)))
		case *ast.AutoLink:
			b.add(string(ch.Label(c.src)), f, linkTarget(string(ch.URL(c.src))))
		case *ast.RawHTML:
			c.rawHTML(b, ch, f, url)
		default:
			c.inline(b, ch, f, st, url)
		}
	}
}

// rawHTML adds inline HTML as text: <br> is a line break, a comment is nothing, any other tag is
// printed as written.
func (c *converter) rawHTML(b *richBuilder, n *ast.RawHTML, f face, url string) {
	var s strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		s.Write(seg.Value(c.src))
	}
	raw := s.String()
	switch {
	case isLineBreakTag(raw):
		b.add("\n", f, url)
	case strings.HasPrefix(raw, "<!--"):
	default:
		b.add(raw, f, url)
	}
}

// linkTarget keeps web and mail links; other destinations get no link.
func linkTarget(dest string) string {
	l := strings.ToLower(dest)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:") {
		return dest
	}
	return ""
}

// isLineBreakTag reports whether raw is <br>, <br/> or <br />, the usual line break in a GFM
// table cell.
func isLineBreakTag(raw string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(raw), ""))
	return s == "<br>" || s == "<br/>"
}

// richBuilder accumulates a rich text.
type richBuilder struct {
	text      strings.Builder
	spans     []span
	softBreak bool // a soft line break is pending
}

// add appends s; a pending soft line break becomes a space unless it stands between two East
// Asian wide characters. A carriage return is dropped, as a Markdown reader drops it.
func (b *richBuilder) add(s string, f face, url string) {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r", "")
	}
	if s == "" {
		return
	}
	if b.softBreak {
		b.softBreak = false
		prev, _ := utf8.DecodeLastRuneInString(b.text.String())
		next, _ := utf8.DecodeRuneInString(s)
		if b.text.Len() > 0 && prev != '\n' && !(util.IsEastAsianWideRune(prev) && util.IsEastAsianWideRune(next)) {
			b.addSpan(" ", f, url)
		}
	}
	b.addSpan(s, f, url)
}

func (b *richBuilder) addSpan(s string, f face, url string) {
	b.text.WriteString(s)
	end := b.text.Len()
	if n := len(b.spans); n > 0 && b.spans[n-1].face == f && b.spans[n-1].url == url {
		b.spans[n-1].end = end
		return
	}
	b.spans = append(b.spans, span{end: end, face: f, url: url})
}

// rich returns the text with leading and trailing spaces and line breaks removed.
func (b *richBuilder) rich() rich {
	s := b.text.String()
	start := len(s) - len(strings.TrimLeft(s, " \n"))
	end := len(strings.TrimRight(s, " \n"))
	if start >= end {
		return rich{}
	}
	r := rich{text: s[start:end]}
	for _, sp := range b.spans {
		e := min(sp.end-start, len(r.text))
		if e <= 0 {
			continue
		}
		if n := len(r.spans); n > 0 && r.spans[n-1].end >= e {
			continue
		}
		r.spans = append(r.spans, span{end: e, face: sp.face, url: sp.url})
	}
	return r
}

// unescape resolves backslash escapes and character references in one pass, as CommonMark
// readers do.
func unescape(src []byte) string {
	if bytes.IndexByte(src, '\\') < 0 && bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, 0) < 0 {
		return string(src)
	}
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		ch := src[i]
		switch {
		case ch == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]):
			b.WriteByte(src[i+1])
			i++
		case ch == 0:
			b.WriteRune(utf8.RuneError)
		case ch == '&':
			if r, n := reference(src[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
			} else {
				b.WriteByte(ch)
			}
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// reference decodes an entity or numeric character reference at the start of s and returns it
// with its length, or 0 when s does not start with one.
func reference(s []byte) (string, int) {
	end := bytes.IndexByte(s, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	name := string(s[1:end])
	if name[0] == '#' {
		var v uint64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			if len(name) < 3 || len(name) > 8 {
				return "", 0
			}
			v, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			if len(name) < 2 || len(name) > 8 {
				return "", 0
			}
			v, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil {
			return "", 0
		}
		r := rune(v)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}
