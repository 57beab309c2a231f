package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"

	"github.com/annexgen/annexgen/document"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// gfm is the Markdown reader the documents are checked against:
// CommonMark with GFM tables.
var gfm = goldmark.New(goldmark.WithExtensions(extension.Table))

// parseMarkdown parses src into its AST.
func parseMarkdown(src []byte) gast.Node {
	return gfm.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
}

// inlineText returns the text a reader sees in n: backslash escapes and
// character references resolved, hard line breaks as "\n". Any inline node
// other than plain text is written as «Kind», so that it cannot pass for
// text.
func inlineText(n gast.Node, src []byte) string {
	var b strings.Builder
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	// resolve applies goldmark's own text decoding (escapes, references).
	resolve := func(v []byte) string {
		buf.Reset()
		ghtml.DefaultWriter.Write(w, v)
		w.Flush()
		return html.UnescapeString(buf.String())
	}
	var walk func(n gast.Node)
	walk = func(n gast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *gast.Text:
				if c.IsRaw() {
					b.WriteString("«raw»")
				}
				b.WriteString(resolve(c.Segment.Value(src)))
				switch {
				case c.HardLineBreak():
					b.WriteString("\n")
				case c.SoftLineBreak():
					b.WriteString("«soft»")
				}
			case *gast.String:
				if c.IsRaw() || c.IsCode() {
					b.WriteString("«raw»")
				}
				b.WriteString(resolve(c.Value))
			default:
				fmt.Fprintf(&b, "«%s»", c.Kind())
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// blocks lists the kinds of the nodes of doc, block and inline, except
// plain text: the document's skeleton, which cell text must not change.
func skeleton(doc gast.Node) []string {
	var out []string
	gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Text, *gast.String:
		case *gast.Heading:
			out = append(out, fmt.Sprintf("Heading%d", n.Level))
		default:
			out = append(out, n.Kind().String())
		}
		return gast.WalkContinue, nil
	})
	return out
}

// checkParagraph asserts that src is one paragraph reading as want.
func checkParagraph(t *testing.T, src, want string) {
	t.Helper()
	doc := parseMarkdown([]byte(src))
	p := doc.FirstChild()
	if p == nil || p.Kind() != gast.KindParagraph || p.NextSibling() != nil {
		t.Fatalf("markdown %q: want one paragraph, got %v", src, skeleton(doc))
	}
	if got := inlineText(p, []byte(src)); got != want {
		t.Fatalf("markdown %q\nreads as %q\nwant     %q", src, got, want)
	}
}

// checkCell asserts that src is a table whose only body cell reads as want.
func checkCell(t *testing.T, cell, want string) {
	t.Helper()
	src := "| 当事者 | 役割 |\n| --- | --- |\n| " + cell + " | ◎ |\n"
	doc := parseMarkdown([]byte(src))
	tbl, ok := doc.FirstChild().(*east.Table)
	if !ok || tbl.NextSibling() != nil || tbl.ChildCount() != 2 {
		t.Fatalf("markdown %q: want one table with one row, got %v", src, skeleton(doc))
	}
	row := tbl.LastChild()
	if row.ChildCount() != 2 {
		t.Fatalf("markdown %q: row has %d cells, want 2", src, row.ChildCount())
	}
	if got := inlineText(row.FirstChild(), []byte(src)); got != want {
		t.Fatalf("cell %q\nreads as %q\nwant     %q", cell, got, want)
	}
	if got := inlineText(row.LastChild(), []byte(src)); got != "◎" {
		t.Fatalf("cell %q spilled into the next cell: %q", cell, got)
	}
}

// checkEscape asserts that Escape(s) and EscapeLine(s) read back as s
// wherever the templates put them: alone in a paragraph, inside a line,
// after a hard line break, in a heading and in a table cell.
func checkEscape(t *testing.T, s string) {
	t.Helper()
	want := document.Normalize(s)
	e := Escape(s)
	if want != "" {
		checkParagraph(t, e, want)
		checkParagraph(t, "【内容】\\\n"+e, "【内容】\n"+want)
	}
	checkParagraph(t, "前"+e+"後", "前"+want+"後")
	line := strings.ReplaceAll(want, "\n", " ")
	el := EscapeLine(s)
	checkParagraph(t, "前"+el+"後", "前"+line+"後")
	if line == "" {
		checkCell(t, "甲 "+el, "甲")
	} else {
		checkCell(t, "甲 "+el, "甲 "+line)
	}
	h := "#### Part2 A-1 " + el + "\n"
	doc := parseMarkdown([]byte(h))
	if hd, ok := doc.FirstChild().(*gast.Heading); !ok || hd.Level != 4 || hd.NextSibling() != nil {
		t.Fatalf("heading %q: got %v", h, skeleton(doc))
	} else {
		wantH := "Part2 A-1 " + line
		if line == "" {
			wantH = "Part2 A-1"
		}
		if got := inlineText(hd, []byte(h)); got != wantH {
			t.Fatalf("heading %q\nreads as %q\nwant     %q", h, got, wantH)
		}
	}
}
