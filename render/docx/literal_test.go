package docx

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	docmodel "github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/render/markdown"
)

// hostile lists cell texts that would turn into markup if printed as they are: the catalogue of
// the Markdown renderer's tests, and strings that are markup in WordprocessingML.
var hostile = []string{
	"", "普通の文章です。", "# 見出し", "## 見出し ##", "タイトル #", "Setext\n===", "Setext\n---",
	"---", "***", "_ _ _", "- 箇条書き\n- 二つ目", "+ プラス", "* アスタリスク", "1. 番号\n2) 番号",
	"10. 十", "2024.6.1 付", "> 引用", ">> 二重引用", "    インデント4", "\tタブ始まり", "  前後に空白  ",
	"末尾に空白二つ  \n次の行", "改行\n\n空行を挟む", "\n先頭の改行", "末尾の改行\n\n", "CRLF\r\n改行\rCR",
	"```\nコード\n```", "~~~\nコード\n~~~", "`code`", "``", "*強調* **強調** _強調_ __強調__", "~~取消~~",
	"[リンク](http://example.com)", "![画像](x.png)", "[ref]: http://example.com", "[ref]",
	"<http://example.com>", "<b>太字</b>", "<!-- コメント -->", "<div>\nブロック\n</div>",
	"<script>alert(1)</script>", "&amp; &lt; &#35; &#x23; &copy;", "&", "\\", "末尾\\", "\\\n", "\\*",
	"a|b|c", "| 表 | 表 |\n| --- | --- |", "表\n:-", "表\n|-|", "表\n-|-", "{{.Item.Title}}",
	"{{template \"x\"}}", "{% raw %}", "「**強調**」", "**「括弧」**", "http://example.com www.example.com",
	"a\x00b", "bad\xffutf8", "\v\f縦タブ\f", "　全角空白　", "①\n②\n③", "99.5%以上", "Part2 B-2", "=", "-",
	"+", ":", "1)", "1.", "\n", " ", "\t\t", "[^1]", "$x$", "- [ ] タスク", "A\\|B", "`|`", "\\`|",
	// WordprocessingML
	"</w:t></w:r></w:p><w:p><w:r><w:t>注入", "<w:br/>", "]]>", "<![CDATA[x]]>", "&lt;w:t&gt;", "\"引用符\" 'アポストロフィ'",
	"\x01\x02\x1b\x7f\u0085制御文字", "\uFFFE\uFFFF", "𠮷野家 🏥", "葛\U000E0100城", "\u200b\u2028\u2029",
}

// randomText builds cell texts from the characters Markdown and XML care about.
func randomText(r *rand.Rand) string {
	pieces := []string{
		"\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "#", "+", "-", ".", "!", "|", "{", "}", "~",
		"&", ";", ":", "=", "\"", "'", "/", "1", "2.", "3)", "a", "x:", "http://", "&amp;", "&#35;",
		"&#x41;", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "    ", "あ", "「", "」", "　", "①", "```",
		"~~~", "***", "---", "===", "<!--", "-->", "<div>", "</a>", "{{", "}}", "\x00", "\f", "\v",
		"\u00a0", "\u200b", "<w:p>", "]]>", "\x01", "\uFFFF", "𠮷",
	}
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// written is the text a cell holds as Word shows it: as the Markdown reads it back, with the
// characters XML cannot carry handled as the package documents.
func written(s string) string {
	return strings.Map(func(r rune) rune {
		if c, ok := clean(r); ok {
			return c
		}
		return -1
	}, s)
}

// checkLiteral renders each value as a heading (level 4: no table of contents), a paragraph and a table cell, escaped as the
// templates escape cell text, and reads the document back: each comes out as written, between
// its markers, and the document has no other structure (no extra heading, paragraph, table, link
// or character style).
func checkLiteral(t *testing.T, values []string) {
	t.Helper()
	var md strings.Builder
	md.WriteString("# 表題\n\n")
	var wantH, wantP, wantC []string
	for _, v := range values {
		line := strings.ReplaceAll(docmodel.Normalize(v), "\n", " ")
		fmt.Fprintf(&md, "#### 〔H〕%s〔/H〕\n\n〔P〕%s〔/P〕\n\n", markdown.EscapeLine(v), markdown.Escape(v))
		wantH = append(wantH, "〔H〕"+written(line)+"〔/H〕")
		wantP = append(wantP, "〔P〕"+written(docmodel.Normalize(v))+"〔/P〕")
		wantC = append(wantC, "〔C〕"+written(line)+"〔/C〕")
	}
	md.WriteString("| 値 | 欄 |\n| --- | --- |\n")
	for _, v := range values {
		fmt.Fprintf(&md, "| 〔C〕%s〔/C〕 | 〔D〕 |\n", markdown.EscapeLine(v))
	}
	parts := unpack(t, render(t, []byte(md.String()), testMeta))
	doc := mustParse(t, parts, "word/document.xml")
	var gotH, gotP, gotC []string
	for _, p := range doc.all("w:p") {
		s := p.runText()
		switch {
		case p.style() == "Heading4":
			gotH = append(gotH, s)
		case p.style() == "TableText" && strings.HasPrefix(s, "〔C〕"):
			gotC = append(gotC, s)
		case p.style() == "" && s != "":
			gotP = append(gotP, s)
		}
	}
	compare(t, "heading", gotH, wantH)
	compare(t, "paragraph", gotP, wantP)
	compare(t, "table cell", gotC, wantC)
	if n := len(doc.all("w:tbl")); n != 1 {
		t.Errorf("%d tables, want 1", n)
	}
	if n := len(doc.all("w:tr")); n != len(values)+1 {
		t.Errorf("%d table rows, want %d", n, len(values)+1)
	}
	for _, el := range []string{"w:hyperlink", "w:rStyle", "w:fldChar"} {
		if n := len(doc.all(el)); n != 0 {
			t.Errorf("%d %s elements: cell text became markup", n, el)
		}
	}
}

func compare(t *testing.T, kind string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d %ss, want %d:\n%q", len(got), kind, len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s %d reads\n%q\nwant\n%q", kind, i, got[i], want[i])
		}
	}
}

func TestLiteralHostile(t *testing.T) {
	checkLiteral(t, hostile)
}

func TestLiteralRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2026))
	for range 50 {
		values := make([]string, 20)
		for i := range values {
			values[i] = randomText(r)
		}
		checkLiteral(t, values)
	}
}

// TestLiteralMeta: document information and the header text are written literally too (the
// header on one line, its white space collapsed, as in the PDF).
func TestLiteralMeta(t *testing.T) {
	for _, v := range hostile {
		m := Meta{Title: v, Author: v, Subject: v, Keywords: v, Header: "〔" + v + "〕"}
		parts := unpack(t, render(t, []byte("# 表題\n"), m))
		core := mustParse(t, parts, "docProps/core.xml")
		if want := written(v); want != "" {
			if c := core.child("dc:title"); c == nil || c.text != want {
				t.Errorf("title %q: core.xml holds %v", v, c)
			}
		}
		header := mustParse(t, parts, "word/header1.xml").runText()
		if want := strings.Join(strings.Fields(written("〔"+v+"〕")), " "); header != want {
			t.Errorf("header %q reads %q, want %q", v, header, want)
		}
	}
}
