package mdread

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/annexgen/annexgen/render/mark"
)

// Rich is a run of styled text: text with the style of every byte range. A '\n' in Text is a
// hard line break.
type Rich struct {
	Text  string
	Spans []Span // in order; span i covers Text[Spans[i-1].End:Spans[i].End]
}

// Span is the style of a byte range of a Rich text.
type Span struct {
	End int
	Style
}

// Style is how a run of text is set: its face and decorations. Adjacent runs of equal style make
// one span.
type Style struct {
	Face      Face
	Link      string // an external link target (http, https or mailto), or ""
	Underline bool   // marked as changed ({==…==}, see package render/mark): a 傍線
}

// Face is the character style of a run: the emphasis of the Markdown.
type Face uint8

const (
	Plain  Face = iota // the text of the block
	Emph               // *emphasis*
	Strong             // **strong**, and all text of headings and table header rows
	Code               // `code` and code blocks
)

// Restyle yields the runs of r in the styles of a renderer: the end of each run and its style
// as to maps it, adjacent runs that map to the same style joined.
func Restyle[S comparable](r Rich, to func(Style) S) iter.Seq2[int, S] {
	return func(yield func(int, S) bool) {
		var cur S
		end := 0
		for i, sp := range r.Spans {
			st := to(sp.Style)
			if i > 0 && st != cur && !yield(end, cur) {
				return
			}
			cur, end = st, sp.End
		}
		if len(r.Spans) > 0 {
			yield(end, cur)
		}
	}
}

// inlines converts the inline children of n, in style st.
func (c *converter) inlines(n ast.Node, st Style) Rich {
	b := c.builder()
	c.inline(b, n, st)
	return b.rich()
}

func (c *converter) inline(b *builder, n ast.Node, st Style) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			v := ch.Segment.Value(c.src)
			if ch.IsRaw() {
				b.add(string(v), st)
			} else {
				b.add(unescape(v), st)
			}
			if ch.HardLineBreak() {
				b.add("\n", st)
			} else if ch.SoftLineBreak() {
				b.softBreak = true
			}
		case *ast.String:
			b.add(string(ch.Value), st)
		case *ast.CodeSpan:
			in := st
			in.Face = Code
			b.add(strings.ReplaceAll(c.codeText(ch), "\n", " "), in)
		case *ast.Emphasis:
			in := st
			in.Face = Emph
			if ch.Level >= 2 || st.Face == Strong {
				in.Face = Strong
			}
			c.inline(b, ch, in)
		case *mark.Node:
			in := st
			in.Underline = true
			c.inline(b, ch, in)
		case *ast.Link:
			in := st
			in.Link = linkTarget(string(ch.Destination))
			c.inline(b, ch, in)
		case *ast.AutoLink:
			in := st
			in.Link = linkTarget(string(ch.URL(c.src)))
			b.add(string(ch.Label(c.src)), in)
		case *ast.RawHTML:
			c.rawHTML(b, ch, st)
		default:
			c.inline(b, ch, st)
		}
	}
}

// codeText is the text of a code span as written.
func (c *converter) codeText(n *ast.CodeSpan) string {
	var s strings.Builder
	for t := n.FirstChild(); t != nil; t = t.NextSibling() {
		switch t := t.(type) {
		case *ast.Text:
			s.Write(t.Segment.Value(c.src))
		case *ast.String:
			s.Write(t.Value)
		}
	}
	return s.String()
}

// rawHTML adds inline HTML as text: <br> is a line break, a comment is nothing, any other tag is
// text as written.
func (c *converter) rawHTML(b *builder, n *ast.RawHTML, st Style) {
	var s strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		s.Write(seg.Value(c.src))
	}
	raw := s.String()
	switch {
	case isLineBreakTag(raw):
		b.add("\n", st)
	case strings.HasPrefix(raw, "<!--"):
	default:
		b.add(raw, st)
	}
}

// plainText is the text of n's inlines, without styles.
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

// linkTarget keeps web and mail links; other destinations are no link.
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

// unescape resolves backslash escapes and character references in one pass, as CommonMark
// readers do, and replaces NUL with U+FFFD. goldmark does this in one pass only as it writes
// HTML, so its HTML is read back as text.
func unescape(src []byte) string {
	if bytes.IndexByte(src, '\\') < 0 && bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, 0) < 0 {
		return string(src)
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	html.DefaultWriter.Write(w, src)
	_ = w.Flush()
	return stdhtml.UnescapeString(b.String())
}

// builder accumulates a rich text.
type builder struct {
	text      strings.Builder
	spans     []Span
	softBreak bool // a soft line break is pending
	clean     func(string, Face) string
}

func (c *converter) builder() *builder {
	return &builder{clean: c.Clean}
}

// add appends s, cleaned; a pending soft line break becomes a space unless it stands between two
// East Asian wide characters.
func (b *builder) add(s string, st Style) {
	if s != "" && b.clean != nil {
		s = b.clean(s, st.Face)
	}
	if s == "" {
		return
	}
	if b.softBreak {
		b.softBreak = false
		prev, _ := utf8.DecodeLastRuneInString(b.text.String())
		next, _ := utf8.DecodeRuneInString(s)
		if b.text.Len() > 0 && prev != '\n' && !(util.IsEastAsianWideRune(prev) && util.IsEastAsianWideRune(next)) {
			b.addSpan(" ", st)
		}
	}
	b.addSpan(s, st)
}

func (b *builder) addSpan(s string, st Style) {
	b.text.WriteString(s)
	end := b.text.Len()
	if n := len(b.spans); n > 0 && b.spans[n-1].Style == st {
		b.spans[n-1].End = end
		return
	}
	b.spans = append(b.spans, Span{End: end, Style: st})
}

// rich returns the text with leading and trailing spaces and line breaks removed.
func (b *builder) rich() Rich {
	s := b.text.String()
	start := len(s) - len(strings.TrimLeft(s, " \n"))
	end := len(strings.TrimRight(s, " \n"))
	if start >= end {
		return Rich{}
	}
	r := Rich{Text: s[start:end]}
	for _, sp := range b.spans {
		e := min(sp.End-start, len(r.Text))
		if e <= 0 {
			continue
		}
		if n := len(r.Spans); n > 0 && r.Spans[n-1].End >= e {
			continue
		}
		r.Spans = append(r.Spans, Span{End: e, Style: sp.Style})
	}
	return r
}
