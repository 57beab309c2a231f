package markdown

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// hostile lists cell texts that would turn into markup if printed as is.
var hostile = []string{
	"",
	"普通の文章です。",
	"# 見出し",
	"## 見出し ##",
	"タイトル #",
	"Setext\n===",
	"Setext\n---",
	"---",
	"***",
	"_ _ _",
	"- 箇条書き\n- 二つ目",
	"+ プラス",
	"* アスタリスク",
	"1. 番号\n2) 番号",
	"10. 十",
	"2024.6.1 付",
	"> 引用",
	">> 二重引用",
	"    インデント4",
	"\tタブ始まり",
	"  前後に空白  ",
	"末尾に空白二つ  \n次の行",
	"改行\n\n空行を挟む",
	"\n先頭の改行",
	"末尾の改行\n\n",
	"CRLF\r\n改行\rCR",
	"```\nコード\n```",
	"~~~\nコード\n~~~",
	"`code`",
	"``",
	"*強調* **強調** _強調_ __強調__",
	"~~取消~~",
	"[リンク](http://example.com)",
	"![画像](x.png)",
	"[ref]: http://example.com",
	"[ref]",
	"<http://example.com>",
	"<b>太字</b>",
	"<!-- コメント -->",
	"<div>\nブロック\n</div>",
	"<script>alert(1)</script>",
	"&amp; &lt; &#35; &#x23; &copy;",
	"&",
	"\\",
	"末尾\\",
	"\\\n",
	"\\*",
	"a|b|c",
	"| 表 | 表 |\n| --- | --- |",
	"表\n:-",
	"表\n|-|",
	"表\n-|-",
	"{{.Item.Title}}",
	"{{template \"x\"}}",
	"{% raw %}",
	"「**強調**」",
	"**「括弧」**",
	"http://example.com www.example.com",
	"a\x00b",
	"bad\xffutf8",
	"\v\f縦タブ\f",
	"　全角空白　",
	"①\n②\n③",
	"99.5%以上",
	"Part2 B-2",
	"=",
	"-",
	"+",
	":",
	"1)",
	"1.",
	"\n",
	" ",
	"\t\t",
	"[^1]",
	"$x$",
	"- [ ] タスク",
	"A\\|B",
	"`|`",
	"\\`|",
}

func TestEscapeHostile(t *testing.T) {
	for _, s := range hostile {
		t.Run(fmt.Sprintf("%q", s), func(t *testing.T) { checkEscape(t, s) })
	}
}

// randomText builds cell texts from the characters Markdown cares about.
func randomText(r *rand.Rand) string {
	pieces := []string{
		"\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "#", "+", "-", ".",
		"!", "|", "{", "}", "~", "&", ";", ":", "=", "\"", "'", "/", "1", "2.",
		"3)", "a", "x:", "http://", "&amp;", "&#35;", "&#x41;", " ", "  ",
		"\t", "\n", "\r\n", "\r", "\n\n", "    ", "あ", "「", "」", "　", "①",
		"```", "~~~", "***", "---", "===", "<!--", "-->", "<div>", "</a>",
		"{{", "}}", "\x00", "\f", "\v", "\u00a0", "\u200b",
	}
	n := r.IntN(12)
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestEscapeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(20240601, 1))
	for range 5000 {
		s := randomText(r)
		checkEscape(t, s)
	}
}

func TestEscapeKeepsPlainJapanese(t *testing.T) {
	s := "障害発生時は、乙が甲に報告する（平日9時～17時）。"
	if got := Escape(s); got != s {
		t.Errorf("Escape(%q) = %q, want it unchanged", s, got)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<17 {
			t.Skip("longer than any Excel cell (32,767 characters)")
		}
		checkEscape(t, s)
	})
}

func ExampleEscape() {
	fmt.Println(Escape("# 注意\n1. 作業は *必ず* <二人> で行う | 確認 & 記録"))
	// Output:
	// \# 注意\
	// 1\. 作業は \*必ず\* \<二人\> で行う \| 確認 \& 記録
}
