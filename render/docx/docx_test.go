package docx

import (
	"archive/zip"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenDocument compares word/document.xml of the fixtures with the golden files.
func TestGoldenDocument(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			parts := unpack(t, render(t, readFixture(t, name), testMeta))
			got := parts["word/document.xml"]
			golden := filepath.Join("testdata", name+".document.xml")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("word/document.xml differs from %s (go test ./render/docx -update refreshes it)", golden)
			}
		})
	}
}

// TestSameBytes renders every fixture twice; the archive lists its parts in name order, all with
// the same fixed time stamp, and every part is well-formed XML.
func TestSameBytes(t *testing.T) {
	for _, name := range fixtures {
		md := readFixture(t, name)
		a, b := render(t, md, testMeta), render(t, md, testMeta)
		if !bytes.Equal(a, b) {
			t.Fatalf("%s: two renderings differ", name)
		}
		z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range z.File {
			names = append(names, f.Name)
			if !f.Modified.Equal(zipTime) {
				t.Errorf("%s: %s dated %v, want %v", name, f.Name, f.Modified, zipTime)
			}
		}
		if !slices.IsSorted(names) || names[0] != "[Content_Types].xml" {
			t.Errorf("%s: parts not in name order: %v", name, names)
		}
		parts := unpack(t, a)
		for n := range parts {
			mustParse(t, parts, n)
		}
	}
}

// mdHeading is a heading of a Markdown document as goldmark reads it, apart from the renderer.
type mdHeading struct {
	level int
	text  string
}

// readMarkdown lists the headings of a Markdown document and the header cells of its tables.
func readMarkdown(md []byte) (headings []mdHeading, tables [][]string) {
	root := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(md))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, mdHeading{n.Level, inlineText(n, md)})
			return ast.WalkSkipChildren, nil
		case *east.TableHeader:
			var cells []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, inlineText(c, md))
			}
			tables = append(tables, cells)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return headings, tables
}

// inlineText is the text of n's inlines, escapes and references resolved by goldmark's own
// functions.
func inlineText(n ast.Node, md []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(md)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
