package docx

import (
	"strings"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/annexgen/annexgen/render/internal/mdread"
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

// converter turns the blocks read from the Markdown into the blocks of the document.
type converter struct {
	doc document
}

// Faces of the Markdown in body text, and in headings and table headers, which are bold
// throughout: there emphasis changes nothing.
var (
	bodyFaces = []face{mdread.Plain: plain, mdread.Emph: emph, mdread.Strong: strong, mdread.Code: code}
	boldFaces = []face{mdread.Plain: plain, mdread.Emph: plain, mdread.Strong: plain, mdread.Code: code}
)

// convert reads the Markdown src.
func convert(src []byte) *document {
	c := &converter{}
	r := mdread.Reader{Clean: dropCR}
	c.doc.blocks = c.blocks(r.Read(src))
	return &c.doc
}

// dropCR drops carriage returns, as a Markdown reader drops them.
func dropCR(s string, _ mdread.Face) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r", "")
	}
	return s
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
		h := &heading{level: b.Level, id: len(c.doc.headings), text: toRich(b.Text, boldFaces)}
		if h.level == 1 && c.doc.title == "" {
			c.doc.title = strings.Join(strings.Fields(h.text.text), " ")
		}
		c.doc.headings = append(c.doc.headings, h)
		return h
	case *mdread.Paragraph:
		return &paragraph{text: toRich(b.Text, bodyFaces)}
	case *mdread.List:
		l := &list{ordered: b.Ordered, start: b.Start, tight: b.Tight}
		for _, item := range b.Items {
			l.items = append(l.items, c.blocks(item))
		}
		return l
	case *mdread.Table:
		tb := &table{aligns: b.Aligns, header: toRiches(b.Header, boldFaces)}
		for _, r := range b.Rows {
			tb.rows = append(tb.rows, toRiches(r, bodyFaces))
		}
		return tb
	case *mdread.Quote:
		return &quote{blocks: c.blocks(b.Blocks)}
	case *mdread.Rule:
		return &rule{}
	case *mdread.CodeBlock:
		return &codeBlock{text: toRich(b.Text, bodyFaces)}
	}
	return nil
}

// toRich gives a text read from the Markdown the faces of faces.
func toRich(r mdread.Rich, faces []face) rich {
	out := rich{text: r.Text}
	restyle := func(st mdread.Style) span {
		sp := span{face: faces[st.Face], url: st.Link}
		if st.Underline {
			sp.face = marked
		}
		return sp
	}
	for end, sp := range mdread.Restyle(r, restyle) {
		sp.end = end
		out.spans = append(out.spans, sp)
	}
	return out
}

// toRiches converts the cells of a table row.
func toRiches(cells []mdread.Rich, faces []face) []rich {
	var out []rich
	for _, r := range cells {
		out = append(out, toRich(r, faces))
	}
	return out
}
