package docx

import (
	"strings"
	"testing"
)

// paragraphs renders md and returns each body paragraph as its style, then its runs, each as
// "[character style]text".
func paragraphs(t *testing.T, md string) []string {
	t.Helper()
	doc := mustParse(t, unpack(t, render(t, []byte(md), Meta{})), "word/document.xml")
	var out []string
	for _, p := range doc.child("w:body").children {
		if p.name != "w:p" {
			continue
		}
		s := p.style() + ":"
		for _, r := range p.all("w:r") {
			if st := r.path("w:rPr", "w:rStyle"); st != nil {
				s += "[" + st.attrs["w:val"] + "]"
			}
			s += r.runText()
		}
		out = append(out, s)
	}
	return out
}

// TestInlines: the Markdown is read as the PDF reads it.
func TestInlines(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		// A soft line break between two East Asian wide characters joins the lines; elsewhere it
		// is a space.
		{"甲は\n乙に\nsend\nit", ":甲は乙に send it"},
		{"前\\\n後", ":前\n後"},
		{"前<br>後", ":前\n後"},
		{"*強調* と **太字** と `code`", ":[Emphasis]強調 と [Strong]太字 と [VerbatimChar]code"},
		{"**太字の中の *強調***", ":[Strong]太字の中の 強調"},
		{"## 見出しの *強調*", "Heading2:見出しの 強調"},
		{"[リンク](<https://example.com/a b>) と [相対](a.md)", ":[Hyperlink]リンク と 相対"},
		{"<!-- 注記 -->\n\n本文", ":本文"},
		{"<b>太字</b>", ":<b>太字</b>"},
		{"第1条（目的）", ":第1条（目的）"},
		{"甲は{==速やかに==}報告{==、==}\\{\\=\\=x\\=\\=\\}", ":甲は[Marked]速やかに報告[Marked]、{==x==}"},
	} {
		got := paragraphs(t, c.md)
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q gives %q, want %q", c.md, got, c.want)
		}
	}
}

// TestLinks: a link to the web is a hyperlink whose target is written as a valid URI.
func TestLinks(t *testing.T) {
	parts := unpack(t, render(t, []byte("[a](<https://例.jp/a b?q=\"1\"&x=%zz>) [b](mailto:x@example.com)"), Meta{}))
	var targets []string
	for _, r := range mustParse(t, parts, "word/_rels/document.xml.rels").all("Relationship") {
		if r.attrs["TargetMode"] == "External" {
			targets = append(targets, r.attrs["Target"])
		}
	}
	want := "https://%E4%BE%8B.jp/a%20b?q=%221%22&x=%25zz mailto:x@example.com"
	if got := strings.Join(targets, " "); got != want {
		t.Errorf("link targets %q, want %q", got, want)
	}
}

// TestBlocks: lists keep their numbers as text, hanging in the indent; quotes, code and rules
// have styles of their own.
func TestBlocks(t *testing.T) {
	got := strings.Join(paragraphs(t, "3. 三\n4. 四\n   - 入れ子\n\n> 引用\n\n```\nコード  行\n二行目\n```\n\n---\n"), "|")
	want := ":3.\t三|:4.\t四|:•\t入れ子|BlockText:引用|SourceCode:[VerbatimChar]コード  行\n二行目|:"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestTableBoundaries: two tables in a row stay two tables, and a document ending with a table
// ends with a paragraph, as Word requires.
func TestTableBoundaries(t *testing.T) {
	doc := mustParse(t, unpack(t, render(t, []byte("| a |\n| - |\n| b |\n\n| c |\n| - |\n| d |\n"), Meta{})), "word/document.xml")
	var kinds []string
	for _, c := range doc.child("w:body").children {
		kinds = append(kinds, c.name)
	}
	if got := strings.Join(kinds, " "); got != "w:tbl w:p w:tbl w:p w:sectPr" {
		t.Errorf("body holds %s", got)
	}
}
