// Package typst turns CommonMark + GFM Markdown into Typst markup, so that
// Typst can typeset the same document as annexgen. Text is always escaped:
// whatever the Markdown shows as text comes out of Typst as that text.
package typst

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Style is the page and type setup of a whole document.
type Style struct {
	Title   string // document title, also printed in the page header
	Body    string // font family of the body text, e.g. "BIZ UDMincho"
	Heading string // font family of headings, e.g. "BIZ UDGothic"
	Lang    string // text language, e.g. "ja"
	Outline bool   // a table of contents after the first top-level heading
}

// Document returns a complete Typst document: an A4 page setup in the given
// style (header with the title, "n / N" page numbers in the footer, body
// and heading fonts) followed by the Markdown converted with Markup.
func Document(md []byte, s Style) []byte {
	var b bytes.Buffer
	b.WriteString("#set document(title: " + Str(s.Title) + ", date: none)\n")
	b.WriteString("#set page(paper: \"a4\", margin: (x: 20mm, top: 25mm, bottom: 20mm),\n")
	b.WriteString("  header: align(right, text(size: 8pt, " + Str(s.Title) + ")),\n")
	b.WriteString("  footer: context align(center, text(size: 9pt, counter(page).display(\"1 / 1\", both: true))))\n")
	b.WriteString("#set text(font: " + Str(s.Body) + ", lang: " + Str(s.Lang) + ", size: 10.5pt)\n")
	b.WriteString("#set par(justify: true, leading: 0.8em, spacing: 1.2em)\n")
	b.WriteString("#show heading: set text(font: " + Str(s.Heading) + ", weight: \"bold\")\n")
	b.WriteString("#show heading: set block(above: 1.8em, below: 1em)\n")
	b.WriteString("#set table(inset: 5pt, stroke: 0.5pt + gray, fill: (x, y) => if y == 0 { luma(230) })\n")
	b.WriteString("#show table.cell.where(y: 0): set text(font: " + Str(s.Heading) + ", weight: \"bold\")\n\n")
	c := converter{outline: s.Outline}
	b.Write(c.markup(md))
	return b.Bytes()
}

// Markup converts Markdown (CommonMark with GFM tables and strikethrough)
// into Typst markup.
func Markup(md []byte) []byte {
	var c converter
	return c.markup(md)
}

// Escape returns s as Typst markup that displays s literally. Line breaks
// become spaces: in running text a single line break is a space anyway.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch r {
		case '\\', '#', '*', '_', '`', '$', '@', '<', '>', '[', ']', '~',
			'-', '+', '=', '/', '.', '\'', '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case 0:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Str returns s as a Typst string literal.
func Str(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case 0:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

var parser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// converter holds the state of one conversion.
type converter struct {
	src      []byte
	outline  bool // insert the table of contents after the next top-level heading
	outlined bool
}

func (c *converter) markup(md []byte) []byte {
	c.src = md
	doc := parser.Parse(text.NewReader(md))
	var b bytes.Buffer
	c.blocks(&b, doc)
	return bytes.TrimRight(b.Bytes(), "\n")
}

// blocks writes the block children of n, separated by blank lines.
func (c *converter) blocks(b *bytes.Buffer, n ast.Node) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.block(b, ch)
		b.WriteString("\n\n")
	}
}

func (c *converter) block(b *bytes.Buffer, n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		b.WriteString(strings.Repeat("=", n.Level) + " ")
		b.WriteString(c.inlines(n, true))
		if c.outline && !c.outlined && n.Level == 1 {
			c.outlined = true
			b.WriteString("\n\n#outline()")
		}
	case *ast.Paragraph, *ast.TextBlock:
		b.WriteString(c.inlines(n, false))
	case *ast.List:
		c.list(b, n)
	case *ast.Blockquote:
		b.WriteString("#quote(block: true)[\n")
		c.blocks(b, n)
		b.WriteString("];")
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.WriteString("#raw(block: true, " + Str(c.lines(n)) + ");")
	case *ast.HTMLBlock:
		s := c.lines(n)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(c.src))
		}
		c.literalLines(b, s)
	case *ast.ThematicBreak:
		b.WriteString("#line(length: 100%);")
	case *east.Table:
		c.table(b, n)
	default:
		c.blocks(b, n)
	}
}

// literalLines writes s as text, keeping its line breaks.
func (c *converter) literalLines(b *bytes.Buffer, s string) {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\\\n")
		}
		b.WriteString(Escape(strings.TrimRight(l, "\r")))
	}
}

// lines returns the source lines of a block as they are.
func (c *converter) lines(n ast.Node) string {
	var s strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		s.Write(seg.Value(c.src))
	}
	return s.String()
}

func (c *converter) list(b *bytes.Buffer, l *ast.List) {
	num := l.Start
	first := true
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		if !first {
			if l.IsTight {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		first = false
		marker := "- "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		var body bytes.Buffer
		for ch := it.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch != it.FirstChild() {
				if l.IsTight {
					body.WriteString("\n")
				} else {
					body.WriteString("\n\n")
				}
			}
			c.block(&body, ch)
		}
		b.WriteString(marker)
		indent := strings.Repeat(" ", len(marker))
		for i, line := range strings.Split(body.String(), "\n") {
			if i > 0 {
				b.WriteString("\n")
				if line != "" {
					b.WriteString(indent)
				}
			}
			b.WriteString(line)
		}
	}
}

