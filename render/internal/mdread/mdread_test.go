package mdread

import (
	"fmt"
	"strings"
	"testing"
)

// faceNames name the faces in test descriptions.
var faceNames = [...]string{Plain: "", Emph: "em", Strong: "strong", Code: "code"}

// describe writes a rich text as its runs, each as [face link]text; a plain run without a link
// is its text alone.
func describe(r Rich) string {
	var b strings.Builder
	start := 0
	for _, sp := range r.Spans {
		tag := strings.TrimSpace(faceNames[sp.Face] + " " + sp.Link)
		if tag != "" {
			b.WriteString("[" + tag + "]")
		}
		b.WriteString(r.Text[start:sp.End])
		start = sp.End
	}
	return b.String()
}

// onlyText reads md and returns the text of its one paragraph or heading.
func onlyText(t *testing.T, md string) string {
	t.Helper()
	bs := Read([]byte(md))
	if len(bs) != 1 {
		t.Fatalf("%q gives %d blocks, want 1", md, len(bs))
	}
	switch b := bs[0].(type) {
	case *Paragraph:
		return describe(b.Text)
	case *Heading:
		return describe(b.Text)
	}
	t.Fatalf("%q gives %T", md, bs[0])
	return ""
}

func TestInlines(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		// A soft line break between two East Asian wide characters joins the lines; elsewhere it
		// is a space.
		{"甲は\n乙に\nsend\nit", "甲は乙に send it"},
		{"前\\\n後", "前\n後"},
		{"前  \n後", "前\n後"},
		{"前<br>後", "前\n後"},
		{"前<BR />後", "前\n後"},
		{"*強調* と **太字** と `code`", "[em]強調 と [strong]太字 と [code]code"},
		{"**太字の中の *強調***", "[strong]太字の中の 強調"},
		{"*強調の中の **太字***", "[em]強調の中の [strong]太字"},
		{"*a*`b`", "[em]a[code]b"},
		{"`複数\n行`", "[code]複数 行"},
		{"## 見出しの *強調* と `code`", "[strong]見出しの 強調 と [code]code"},
		{"[リンク](<https://example.com/a b>) と [相対](a.md)", "[https://example.com/a b]リンク と 相対"},
		{"[*強調*](MAILTO:x@example.com)", "[em MAILTO:x@example.com]強調"},
		{"<https://example.com>", "[https://example.com]https://example.com"},
		{"<!-- 注記 -->\n\n本文", "本文"},
		{"前<!-- 注記 -->後", "前後"},
		{"<b>太字</b>", "<b>太字</b>"},
		{"\\*a\\* \\\\ \\あ", "*a* \\ \\あ"},
		{"&amp; &lt; &copy; &#x41; &#65; &#0; &#xD800; &nosuch; &#12345678;", "& < © A A \uFFFD \uFFFD &nosuch; &#12345678;"},
		{"\\&amp; &amp;amp;", "&amp; &amp;"},
		{"`&amp; \\*`", "[code]&amp; \\*"},
		{"a\x00b", "a\uFFFDb"},
		{"  前後  ", "前後"},
		{"第1条（目的）", "第1条（目的）"},
	} {
		if got := onlyText(t, c.md); got != c.want {
			t.Errorf("%q gives %q, want %q", c.md, got, c.want)
		}
	}
}

