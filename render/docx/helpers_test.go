package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testMeta = Meta{
	Title:    "電子カルテシステム保守及び院内ネットワーク運用保守契約 別紙 役割分担表",
	Author:   "医療法人社団 青空会 青空総合病院、株式会社ソラメディカルシステム、ミドリネットワークス株式会社",
	Subject:  "契約書別紙",
	Keywords: "役割分担",
	Created:  time.Date(2026, 6, 1, 0, 0, 0, 0, time.FixedZone("JST", 9*3600)),
	Header:   "別紙 役割分担表（青空総合病院）",
}

// fixtures are the sample documents, copied here so that changes to the templates do not change
// these tests.
var fixtures = []string{"hospital.annex", "hospital.sla"}

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	md, err := os.ReadFile(filepath.Join("testdata", name+".md"))
	if err != nil {
		tb.Fatal(err)
	}
	return md
}

// render renders markdown, failing the test on an error.
func render(tb testing.TB, markdown []byte, meta Meta) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, markdown, meta); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// unpack returns the parts of a .docx file by name, checking that the archive is one.
func unpack(tb testing.TB, docx []byte) map[string][]byte {
	tb.Helper()
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		tb.Fatalf("not a zip archive: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			tb.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = data
	}
	return parts
}

// node is an element of a parsed XML part: its name (prefix:local for the namespaces of the
// parts), attributes by the same kind of name, children and character data.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string
}

// prefixes maps the namespaces of the parts to the prefixes Word uses.
var prefixes = map[string]string{
	nsW: "w",
	nsR: "r",
	"http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
	"http://purl.org/dc/elements/1.1/":                                        "dc",
	"http://purl.org/dc/terms/":                                               "dcterms",
	"http://www.w3.org/2001/XMLSchema-instance":                               "xsi",
	"http://www.w3.org/XML/1998/namespace":                                    "xml",
	"http://schemas.openxmlformats.org/drawingml/2006/main":                   "a",
}

func qname(n xml.Name) string {
	if p, ok := prefixes[n.Space]; ok {
		return p + ":" + n.Local
	}
	return n.Local
}

// parseXML parses a part strictly into a tree.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(t.Name), attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.attrs[qname(a.Name)] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(t)
		}
	}
	if len(root.children) != 1 {
		return nil, io.ErrUnexpectedEOF
	}
	return root.children[0], nil
}

// mustParse parses a part, failing the test when it is no well-formed XML.
func mustParse(tb testing.TB, parts map[string][]byte, name string) *node {
	tb.Helper()
	data, ok := parts[name]
	if !ok {
		tb.Fatalf("no part %s", name)
	}
	n, err := parseXML(data)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return n
}

// child returns the first child of n named name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// path follows a chain of first children.
func (n *node) path(names ...string) *node {
	for _, name := range names {
		n = n.child(name)
	}
	return n
}

// all returns every descendant of n named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for _, c := range m.children {
			if c.name == name {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// runText is the text a paragraph (or any element) shows: w:t, w:br as a line break, w:tab as a
// tab; field instructions are not text.
func (n *node) runText() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		for _, c := range m.children {
			switch c.name {
			case "w:t":
				b.WriteString(c.text)
			case "w:br":
				b.WriteByte('\n')
			case "w:tab":
				if m.name == "w:r" {
					b.WriteByte('\t')
				}
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// style returns the paragraph style of a w:p, or "".
func (n *node) style() string {
	if s := n.path("w:pPr", "w:pStyle"); s != nil {
		return s.attrs["w:val"]
	}
	return ""
}
