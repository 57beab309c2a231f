package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/annexgen/annexgen/render/mark"
)

// replacement is drawn for a character the fonts lack.
const replacement = '〓'

// rich is a run of styled text: text with the font of every byte range. A '\n' in text is a hard
// line break.
type rich struct {
	text  string
	spans []span // in order; span i covers text[spans[i-1].end:spans[i].end]
}

// span is the style of a byte range of a rich text.
type span struct {
	end  int
	face faceID
	url  string // an external link target, or ""; see underlined
}

// underlined starts the url of a span of marked text ({==…==}), drawn with a 傍線; the link
// target, if any, follows it. One field holds both, so that a change of either starts a new
// segment of a line.
const underlined = "\x00u"

// The 傍線 of marked text: how far below the baseline it is drawn, in ems, and its width in points.
const (
	underlineDrop  = 0.16
	underlineWidth = 0.6
)

// splitURL returns the link target of a span's url and whether the span is underlined.
func splitURL(url string) (target string, underline bool) {
	return strings.CutPrefix(url, underlined)
}

// The blocks of a document.
type (
	block interface{}

	paragraph struct{ text rich }

	heading struct {
		level int
		text  rich
		plain string // for bookmarks and the table of contents
		id    int    // index into the document's headings
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

	code struct{ text rich }
)

// document is a parsed document.
type document struct {
	blocks   []block
	headings []*heading
	title    string // the text of the first level-1 heading
}

// converter turns goldmark's syntax tree into blocks, resolving characters the fonts lack.
type converter struct {
	t        *Typesetter
	src      []byte
	context  string // the nearest heading, for reports of missing characters
	missing  []MissingGlyph
	reported map[MissingGlyph]bool
	doc      document
}

func newConverter(t *Typesetter, src []byte) *converter {
	return &converter{t: t, src: src, reported: map[MissingGlyph]bool{}}
}

// document converts the whole tree.
func (c *converter) document(root ast.Node) *document {
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

// styles maps emphasis to fonts for a block whose text is in base.
type styles struct{ base, emph, strong faceID }

var (
	inlineBody = styles{body, gothic, bold}
	inlineBold = styles{bold, bold, bold}
)

func (c *converter) block(n ast.Node) block {
	switch n := n.(type) {
	case *ast.Heading:
		plain := c.plainText(n)
		c.context = strings.TrimSpace(plain)
		h := &heading{level: n.Level, id: len(c.doc.headings)}
		h.text = c.inlines(n, inlineBold)
		h.plain = strings.TrimSpace(strings.ReplaceAll(h.text.text, "\n", " "))
		if h.level == 1 && c.doc.title == "" {
			c.doc.title = h.plain
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
		c.add(&b, strings.TrimRight(c.lines(n), "\n"), gothic, "")
		return &code{text: b.rich()}
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 { // a comment: invisible in any viewer
			return nil
		}
		s := c.lines(n)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(c.src))
		}
		var b richBuilder
		c.add(&b, strings.TrimRight(s, "\n"), body, "")
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

// table converts a GFM table.
func (c *converter) table(n *east.Table) *table {
	tb := &table{aligns: n.Alignments}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []rich
		st := inlineBody
		if _, ok := row.(*east.TableHeader); ok {
			st = inlineBold
		}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlines(cell, st))
		}
		if _, ok := row.(*east.TableHeader); ok {
			tb.header = cells
		} else {
			tb.rows = append(tb.rows, cells)
		}
	}
	cols := len(tb.aligns)
	if len(tb.header) > cols {
		cols = len(tb.header)
	}
	for _, r := range tb.rows {
		if len(r) > cols {
			cols = len(r)
		}
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

// plainText is the text of n's inlines, without styles, for reports.
func (c *converter) plainText(n ast.Node) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(c.src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		}
		return ast.WalkContinue, nil
	})
	return unescape(b.Bytes())
}

// inlines converts the inline children of n.
func (c *converter) inlines(n ast.Node, st styles) rich {
	var b richBuilder
	c.inline(&b, n, st.base, st, "")
	return b.rich()
}