func (c *converter) table(b *bytes.Buffer, t *east.Table) {
	cols := len(t.Alignments)
	b.WriteString("#table(\n  columns: " + strconv.Itoa(cols) + ",\n  align: (")
	for i, a := range t.Alignments {
		if i > 0 {
			b.WriteString(", ")
		}
		switch a {
		case east.AlignCenter:
			b.WriteString("center")
		case east.AlignRight:
			b.WriteString("right")
		default:
			b.WriteString("left")
		}
	}
	if cols == 1 {
		b.WriteString(",")
	}
	b.WriteString("),\n")
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, "["+c.inlines(cell, true)+"]")
		}
		for len(cells) < cols {
			cells = append(cells, "[]")
		}
		if _, ok := row.(*east.TableHeader); ok {
			b.WriteString("  table.header(" + strings.Join(cells, ", ") + "),\n")
		} else {
			b.WriteString("  " + strings.Join(cells, ", ") + ",\n")
		}
	}
	b.WriteString(");")
}

// inlines returns the inline children of n as Typst markup. In a heading
// or a table cell, where a new line would end the element, oneLine writes
// hard line breaks as Typst's linebreak function.
func (c *converter) inlines(n ast.Node, oneLine bool) string {
	w := inlineWriter{oneLine: oneLine}
	c.inline(&w, n)
	return w.b.String()
}

// inlineWriter collects inline markup; a soft line break is written once
// the next character is known, as nothing between two East Asian wide
// characters and as a space otherwise.
type inlineWriter struct {
	b       strings.Builder
	soft    bool
	last    rune
	oneLine bool
}

func (w *inlineWriter) text(s string) {
	if s == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	w.flush(first)
	w.b.WriteString(Escape(s))
	w.last, _ = utf8.DecodeLastRuneInString(s)
}

func (w *inlineWriter) markup(s string) {
	w.flush(0)
	w.b.WriteString(s)
	w.last = 0
}

func (w *inlineWriter) flush(next rune) {
	if w.soft {
		w.soft = false
		if !(util.IsEastAsianWideRune(w.last) && util.IsEastAsianWideRune(next)) {
			w.b.WriteByte(' ')
		}
	}
}

func (c *converter) inline(w *inlineWriter, n ast.Node) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			v := ch.Segment.Value(c.src)
			if ch.IsRaw() {
				w.text(string(v))
			} else {
				w.text(Literal(v))
			}
			switch {
			case ch.HardLineBreak() && w.oneLine:
				w.markup("#linebreak();")
			case ch.HardLineBreak():
				w.markup("\\\n")
			case ch.SoftLineBreak():
				w.soft = true
			}
		case *ast.String:
			if ch.IsRaw() || ch.IsCode() {
				w.text(string(ch.Value))
			} else {
				w.text(Literal(ch.Value))
			}
		case *ast.CodeSpan:
			w.markup("#raw(" + Str(c.plain(ch)) + ");")
		case *ast.Emphasis:
			fn := "#emph["
			if ch.Level >= 2 {
				fn = "#strong["
			}
			w.markup(fn)
			c.inline(w, ch)
			w.markup("];")
		case *east.Strikethrough:
			w.markup("#strike[")
			c.inline(w, ch)
			w.markup("];")
		case *ast.Link:
			w.markup("#link(" + Str(Literal(ch.Destination)) + ")[")
			c.inline(w, ch)
			w.markup("];")
		case *ast.AutoLink:
			w.markup("#link(" + Str(string(ch.URL(c.src))) + ")[")
			w.text(string(ch.Label(c.src)))
			w.markup("];")
		case *ast.Image:
			c.inline(w, ch)
		case *ast.RawHTML:
			var raw strings.Builder
			for i := 0; i < ch.Segments.Len(); i++ {
				seg := ch.Segments.At(i)
				raw.Write(seg.Value(c.src))
			}
			switch {
			case !isLineBreakTag(raw.String()):
				w.text(raw.String())
			case w.oneLine:
				w.markup("#linebreak();")
			default:
				w.markup("\\\n")
			}
		default:
			c.inline(w, ch)
		}
	}
}

// isLineBreakTag reports whether raw is <br>, <br/> or <br />, the usual
// line break in a GFM table cell; other inline HTML is shown as text.
func isLineBreakTag(raw string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(raw), ""))
	return s == "<br>" || s == "<br/>"
}

// plain returns the text of n's descendants without any interpretation,
// as inside a code span.
func (c *converter) plain(n ast.Node) string {
	var s strings.Builder
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			s.Write(ch.Segment.Value(c.src))
		case *ast.String:
			s.Write(ch.Value)
		default:
			s.WriteString(c.plain(ch))
		}
	}
	return s.String()
}

// Literal returns the text that Markdown source text stands for: backslash
// escapes removed and character references (&amp; &#35; &#x23;) resolved,
// as a Markdown renderer shows it.
func Literal(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var s strings.Builder
	for i := 0; i < len(v); i++ {
		ch := v[i]
		if ch == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			s.WriteByte(v[i+1])
			i++
			continue
		}
		if ch == '&' {
			if r, n := reference(v[i:]); n > 0 {
				s.WriteString(r)
				i += n - 1
				continue
			}
		}
		s.WriteByte(ch)
	}
	return s.String()
}

// reference decodes the character reference at the start of v and returns
// its text and length, or a zero length when v does not start with one.
func reference(v []byte) (string, int) {
	end := bytes.IndexByte(v, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	body := string(v[1:end])
	if body[0] == '#' {
		digits, base := body[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if digits == "" || (base == 10 && len(digits) > 7) || (base == 16 && len(digits) > 6) {
			return "", 0
		}
		n, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(n)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	for _, c := range body {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", 0
		}
	}
	e, ok := util.LookUpHTML5EntityByName(body)
	if !ok {
		return "", 0
	}
	return string(e.Characters), end + 1
}
