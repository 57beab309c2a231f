package typst

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tricky holds text that Typst would read as markup if it were not escaped.
var tricky = []string{
	`# 見出しではない`,
	`*太字ではない* _強調ではない_`,
	"`raw ではない`",
	`$x + y$ は数式ではない`,
	`@ref と <label>`,
	`[角括弧] と ]閉じ[`,
	`\ バックスラッシュ \\ と \u{1F600}`,
	`~ -- --- -? ... 'single' "double"`,
	`// コメントではない /* これも */`,
	`= 見出し`,
	`- 箇条書きではない`,
	`+ 番号付きではない`,
	`1. 番号付きではない`,
	`/ 用語: 定義ではない`,
	`https://example.com/a_b*c*`,
	`#set text(red) #let x = 1 {{ .Title }}`,
	`全角スペース　と タブ` + "\t" + `の後`,
}

// unescape reads Typst markup made only of text and escapes, and fails on
// any character that Typst would treat as markup.
func unescape(t *testing.T, m string) string {
	t.Helper()
	var b strings.Builder
	rs := []rune(m)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\\' {
			if i+1 == len(rs) || rs[i+1] == ' ' || rs[i+1] == '\n' || rs[i+1] == 'u' {
				t.Fatalf("%q: backslash at %d is a line break or unicode escape in Typst", m, i)
			}
			b.WriteRune(rs[i+1])
			i++
			continue
		}
		if strings.ContainsRune("#*_`$@<>[]~\\'\"", r) {
			t.Fatalf("%q: unescaped %q at %d", m, r, i)
		}
		for _, seq := range []string{"--", "...", "//", "/*", "-?"} {
			if strings.HasPrefix(string(rs[i:]), seq) {
				t.Fatalf("%q: unescaped %q at %d", m, seq, i)
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestEscapeKeepsTextLiteral(t *testing.T) {
	for _, s := range tricky {
		got := unescape(t, Escape(s))
		want := strings.ReplaceAll(s, "\t", " ")
		if got != want {
			t.Errorf("Escape(%q) reads back as %q", s, got)
		}
		first := []rune(Escape(s))[0]
		if strings.ContainsRune("=-+/", first) {
			t.Errorf("Escape(%q) = %q starts with a line-start marker", s, Escape(s))
		}
	}
}

func TestEscapeEveryASCIIPunctuation(t *testing.T) {
	var s strings.Builder
	for c := byte('!'); c <= '~'; c++ {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			s.WriteByte(c)
		}
	}
	if got := unescape(t, Escape(s.String())); got != s.String() {
		t.Errorf("punctuation reads back as %q, want %q", got, s.String())
	}
}

func TestStr(t *testing.T) {
	cases := map[string]string{
		`題名`:            `"題名"`,
		`a"b`:           `"a\"b"`,
		`a\b`:           `"a\\b"`,
		"a\nb\tc":       `"a\nb\tc"`,
		`#{"x"} $y$ //`: `"#{\"x\"} $y$ //"`,
	}
	for in, want := range cases {
		if got := Str(in); got != want {
			t.Errorf("Str(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestLiteral(t *testing.T) {
	cases := map[string]string{
		`plain 本文`:                `plain 本文`,
		`\# \* \_ \[ \] \\ \|`:    `# * _ [ ] \ |`,
		`\あ \a`:                   `\あ \a`,
		`&amp; &lt; &#35; &#x23;`: `& < # #`,
		`&nosuch; & ;&`:           `&nosuch; & ;&`,
		`&#0; &#99999999;`:        "\uFFFD &#99999999;",
		`\&amp;`:                  `&amp;`,
	}
	for in, want := range cases {
		if got := Literal([]byte(in)); got != want {
			t.Errorf("Literal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkup(t *testing.T) {
	cases := []struct{ name, md, want string }{
		{"heading", "# 契約書 #1\n\n## 1. 項目 <重要>\n", "= 契約書 \\#1\n\n== 1\\. 項目 \\<重要\\>"},
		{"paragraph with East Asian soft break", "本別紙は、甲と\n乙の合意。", "本別紙は、甲と乙の合意。"},
		{"paragraph with Latin soft break", "English\ntext 本文\nand", "English text 本文 and"},
		{"hard breaks", "一行目  \n二行目\\\n三行目", "一行目\\\n二行目\\\n三行目"},
		{"markdown escapes stay literal", `\# \*x\* \[a\](b) a\_b`, `\# \*x\* \[a\](b) a\_b`},
		{"entities", "&lt;tag&gt; &amp; &#x2B;", `\<tag\> & \+`},
		{"emphasis", "*強調* と **太字** と ~~取消~~", "#emph[強調]; と #strong[太字]; と #strike[取消];"},
		{"code span", "`a \\ \"b\" #c`", `#raw("a \\ \"b\" #c");`},
		{"link", "[甲 *x*](https://example.com/?a=1&b=2)", `#link("https://example.com/?a=1&b=2")[甲 #emph[x];];`},
		{"bullet list", "- 一\n- 二\n  - 入れ子\n", "- 一\n- 二\n  - 入れ子"},
		{"ordered list keeps its start", "3. 三\n4. 四\n", "3. 三\n4. 四"},
		{"loose list", "- 一\n\n  続き\n- 二\n", "- 一\n\n  続き\n\n- 二"},
		{"list item text that looks like a marker", "- \\- 1. = + / x\n", `- \- 1\. \= \+ \/ x`},
		{"table", "| 当事者 | 役割 | 件数 |\n| :--- | :---: | ---: |\n| 甲 \\| 病院 | ◎ | 1 |\n| 乙 |\n",
			"#table(\n  columns: 3,\n  align: (left, center, right),\n  table.header([当事者], [役割], [件数]),\n  [甲 | 病院], [◎], [1],\n  [乙], [], [],\n);"},
		{"line break tag in a table cell", "| a |\n| - |\n| x<br>y<BR />z \\<br> <b> |\n", "#table(\n  columns: 1,\n  align: (left,),\n  table.header([a]),\n  [x#linebreak();y#linebreak();z \\<br\\> \\<b\\>],\n);"},
		{"line break tag in a paragraph", "一<br>二", "一\\\n二"},
		{"hard break in a heading", "# 一\\\n", "= 一\\\\"},
		{"block quote", "> 引用 *a*\n", "#quote(block: true)[\n引用 #emph[a];\n\n];"},
		{"code block", "```\ncode #x\n```\n", `#raw(block: true, "code #x\n");`},
		{"html block stays text", "<div>\n*x*\n</div>\n", `\<div\>\` + "\n" + `\*x\*\` + "\n" + `\<\/div\>`},
		{"thematic break", "a\n\n---\n", "a\n\n#line(length: 100%);"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := string(Markup([]byte(c.md))); got != c.want {
				t.Errorf("Markup(%q)\n got: %q\nwant: %q", c.md, got, c.want)
			}
		})
	}
}

func TestDocumentOutlineAfterTitle(t *testing.T) {
	doc := string(Document([]byte("# 題\n\n本文\n\n# 次\n"), Style{Title: `題 "x"`, Body: "BIZ UDMincho", Heading: "BIZ UDGothic", Lang: "ja", Outline: true}))
	if strings.Count(doc, "#outline()") != 1 {
		t.Fatalf("want one outline, got:\n%s", doc)
	}
	if !strings.Contains(doc, "= 題\n\n#outline()\n\n本文") {
		t.Errorf("outline not right after the title:\n%s", doc)
	}
	for _, want := range []string{`paper: "a4"`, `font: "BIZ UDMincho"`, `font: "BIZ UDGothic"`, `title: "題 \"x\""`, `date: none`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %s:\n%s", want, doc)
		}
	}
}

// TestTypstPrintsTextLiterally compiles the tricky text with the Typst
// compiler installed by annexbench --install and reads the PDF back.
func TestTypstPrintsTextLiterally(t *testing.T) {
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skip("no cache folder")
	}
	dir := filepath.Join(cache, "annexbench")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@myriaddreamin", "typst-ts-node-compiler")); err != nil {
		t.Skip("Typst compiler not installed (go run ./cmd/annexbench --install)")
	}
	for _, tool := range []string{"node", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " not installed")
		}
	}
	var md strings.Builder
	for _, s := range tricky {
		md.WriteString("| " + strings.ReplaceAll(escapeMarkdown(s), "|", `\|`) + " |\n|---|\n\n")
		md.WriteString(escapeMarkdown(s) + "\n\n")
	}
	tmp := t.TempDir()
	src := filepath.Join(tmp, "doc.typ")
	if err := os.WriteFile(src, Markup([]byte(md.String())), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `const { createRequire } = require("node:module");
const fs = require("node:fs");
const r = createRequire(process.argv[1] + "/package.json");
const { NodeCompiler } = r("@myriaddreamin/typst-ts-node-compiler");
const c = NodeCompiler.create({ workspace: process.argv[2] });
const res = c.compile({ mainFilePath: process.argv[2] + "/doc.typ" });
const d = res.takeDiagnostics();
if (d) { console.error(JSON.stringify(c.fetchDiagnostics(d))); process.exit(1); }
fs.writeFileSync(process.argv[2] + "/doc.pdf", c.pdf(res.result));`
	out, err := exec.Command("node", "-e", script, dir, tmp).CombinedOutput()
	if err != nil {
		t.Fatalf("typst: %v\n%s", err, out)
	}
	text, err := exec.Command("pdftotext", "-raw", filepath.Join(tmp, "doc.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, s := range tricky {
		want := strings.Join(strings.Fields(s), " ")
		if strings.Count(flat, want) != 2 {
			t.Errorf("PDF shows %q %d times, want 2 (paragraph and table cell); PDF text:\n%s", want, strings.Count(flat, want), text)
		}
	}
}

// escapeMarkdown backslash-escapes the ASCII punctuation of s, as a
// Markdown writer does for cell text.
func escapeMarkdown(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
