package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/annexgen/annexgen/render/fonts"
)

func readFixture(tb testing.TB) []byte {
	tb.Helper()
	md, err := os.ReadFile("testdata/annex.md")
	if err != nil {
		tb.Fatal(err)
	}
	return md
}

// squeeze removes all white space, so that text can be compared across line breaks.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// blockTexts returns the text of every heading, paragraph and table cell of a Markdown document,
// read with goldmark independently of the renderer.
func blockTexts(tb testing.TB, md []byte) []string {
	tb.Helper()
	root := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(md))
	var out []string
	var collect func(n ast.Node) string
	collect = func(n ast.Node) string {
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(md))
			case *ast.String:
				b.Write(c.Value)
			default:
				b.WriteString(collect(c))
			}
		}
		return b.String()
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Heading, *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			if s := squeeze(collect(n)); s != "" {
				out = append(out, s)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// pageTexts extracts the text of every page.
func pageTexts(tb testing.TB, path string, pages int, layout bool) []string {
	tb.Helper()
	out := make([]string, pages)
	for i := range out {
		args := []string{"-f", fmt.Sprint(i + 1), "-l", fmt.Sprint(i + 1)}
		if layout {
			args = append(args, "-layout")
		}
		out[i] = run(tb, "pdftotext", append(args, path, "-")...)
	}
	return out
}

func TestAnnexIsValidPDF(t *testing.T) {
	_, res, path := render(t, readFixture(t), testMeta)
	out := run(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	info := run(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           " + testMeta.Title,
		"Subject:         " + testMeta.Subject,
		"Author:          " + testMeta.Author,
		"Creator:         annexgen",
		"Page size:       595 x 842 pts (A4)",
		fmt.Sprintf("Pages:           %d", res.Pages),
	} {
		if !strings.Contains(info, want+"\n") {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if res.Pages < 8 {
		t.Errorf("%d pages, want at least 8 for 26 items", res.Pages)
	}
	if len(res.Missing) != 0 {
		t.Errorf("missing glyphs in the fixture: %v", res.Missing)
	}
}

func TestFontsAreEmbeddedSubsets(t *testing.T) {
	_, _, path := render(t, readFixture(t), testMeta)
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2+3 {
		t.Fatalf("want 3 fonts:\n%s", out)
	}
	name := regexp.MustCompile(`^[A-Z]{6}\+BIZUD(Mincho-Regular|Gothic-Regular|Gothic-Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
	for _, l := range lines[2:] {
		if !name.MatchString(l) {
			t.Errorf("font not an embedded Unicode subset with a tag: %q", l)
		}
	}
}

// bodyText joins the pages' text without the running header and the footer, so that paragraphs
// broken across pages read on.
func bodyText(tb testing.TB, path string, pages int, layout bool) string {
	var b strings.Builder
	for i, page := range pageTexts(tb, path, pages, layout) {
		lines := strings.Split(strings.TrimRight(page, "\n\f"), "\n")
		lines = lines[:len(lines)-1] // n / N
		if i > 0 {
			lines = lines[1:] // the running header
		}
		b.WriteString(strings.Join(lines, "\n"))
	}
	return squeeze(b.String())
}

func TestTextIsExtractable(t *testing.T) {
	md := readFixture(t)
	_, res, path := render(t, md, testMeta)
	// Raw order keeps wrapped table cells together; layout order keeps lines with wide gaps
	// (signature lines) together. Every text must read in one of them.
	raw := bodyText(t, path, res.Pages, false)
	layout := bodyText(t, path, res.Pages, true)
	texts := blockTexts(t, md)
	if len(texts) < 200 {
		t.Fatalf("only %d blocks in the fixture", len(texts))
	}
	for _, s := range texts {
		s = strings.NewReplacer("**", "", "`", "", "*", "").Replace(s)
		if !strings.Contains(raw, s) && !strings.Contains(layout, s) {
			t.Errorf("text not found in the PDF: %s", s)
		}
	}
}

// TestLineBreakingRules checks JLReq: no closing punctuation, small kana or prolonged sound mark
// at the start of a line, no opening bracket at the end of one.
func TestLineBreakingRules(t *testing.T) {
	md := readFixture(t)
	// Paragraphs long enough to put every character at a line edge somewhere.
	var b bytes.Buffer
	b.Write(md)
	for i := 0; i < 45; i++ {
		b.WriteString("\n\n" + strings.Repeat("あ", i) + "「確認表」（別紙）に基づき、ディスク・バックアップ：ジョブ；チェック！完了？ーっゃゅょァィゥェォ。甲は、乙に「通知」する。")
	}
	res := b.Bytes()
	_, r, path := render(t, res, testMeta)
	const noStart = "、。，．）」』】〕・：；！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ"
	const noEnd = "「『（【〔"
	pages := visualLines(t, path)
	if len(pages) != r.Pages {
		t.Fatalf("%d pages read, want %d", len(pages), r.Pages)
	}
	for p := range pages {
		for _, line := range pages[p] {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			first := []rune(line)[0]
			last := []rune(line)[len([]rune(line))-1]
			if strings.ContainsRune(noStart, first) {
				t.Errorf("page %d: line starts with %q: %s", p+1, first, line)
			}
			if strings.ContainsRune(noEnd, last) {
				t.Errorf("page %d: line ends with %q: %s", p+1, last, line)
			}
		}
	}
}

func TestSameInputSameBytes(t *testing.T) {
	md := readFixture(t)
	a, _, _ := render(t, md, testMeta)
	b, _, _ := render(t, md, testMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same input differ")
	}
	// A second typesetter, fonts parsed again, gives the same bytes too.
	ts, err := New(fontSet(t))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if _, err := ts.Render(&c, md, testMeta); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c.Bytes()) {
		t.Fatal("renderings by two typesetters differ")
	}
	for _, want := range []string{"/CreationDate(D:20260401000000+09'00')", "/Creator <FEFF0061006E006E0065007800670065006E>"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("document information lacks %s", want)
		}
	}
	other := testMeta
	other.Title = "別の題名"
	d, _, _ := render(t, md, other)
	if bytes.Equal(a, d) {
		t.Error("a different title gave the same bytes")
	}
}

func TestConcurrentRenders(t *testing.T) {
	md := readFixture(t)
	want, _, _ := render(t, md, testMeta)
	ts := typesetter(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if _, err := ts.Render(&buf, md, testMeta); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(buf.Bytes(), want) {
				errs <- fmt.Errorf("concurrent rendering differs")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestLongTableRepeatsHeader(t *testing.T) {
	var b strings.Builder
	b.WriteString("# 長い表\n\n## 一覧\n\n前置きの段落。\n\n| 項番 | 項目名称ヘッダー | 主担当者欄 |\n| --- | --- | --- |\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "| R%02d | 行%02dの項目。説明文がセルの幅を超えると折り返して行の高さが増える。%s | 乙 |\n", i, i, strings.Repeat("長い説明。", i%4*3))
	}
	b.WriteString("\n後書きの段落。\n")
	_, res, path := render(t, []byte(b.String()), Meta{Title: "長い表"})
	pages := pageTexts(t, path, res.Pages, false)
	spanned := 0
	seen := map[int]bool{}
	for p, page := range pages {
		rows := regexp.MustCompile(`R(\d\d)`).FindAllStringSubmatch(page, -1)
		if len(rows) == 0 {
			continue
		}
		spanned++
		for _, r := range rows {
			n, _ := strconv.Atoi(r[1])
			seen[n] = true
		}
		if !strings.Contains(page, "項目名称ヘッダー") || !strings.Contains(page, "主担当者欄") {
			t.Errorf("page %d holds table rows but no header row", p+1)
		}
	}
	if spanned < 2 {
		t.Errorf("the table spans %d pages, want at least 2", spanned)
	}
	if len(seen) != 60 {
		t.Errorf("%d of 60 rows found", len(seen))
	}
}

func TestFootersAndTableOfContents(t *testing.T) {
	md := readFixture(t)
	pdf, res, path := render(t, md, testMeta)
	pages := pageTexts(t, path, res.Pages, true)
	for i, page := range pages {
		want := fmt.Sprintf("%d / %d", i+1, res.Pages)
		lines := strings.Split(strings.TrimRight(page, "\n\f"), "\n")
		if got := strings.TrimSpace(lines[len(lines)-1]); got != want {
			t.Errorf("page %d footer %q, want %q", i+1, got, want)
		}
		if i > 0 && !strings.Contains(lines[0], "契約書別紙") {
			t.Errorf("page %d header %q lacks the title", i+1, lines[0])
		}
	}
	// Every entry of the table of contents names the page where its heading is.
	entry := regexp.MustCompile(`^\s*(\S.*?)\s{2,}(\d+)$`)
	toc := strings.Split(pages[0], "\n")
	entries := 0
	for _, line := range toc {
		m := entry.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		entries++
		title := m[1]
		page, _ := strconv.Atoi(m[2])
		found := 0
		for p := 1; p < len(pages) && found == 0; p++ {
			for _, l := range strings.Split(pages[p], "\n") {
				if strings.TrimSpace(l) == title {
					found = p + 1
					break
				}
			}
		}
		if found != page {
			t.Errorf("contents say %q is on page %d, found on page %d", title, page, found)
		}
	}
	if want := len(regexp.MustCompile(`(?m)^#{2,3} `).FindAll(md, -1)); entries != want {
		t.Errorf("%d contents entries, want %d", entries, want)
	}
	// Each entry links to its heading.
	links := regexp.MustCompile(`/Subtype /Link /Rect \[[^]]*\] /Border \[0 0 0\] /Dest \[\d+ 0 R /XYZ`).FindAll(pdf, -1)
	if len(links) != entries {
		t.Errorf("%d internal links for %d contents entries", len(links), entries)
	}
}

// outline is a bookmark as qpdf --json reports it.
type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func TestBookmarksAreNested(t *testing.T) {
	md := readFixture(t)
	_, _, path := render(t, md, testMeta)
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json=2", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, o := range doc.Outlines {
		top = append(top, o.Title)
	}
	wantTop := []string{testMeta.Title, "目次", "前文", "第1条（役割の記号）", "Part1 全般的な事項", "Part2 技術的な対策", "Part3 運用", "未了の項目", "対象外とした項目", "見直し", "署名"}
	if !slices.Equal(top, wantTop) {
		t.Errorf("top-level bookmarks %q, want %q", top, wantTop)
	}
	var count int
	var find func(list []outline, path ...string) *outline
	find = func(list []outline, path ...string) *outline {
		for i := range list {
			if list[i].Title == path[0] {
				if len(path) == 1 {
					return &list[i]
				}
				return find(list[i].Kids, path[1:]...)
			}
		}
		return nil
	}
	var walk func([]outline)
	walk = func(list []outline) {
		for _, o := range list {
			count++
			walk(o.Kids)
		}
	}
	walk(doc.Outlines)
	headings := regexp.MustCompile(`(?m)^#{1,6} `).FindAll(md, -1)
	if count != len(headings)+1 { // and 目次
		t.Errorf("%d bookmarks for %d headings and the contents", count, len(headings))
	}
	b3 := find(doc.Outlines, "Part2 技術的な対策", "Part2 1 バックアップ", "B-3 遠隔地保管")
	if b3 == nil {
		t.Fatal("bookmark Part2 技術的な対策 > Part2 1 バックアップ > B-3 遠隔地保管 not found")
	}
	if b3.Page < 2 {
		t.Errorf("B-3 bookmark points to page %d", b3.Page)
	}
	// The outline root and its parent links are right (gopdf gets them wrong by itself).
	root := run(t, "qpdf", fmt.Sprintf("--show-object=%d", outlinesObject), path)
	if !strings.Contains(root, "/Type /Outlines") || !strings.Contains(root, fmt.Sprintf("/Count %d ", len(wantTop))) {
		t.Errorf("object %d is not the outline root with one visible entry: %s", outlinesObject, root)
	}
}

func TestMissingGlyphsAreReported(t *testing.T) {
	md := "# 題\n\n## Part2 A-1 バックアップ\n\n𠮷野家の😀と\uE000と「髙」。異体字\u845B\U000E0100。\n"
	_, res, path := render(t, []byte(md), Meta{Title: "𠮷題"})
	want := map[rune]bool{0x20BB7: true, 0x1F600: true, 0xE000: true, 0xE0100: true}
	for _, m := range res.Missing {
		if m.Rune == 0x20BB7 && m.Context == "ヘッダー" {
			continue
		}
		if !want[m.Rune] {
			t.Errorf("unexpected report %v", m)
			continue
		}
		if m.Context != "Part2 A-1 バックアップ" {
			t.Errorf("%v: context %q", m, m.Context)
		}
		delete(want, m.Rune)
	}
	for r := range want {
		t.Errorf("%U not reported", r)
	}
	got := squeeze(run(t, "pdftotext", path, "-"))
	if !strings.Contains(got, "〓野家の〓と〓と「髙」。異体字葛。") {
		t.Errorf("replacement marks not in the text: %s", got)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Error(out)
	}
}

func TestInlineMarkdown(t *testing.T) {
	md := "# 題\n\n" +
		"日本語の文が\n次の行に続く。English words\ncontinue here. 改行  \n強制改行\\\n二つ目。\n\n" +
		"記号 \\*星\\* と &amp; と &#x3042; と `**コード**` と **太字** と *強調*。\n\n" +
		"<!-- 注記 -->\n\n" +
		"| 見出し | 値 |\n| --- | ---: |\n| 一行目<br>二行目 | a \\| b |\n\n" +
		"1. 一\n2. 二\n   - 入れ子\n\n> 引用\n\n---\n\n```\ncode block\n```\n"
	_, res, path := render(t, []byte(md), Meta{Title: "題"})
	if len(res.Missing) != 0 {
		t.Errorf("missing: %v", res.Missing)
	}
	out := run(t, "pdftotext", path, "-")
	for _, want := range []string{
		"日本語の文が次の行に続く。English words continue here. 改行\n強制改行\n二つ目。",
		"記号 *星* と & と あ と **コード** と 太字 と 強調。",
		"一行目\n二行目", "a | b", "入れ子", "引用", "code block",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text %q not found in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "注記") || strings.Contains(out, "<br>") {
		t.Errorf("markup leaked into the text:\n%s", out)
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	for _, md := range []string{"", "\n\n", "|a|\n|-|\n", "# \n", "- \n", "<div>\n", strings.Repeat("長", 5000), strings.Repeat("x", 3000), "| a |\n| - |\n| " + strings.Repeat("とても長いセル", 800) + " |\n"} {
		var buf bytes.Buffer
		res, err := typesetter(t).Render(&buf, []byte(md), Meta{})
		if err != nil {
			t.Errorf("%.20q: %v", md, err)
			continue
		}
		if res.Pages < 1 || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Errorf("%.20q: %d pages", md, res.Pages)
		}
	}
}

func TestNewRejectsBadFonts(t *testing.T) {
	if _, err := New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
	set := fontSet(t)
	set.Body = &fonts.Face{Name: "Broken", Path: "broken.ttf", Data: []byte("not a font")}
	if _, err := New(set); err == nil || !strings.Contains(err.Error(), "broken.ttf") {
		t.Errorf("broken font: %v", err)
	}
}

func FuzzRender(f *testing.F) {
	f.Add([]byte("# 題\n\n本文。\n\n| a | b |\n| - | - |\n| 1 | 2 |\n"))
	f.Add([]byte("- a\n  - b\n    1. c\n> q\n\n---\n"))
	ts := typesetter(f)
	f.Fuzz(func(t *testing.T, md []byte) {
		var buf bytes.Buffer
		if _, err := ts.Render(&buf, md, Meta{Title: string(md)}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLongTitleIsShortenedInHeader(t *testing.T) {
	title := strings.Repeat("とても長い題名", 2000)
	md := "# 題\n\n## 一\n\n本文。\n\n## 二\n\n" + strings.Repeat("本文。\n\n", 60)
	_, res, path := render(t, []byte(md), Meta{Title: title})
	if res.Pages < 2 {
		t.Fatalf("%d page: the header is on the pages after the first", res.Pages)
	}
	pages := pageTexts(t, path, res.Pages, false)
	header := strings.SplitN(pages[len(pages)-1], "\n", 2)[0]
	if !strings.HasSuffix(header, "…") || len([]rune(header)) > 60 {
		t.Errorf("header %q", header)
	}
}

// TestHeadingsKeepWithNext checks that no page ends with a heading and that no paragraph leaves
// a single line at the foot of a page, whatever the lengths of the paragraphs.
func TestHeadingsKeepWithNext(t *testing.T) {
	var b strings.Builder
	b.WriteString("# 題\n\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "## 見出し%02d\n\n### 小見出し%02d\n\n", i, i)
		fmt.Fprintf(&b, "%s段落%02dの終わり。\n\n", strings.Repeat("本文の文章が続く。", 1+(i*7)%23), i)
	}
	_, res, path := render(t, []byte(b.String()), Meta{Title: "題"})
	heading := regexp.MustCompile(`^(小)?見出し\d\d$`)
	for p, page := range pageTexts(t, path, res.Pages, false) {
		var lines []string
		for _, l := range strings.Split(page, "\n") {
			if l = strings.TrimSpace(l); l != "" && l != "\f" {
				lines = append(lines, l)
			}
		}
		if len(lines) < 2 {
			continue
		}
		last := squeeze(lines[len(lines)-2]) // before the footer
		if heading.MatchString(last) {
			t.Errorf("page %d ends with the heading %q", p+1, last)
		}
	}
}
