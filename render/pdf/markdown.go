package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/annexgen/annexgen/render/internal/mdread"
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

// spanOf is the span of a run in the given style.
func spanOf(st mdread.Style) span {
	sp := span{face: fontOf[st.Face], url: st.Link}
	if st.Underline {
		sp.url = underlined + sp.url
	}
	return sp
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

// converter reads the Markdown into blocks, resolving characters the fonts lack.
type converter struct {
	t        *Typesetter
	context  string // the nearest heading, for reports of missing characters
	missing  []MissingGlyph
	reported map[MissingGlyph]bool
	doc      document
}

func newConverter(t *Typesetter) *converter {
	return &converter{t: t, reported: map[MissingGlyph]bool{}}
}

// fontOf maps the faces of the Markdown to fonts.
var fontOf = [...]faceID{mdread.Plain: body, mdread.Emph: gothic, mdread.Strong: bold, mdread.Code: gothic}

// document reads the Markdown src.
func (c *converter) document(src []byte) *document {
	r := mdread.Reader{
		Clean:   func(s string, f mdread.Face) string { return c.clean(s, fontOf[f]) },
		Heading: func(plain string) { c.context = strings.TrimSpace(plain) },
	}
	c.doc.blocks = c.blocks(r.Read(src))
	return &c.doc
}

// blocks converts blocks read from the Markdown.
func (c *converter) blocks(in []mdread.Block) []block {
	var out []block
	for _, b := range in {
		out = append(out, c.block(b))
	}
	return out
}

func (c *converter) block(b mdread.Block) block {
	switch b := b.(type) {
	case *mdread.Heading:
		h := &heading{level: b.Level, id: len(c.doc.headings), text: toRich(b.Text)}
		h.plain = strings.TrimSpace(strings.ReplaceAll(h.text.text, "\n", " "))
		if h.level == 1 && c.doc.title == "" {
			c.doc.title = h.plain
		}
		c.doc.headings = append(c.doc.headings, h)
		return h
	case *mdread.Paragraph:
		return &paragraph{text: toRich(b.Text)}
	case *mdread.List:
		l := &list{ordered: b.Ordered, start: b.Start, tight: b.Tight}
		for _, item := range b.Items {
			l.items = append(l.items, c.blocks(item))
		}
		return l
	case *mdread.Table:
		tb := &table{aligns: b.Aligns, header: toRiches(b.Header)}
		for _, r := range b.Rows {
			tb.rows = append(tb.rows, toRiches(r))
		}
		return tb
	case *mdread.Quote:
		return &quote{blocks: c.blocks(b.Blocks)}
	case *mdread.Rule:
		return &rule{}
	case *mdread.CodeBlock:
		return &code{text: toRich(b.Text)}
	}
	return nil
}

// toRich sets the faces of a text read from the Markdown in fonts.
func toRich(r mdread.Rich) rich {
	out := rich{text: r.Text}
	for end, sp := range mdread.Restyle(r, spanOf) {
		sp.end = end
		out.spans = append(out.spans, sp)
	}
	return out
}

// toRiches sets the cells of a table row.
func toRiches(cells []mdread.Rich) []rich {
	var out []rich
	for _, r := range cells {
		out = append(out, toRich(r))
	}
	return out
}

// clean returns s as font f draws it: what the font cannot draw is reported and replaced.
func (c *converter) clean(s string, f faceID) string {
	m := c.t.faces[f].metrics
	clean := true
	for _, r := range s {
		if r == '\n' || r == utf8.RuneError || !m.Has(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
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
	return out.String()
}

// plain resolves a string drawn outside the document's flow, such as the running header.
func (c *converter) plain(s string, f faceID, context string) string {
	saved := c.context
	c.context = context
	out := c.clean(strings.Join(strings.Fields(s), " "), f)
	c.context = saved
	return out
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
