// Package mark is the Markdown construct for marked text, {==…==} (the
// highlight of CriticMarkup): the words a 新旧対照表 marks as changed. The
// PDF and DOCX renderers draw marked text with a 傍線 (an underline); a
// Markdown viewer shows the braces, which read as a marker.
//
// Markdown writers produce it with Wrap around text they have escaped:
// escaped text never holds an unescaped "{" or "}", so a mark cannot
// start or end inside it. Renderers parse it with goldmark through
// Extension, which adds the inline node Node.
package mark

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The delimiters of marked text.
const (
	Open  = "{=="
	Close = "==}"
)

// Wrap returns escaped Markdown text as marked text; "" stays "".
func Wrap(escaped string) string {
	if escaped == "" {
		return ""
	}
	return Open + escaped + Close
}

// Kind is the node kind of marked text.
var Kind = ast.NewNodeKind("Mark")

// Node is marked text; its children are the marked inlines (text).
type Node struct {
	ast.BaseInline
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return Kind }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Extension adds marked text to a goldmark parser.
var Extension goldmark.Extender = extender{}

type extender struct{}

func (extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(inlineParser{}, 500)))
}

// inlineParser reads {==…==} within one line. The text inside is kept as
// one text node, with its backslash escapes and character references,
// which the renderers resolve as in any other text.
type inlineParser struct{}

func (inlineParser) Trigger() []byte { return []byte{'{'} }

func (inlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte(Open)) {
		return nil
	}
	end := closing(line[len(Open):])
	if end <= 0 {
		return nil
	}
	n := &Node{}
	inner := text.NewSegment(seg.Start+len(Open), seg.Start+len(Open)+end)
	n.AppendChild(n, ast.NewTextSegment(inner))
	block.Advance(len(Open) + end + len(Close))
	return n
}

// closing returns the offset of the first Close in s that no backslash
// escapes, or -1.
func closing(s []byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case bytes.HasPrefix(s[i:], []byte(Close)):
			return i
		}
	}
	return -1
}
