package docx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// FuzzRender: any Markdown gives a zip archive whose every part is well-formed XML, with a body
// and the page setup at its end.
func FuzzRender(f *testing.F) {
	for _, name := range fixtures {
		md := string(readFixture(f, name))
		f.Add(md[:min(len(md), 4000)])
	}
	for _, s := range hostile {
		f.Add(s)
	}
	for _, s := range []string{
		"# a\n\n## b\n\n### c\n\n- x\n  - y\n\n1. z\n\n> q\n>\n> | a | b |\n> | - | - |\n> | c |\n",
		"| a |\n| - |\n| b |\n\n| c |\n| - |\n",
		"- | a |\n  | - |\n  | b |\n",
		"[l](http://x y \"t\") <mailto:a@b> **[s](https://a/%zz{}`)**",
		"```\n\x01\x02\x0b\n```\n\n<div>\n\x00\n</div>\n\n<br> a<br/>b\n\n---\n",
		strings.Repeat("> ", 200) + "深い\n",
		strings.Repeat("- ", 200) + "深い\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if len(md) > 1<<14 {
			t.Skip("goldmark's parsing time grows with the square of the nesting depth")
		}
		parts := unpack(t, render(t, []byte(md), Meta{Title: md, Header: md}))
		if len(parts) != len(partOrder) {
			t.Fatalf("%d parts, want %d", len(parts), len(partOrder))
		}
		for name := range parts {
			mustParse(t, parts, name)
		}
		doc := mustParse(t, parts, "word/document.xml")
		body := doc.child("w:body")
		if body == nil || len(body.children) < 2 || body.children[len(body.children)-1].name != "w:sectPr" {
			t.Fatal("no body, or the page setup is not its last element")
		}
		if last := body.children[len(body.children)-2]; last.name != "w:p" {
			t.Fatalf("the body ends with %s, not a paragraph", last.name)
		}
		for _, tc := range doc.all("w:tc") {
			if len(tc.children) == 0 || tc.children[len(tc.children)-1].name != "w:p" {
				t.Fatal("a table cell does not end with a paragraph")
			}
		}
		for _, ind := range append(doc.all("w:tblInd"), doc.all("w:ind")...) {
			if w, _ := strconv.Atoi(ind.attrs["w:w"] + ind.attrs["w:left"]); w > textWidth-minMeasure {
				t.Fatalf("indented by %d twips: the text would leave the page", w)
			}
		}
	})
}

// TestWideTables: a table wider than Word allows is split by columns, nothing lost; one whose
// short rows stand for too many empty cells is refused with an error, within bounded time.
func TestWideTables(t *testing.T) {
	md := "|" + strings.Repeat(" 列 |", 130) + "\n|" + strings.Repeat("-|", 130) + "\n| 最初 |\n|" + strings.Repeat(" x |", 129) + " 最後 |\n"
	doc := mustParse(t, unpack(t, render(t, []byte(md), Meta{})), "word/document.xml")
	tables := doc.all("w:tbl")
	if len(tables) != 3 {
		t.Fatalf("%d tables, want 3 (63 + 63 + 4 columns)", len(tables))
	}
	cells := 0
	for _, tbl := range tables {
		cells += len(tbl.all("w:tc"))
	}
	text := doc.runText()
	if cells != 3*130 || !strings.Contains(text, "最初") || !strings.Contains(text, "最後") || strings.Count(text, "列") != 130 {
		t.Errorf("%d cells, want %d, all text kept", cells, 3*130)
	}
	huge := "|" + strings.Repeat("a|", 2000) + "\n|" + strings.Repeat("-|", 2000) + "\n" + strings.Repeat("b\n", 200)
	var buf bytes.Buffer
	err := Render(&buf, []byte(huge), Meta{})
	if err == nil || !strings.Contains(err.Error(), "表のセルが多すぎます") || buf.Len() != 0 {
		t.Errorf("a table of 402,000 cells: err %v, %d bytes written", err, buf.Len())
	}
}