func TestBlocks(t *testing.T) {
	md := "# 題\n\n本文\n\n3. 三\n4. 四\n\n- a\n\n- b\n\n> 引用\n\n---\n\n```\ncode\n```\n\n" +
		"<div>\n<b>x</b>\n</div>\n\n<!-- 注記 -->\n\n| 甲 | *乙* |\n| :-- | --: |\n| 1 | 2 | 3 |\n| 4 |\n"
	var got []string
	for _, b := range Read([]byte(md)) {
		got = append(got, dump(b))
	}
	want := []string{
		"heading 1 [strong]題",
		"paragraph 本文",
		"list ordered 3 tight [[paragraph 三] [paragraph 四]]",
		"list loose [[paragraph a] [paragraph b]]",
		"quote [paragraph 引用]",
		"rule",
		"code [code]code",
		"paragraph <div>\n<b>x</b>\n</div>",
		"table [left right] [[strong]甲 [strong]乙] [[1 2] [4 ]]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// dump describes a block.
func dump(b Block) string {
	switch b := b.(type) {
	case *Heading:
		return fmt.Sprintf("heading %d %s", b.Level, describe(b.Text))
	case *Paragraph:
		return "paragraph " + describe(b.Text)
	case *List:
		s := "list"
		if b.Ordered {
			s += fmt.Sprintf(" ordered %d", b.Start)
		}
		if b.Tight {
			s += " tight"
		} else {
			s += " loose"
		}
		var items []string
		for _, it := range b.Items {
			items = append(items, dumpAll(it))
		}
		return s + " [" + strings.Join(items, " ") + "]"
	case *Quote:
		return "quote " + dumpAll(b.Blocks)
	case *Rule:
		return "rule"
	case *CodeBlock:
		return "code " + describe(b.Text)
	case *Table:
		rows := []string{cellsOf(b.Header)}
		var body []string
		for _, r := range b.Rows {
			body = append(body, cellsOf(r))
		}
		return fmt.Sprintf("table %v %s [%s]", b.Aligns, rows[0], strings.Join(body, " "))
	}
	return fmt.Sprintf("%T", b)
}

func dumpAll(bs []Block) string {
	var out []string
	for _, b := range bs {
		out = append(out, dump(b))
	}
	return "[" + strings.Join(out, " ") + "]"
}

func cellsOf(cells []Rich) string {
	var out []string
	for _, c := range cells {
		out = append(out, describe(c))
	}
	return "[" + strings.Join(out, " ") + "]"
}

// TestReader: Clean sees every run with its face before the soft line break rule looks at it,
// and Heading sees a heading's plain text before its runs are cleaned.
func TestReader(t *testing.T) {
	var calls []string
	r := Reader{
		Clean: func(s string, f Face) string {
			calls = append(calls, faceNames[f]+":"+s)
			return strings.ReplaceAll(s, "Z", "〓")
		},
		Heading: func(plain string) { calls = append(calls, "heading:"+plain) },
	}
	bs := r.Read([]byte("## 見出し *Z* `c`\n\n前\\\nZ\nあ\n"))
	if got, want := dump(bs[0])+" | "+dump(bs[1]), "heading 2 [strong]見出し 〓 [code]c | paragraph 前\n〓あ"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	want := "heading:見出し Z c | strong:見出し  | strong:Z | strong:  | code:c | :前 | :\n | :Z | :あ"
	if got := strings.Join(calls, " | "); got != want {
		t.Errorf("calls\n%q\nwant\n%q", got, want)
	}
}

// TestRestyle: runs that a renderer sets alike are one run.
func TestRestyle(t *testing.T) {
	r := onlyRich(t, "前 *強調*`code` **太字** [リンク](https://x)")
	asFont := func(st Style) string {
		if st.Face == Code {
			st.Face = Emph
		}
		return faceNames[st.Face] + " " + st.Link
	}
	var got []string
	start := 0
	for end, font := range Restyle(r, asFont) {
		got = append(got, fmt.Sprintf("[%s]%s", strings.TrimSpace(font), r.Text[start:end]))
		start = end
	}
	want := "[]前 |[em]強調code|[] |[strong]太字|[] |[https://x]リンク"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
	for range Restyle(Rich{}, asFont) {
		t.Error("an empty text has runs")
	}
}

// onlyRich reads md and returns the text of its one paragraph.
func onlyRich(t *testing.T, md string) Rich {
	t.Helper()
	bs := Read([]byte(md))
	if len(bs) == 1 {
		if p, ok := bs[0].(*Paragraph); ok {
			return p.Text
		}
	}
	t.Fatalf("%q gives %d blocks, want a paragraph", md, len(bs))
	return Rich{}
}
