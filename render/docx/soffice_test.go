package docx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	docmodel "github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/render/markdown"
)

// tool returns the path of a command, skipping the test when it is not installed.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (LibreOffice / poppler-utils)", name)
	}
	return path
}

// convertWithLibreOffice writes each document as name.docx in a temporary folder, converts them
// all to PDF with LibreOffice headless in one run (with a profile of its own), and returns the
// folder. A document LibreOffice cannot open fails the test. DOCX_KEEP=DIR keeps copies.
func convertWithLibreOffice(t *testing.T, docs map[string][]byte) string {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice conversion skipped in -short mode")
	}
	soffice := tool(t, "soffice")
	tool(t, "pdftotext")
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", dir}
	for name, data := range docs {
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for name := range docs {
		if _, err := os.Stat(filepath.Join(dir, name+".pdf")); err != nil {
			t.Fatalf("LibreOffice could not open %s.docx:\n%s", name, out)
		}
		if keep := os.Getenv("DOCX_KEEP"); keep != "" {
			for _, ext := range []string{".docx", ".pdf"} {
				data, _ := os.ReadFile(filepath.Join(dir, name+ext))
				_ = os.WriteFile(filepath.Join(keep, name+ext), data, 0o644)
			}
		}
	}
	return dir
}

// pdfText returns the text of pages first … last (0: to the end) of a PDF, in the order it is
// drawn (LibreOffice draws line by line).
func pdfText(t *testing.T, path string, first, last int) string {
	t.Helper()
	args := []string{"-raw", "-enc", "UTF-8", "-f", fmt.Sprint(first)}
	if last > 0 {
		args = append(args, "-l", fmt.Sprint(last))
	}
	out, err := exec.Command(tool(t, "pdftotext"), append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
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

// folio matches the footer line "n / N".
var folio = regexp.MustCompile(`(?m)^\d+ / \d+$`)

// blockTexts lists the text of every heading, paragraph and table cell of a Markdown document,
// read by goldmark apart from the renderer.
func blockTexts(md []byte) []string {
	root := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(md))
	var out []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Heading, *ast.Paragraph, *east.TableCell:
			if s := squeeze(inlineText(n, md)); s != "" {
				out = append(out, s)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// TestLibreOffice opens the fixtures and a document of hostile cell text in LibreOffice, in one
// run: it converts them without complaint, and the PDFs read as they should.
func TestLibreOffice(t *testing.T) {
	docs := map[string][]byte{}
	for _, name := range fixtures {
		docs[name] = render(t, readFixture(t, name), testMeta)
	}
	hostileMD, hostileWant := hostileDocument()
	docs["hostile"] = render(t, hostileMD, testMeta)
	dir := convertWithLibreOffice(t, docs)
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) { checkFixturePDF(t, filepath.Join(dir, name+".pdf"), readFixture(t, name)) })
	}
	t.Run("hostile", func(t *testing.T) {
		got := squeeze(pdfText(t, filepath.Join(dir, "hostile.pdf"), 1, 0))
		for _, w := range hostileWant {
			i := strings.Index(got, w)
			if i < 0 {
				t.Fatalf("%q not found in order in\n%s", w, got)
			}
			got = got[i+len(w):]
		}
	})
}

// checkFixturePDF: the PDF holds the table of contents and then every heading, paragraph and
// table cell, among them every item's title and agreement, in order; the running header is on
// every page but the first, the footer numbers the pages "n / N", and the headings are bookmarks
// nested by level.
func checkFixturePDF(t *testing.T, path string, md []byte) {
	all := pdfText(t, path, 1, 0)
	pages := strings.Count(all, "\f")
	if pages < 5 || !strings.Contains(all, fmt.Sprintf("%d / %d", pages, pages)) {
		t.Errorf("%d pages, no footer %d / %d", pages, pages, pages)
	}
	if strings.Contains(pdfText(t, path, 1, 1), testMeta.Header) || !strings.Contains(pdfText(t, path, 2, 2), testMeta.Header) {
		t.Error("the running header is not on page 2 alone of the first two")
	}
	body := squeeze(folio.ReplaceAllString(strings.ReplaceAll(all, testMeta.Header, ""), ""))
	headings, _ := readMarkdown(md)
	toc := "目次"
	for _, h := range headings {
		if h.level == 2 || h.level == 3 {
			toc += squeeze(h.text)
		}
	}
	i := strings.Index(body, toc)
	if i < 0 {
		t.Fatalf("no table of contents %q in\n%s", toc, body)
	}
	rest := body[i+len(toc):]
	items := 0
	for _, b := range blockTexts(md) {
		if strings.HasPrefix(b, "【合意内容】") {
			items++
		}
		j := strings.Index(rest, b)
		if j < 0 && strings.Contains(body[:i], b) {
			continue // the title and the text before the table of contents
		}
		if j < 0 {
			t.Fatalf("%q not found in order in the PDF", b)
		}
		rest = rest[j+len(b):]
	}
	if items < 10 {
		t.Errorf("only %d agreements checked", items)
	}
	checkOutline(t, path, headings)
}

// checkOutline: LibreOffice made PDF bookmarks of the headings, nested by level: it read their
// outline levels, as Word's navigation pane does.
func checkOutline(t *testing.T, path string, headings []mdHeading) {
	t.Helper()
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		return
	}
	out, err := exec.Command(qpdf, "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	var doc struct{ Outlines []outline }
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	var walk func(os []outline, depth int)
	walk = func(os []outline, depth int) {
		for _, o := range os {
			got = append(got, fmt.Sprintf("%d %s", depth, o.Title))
			walk(o.Kids, depth+1)
		}
	}
	walk(doc.Outlines, 1)
	for _, h := range headings {
		want = append(want, fmt.Sprintf("%d %s", h.level, h.text))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: PDF bookmarks\n%s\nwant\n%s", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

type outline struct {
	Title string
	Kids  []outline
}

// hostileDocument puts each hostile text that the fonts draw in a table cell and in a paragraph,
// escaped as the templates escape cell text, and returns the text each should read as.
func hostileDocument() ([]byte, []string) {
	var md strings.Builder
	var want []string
	md.WriteString("# 表題\n\n| 値 |\n| --- |\n")
	for _, v := range hostile {
		if drawable(v) {
			fmt.Fprintf(&md, "| 〔%s〕 |\n", markdown.EscapeLine(v))
			want = append(want, squeeze("〔"+written(strings.ReplaceAll(docmodel.Normalize(v), "\n", " "))+"〕"))
		}
	}
	for _, v := range hostile {
		if drawable(v) {
			fmt.Fprintf(&md, "\n〔%s〕\n", markdown.Escape(v))
			want = append(want, squeeze("〔"+written(docmodel.Normalize(v))+"〕"))
		}
	}
	return []byte(md.String()), want
}

// drawable reports whether the BIZ UD fonts draw every character of s, so that pdftotext can
// read it back (no emoji, no characters outside the BMP, no invisible format characters).
func drawable(s string) bool {
	return !bytes.ContainsFunc([]byte(s), func(r rune) bool {
		return r > 0xFFFF || r == 0xFFFD || r == 0xFFFE || r == 0xFFFF || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
	}) && strings.ToValidUTF8(s, "") == s && !strings.Contains(s, "\x00")
}