func (c *converter) inline(b *richBuilder, n ast.Node, f faceID, st styles, url string) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			v := ch.Segment.Value(c.src)
			if ch.IsRaw() {
				c.add(b, string(v), f, url)
			} else {
				c.add(b, unescape(v), f, url)
			}
			if ch.HardLineBreak() {
				c.add(b, "\n", f, url)
			} else if ch.SoftLineBreak() {
				b.softBreak = true
			}
		case *ast.String:
			c.add(b, string(ch.Value), f, url)
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
			c.add(b, strings.ReplaceAll(s.String(), "\n", " "), gothic, url)
		case *ast.Emphasis:
			g := st.emph
			if ch.Level >= 2 {
				g = st.strong
			}
			if f == bold {
				g = bold
			}
			c.inline(b, ch, g, st, url)
		case *mark.Node:
			c.inline(b, ch, f, st, underlined+strings.TrimPrefix(url, underlined))
		case *ast.Link:
			c.inline(b, ch, f, st, linkTarget(string(ch.Destination)))
		case *ast.AutoLink:
			c.add(b, string(ch.Label(c.src)), f, linkTarget(string(ch.URL(c.src))))
		case *ast.RawHTML:
			var s strings.Builder
			for i := 0; i < ch.Segments.Len(); i++ {
				seg := ch.Segments.At(i)
				s.Write(seg.Value(c.src))
			}
			raw := s.String()
			switch {
			case isLineBreakTag(raw):
				c.add(b, "\n", f, url)
			case strings.HasPrefix(raw, "<!--"):
			default:
				c.add(b, raw, f, url)
			}
		default:
			c.inline(b, ch, f, st, url)
		}
	}
}

// linkTarget keeps web and mail links; other destinations get no link annotation.
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

// add appends s in font f, replacing what the font cannot draw.
func (c *converter) add(b *richBuilder, s string, f faceID, url string) {
	if s == "" {
		return
	}
	m := c.t.faces[f].metrics
	clean := true
	for _, r := range s {
		if r == '\n' || r == utf8.RuneError || !m.Has(r) {
			clean = false
			break
		}
	}
	if clean {
		b.add(s, f, url)
		return
	}
	var out strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			out.WriteRune(r)
		case r == '\t':
			out.WriteByte(' ')
		case r == '\r':
		case m.Has(r) && r != utf8.RuneError:
			out.WriteRune(r)
		default:
			c.report(r)
			if !invisible(r) {
				out.WriteRune(c.substitute(f))
			}
		}
	}
	b.add(out.String(), f, url)
}

// plain resolves a string drawn outside the document's flow, such as the running header.
func (c *converter) plain(s string, f faceID, context string) string {
	saved := c.context
	c.context = context
	var b richBuilder
	c.add(&b, strings.Join(strings.Fields(s), " "), f, "")
	c.context = saved
	return b.text.String()
}

// infoText prepares a document information string. It is written in UTF-16 (characters beyond
// the BMP as surrogate pairs) and shown by the viewer in its own fonts, so it is kept as it is.
func (c *converter) infoText(s string) string {
	return s
}

// substitute returns the character drawn in place of a missing one in font f.
func (c *converter) substitute(f faceID) rune {
	if c.t.faces[f].metrics.Has(replacement) {
		return replacement
	}
	if c.t.faces[f].metrics.Has('?') {
		return '?'
	}
	return ' '
}

// report records a missing character once per heading.
func (c *converter) report(r rune) {
	m := MissingGlyph{Rune: r, Context: c.context}
	if !c.reported[m] {
		c.reported[m] = true
		c.missing = append(c.missing, m)
	}
}

// invisible reports whether r draws nothing anyway (format characters, variation selectors,
// controls), so that leaving it out changes nothing a reader could see.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Variation_Selector, r)
}

// richBuilder accumulates a rich text.
type richBuilder struct {
	text      strings.Builder
	spans     []span
	softBreak bool // a soft line break is pending
}

// add appends s; a pending soft line break becomes a space unless it stands between two East
// Asian wide characters.
func (b *richBuilder) add(s string, f faceID, url string) {
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

func (b *richBuilder) addSpan(s string, f faceID, url string) {
	b.text.WriteString(s)
	end := b.text.Len()
	if n := len(b.spans); n > 0 && b.spans[n-1].face == f && b.spans[n-1].url == url {
		b.spans[n-1].end = end
		return
	}
	b.spans = append(b.spans, span{end: end, face: f, url: url})
}

// rich returns the text with leading and trailing white space removed.
func (b *richBuilder) rich() rich {
	s := b.text.String()
	start := len(s) - len(strings.TrimLeft(s, " \n"))
	end := len(strings.TrimRight(s, " \n"))
	if start >= end {
		return rich{}
	}
	r := rich{text: s[start:end]}
	for _, sp := range b.spans {
		e := sp.end - start
		if e <= 0 {
			continue
		}
		if e > len(r.text) {
			e = len(r.text)
		}
		if n := len(r.spans); n > 0 && r.spans[n-1].end >= e {
			continue
		}
		r.spans = append(r.spans, span{end: e, face: sp.face, url: sp.url})
	}
	return r
}

// unescape resolves backslash escapes and character references in one pass, as CommonMark
// renderers do.
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
