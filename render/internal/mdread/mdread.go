// Package mdread reads the Markdown of a document (CommonMark with GFM tables) into blocks of
// styled text, the one reading that the PDF and the DOCX renderers share.
//
// Text is read as a CommonMark reader reads it: backslash escapes and character references are
// resolved (in text, not in code), a hard line break (a line ending in a backslash or two
// spaces) and an inline <br> are '\n', and a soft line break is a space, except between two East
// Asian wide characters, which it joins (甲は\n乙に is 甲は乙に). Any other HTML is text as
// written; an HTML comment is nothing.
package mdread

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/annexgen/annexgen/render/mark"
)

// The blocks of a document: *Paragraph, *Heading, *List, *Table, *Quote, *Rule or *CodeBlock.
type (
	// Block is one of the blocks.
	Block interface{}

	// Paragraph is a paragraph, or an HTML block as text.
	Paragraph struct{ Text Rich }

	// Heading is a heading; its text is Strong but for code.
	Heading struct {
		Level int
		Text  Rich
	}

	// List is a bullet or ordered list; each item is a list of blocks.
	List struct {
		Ordered bool
		Start   int
		Tight   bool
		Items   [][]Block
	}

	// Table is a GFM table. It has an alignment for every column of its widest row; a row
	// may have fewer cells. The text of the header row is Strong but for code.
	Table struct {
		Aligns []east.Alignment
		Header []Rich
		Rows   [][]Rich
	}

	// Quote is a block quote, or any other container of blocks.
	Quote struct{ Blocks []Block }

	// Rule is a thematic break.
	Rule struct{}

	// CodeBlock is a fenced or indented code block: its text, in face Code.
	CodeBlock struct{ Text Rich }
)

// markdown parses CommonMark with GFM tables and marked text ({==…==}); goldmark's parser is
// safe for concurrent use.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, mark.Extension))

// Reader reads Markdown into blocks. The zero Reader keeps the text as it reads it.
type Reader struct {
	// Clean, when set, is applied to each run of text, in face f, before the run joins its
	// Rich text: a renderer replaces there what it cannot set. It is applied in document order.
	Clean func(s string, f Face) string
	// Heading, when set, is called with the plain text of each heading (its inlines without
	// styles, line breaks as spaces) before the heading's own text is read.
	Heading func(plain string)
}

// Read reads the Markdown document src with the zero Reader.
func Read(src []byte) []Block {
	return Reader{}.Read(src)
}

// Read reads the Markdown document src.
func (r Reader) Read(src []byte) []Block {
	root := markdown.Parser().Parse(text.NewReader(src))
	c := &converter{Reader: r, src: src}
	return c.blocks(root)
}

// converter turns goldmark's syntax tree into blocks.
type converter struct {
	Reader
	src []byte
}

// blocks converts the children of n.
func (c *converter) blocks(n ast.Node) []Block {
	var out []Block
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if b := c.block(ch); b != nil {
			out = append(out, b)
		}
	}
	return out
}

func (c *converter) block(n ast.Node) Block {
	switch n := n.(type) {
	case *ast.Heading:
		if c.Heading != nil {
			c.Heading(c.plainText(n))
		}
		return &Heading{Level: n.Level, Text: c.inlines(n, Style{Face: Strong})}
	case *ast.Paragraph, *ast.TextBlock:
		r := c.inlines(n, Style{})
		if r.Text == "" {
			return nil
		}
		return &Paragraph{Text: r}
	case *ast.List:
		l := &List{Ordered: n.IsOrdered(), Start: n.Start, Tight: n.IsTight}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			l.Items = append(l.Items, c.blocks(item))
		}
		return l
	case *ast.Blockquote:
		return &Quote{Blocks: c.blocks(n)}
	case *ast.ThematicBreak:
		return &Rule{}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b := c.builder()
		b.add(strings.TrimRight(c.lines(n), "\n"), Style{Face: Code})
		return &CodeBlock{Text: b.rich()}
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 { // a comment: invisible in any viewer
			return nil
		}
		s := c.lines(n)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(c.src))
		}
		b := c.builder()
		b.add(strings.TrimRight(s, "\n"), Style{})
		return &Paragraph{Text: b.rich()}
	case *east.Table:
		return c.table(n)
	}
	if n.FirstChild() != nil {
		if bs := c.blocks(n); len(bs) > 0 {
			return &Quote{Blocks: bs}
		}
	}
	return nil
}

// table converts a GFM table.
func (c *converter) table(n *east.Table) *Table {
	tb := &Table{Aligns: n.Alignments}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []Rich
		_, isHeader := row.(*east.TableHeader)
		var st Style
		if isHeader {
			st.Face = Strong
		}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlines(cell, st))
		}
		if isHeader {
			tb.Header = cells
		} else {
			tb.Rows = append(tb.Rows, cells)
		}
	}
	cols := max(len(tb.Aligns), len(tb.Header))
	for _, r := range tb.Rows {
		cols = max(cols, len(r))
	}
	for len(tb.Aligns) < cols {
		tb.Aligns = append(tb.Aligns, east.AlignNone)
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
