package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// editWorkbook writes a copy of src to dst with the cells of edits
// ("Sheet!A1" → value) set.
func editWorkbook(t *testing.T, src, dst string, edits map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, v := range edits {
		sheet, cell, _ := strings.Cut(ref, "!")
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
}

// renewal writes last year's workbook (the sample) and this year's: an
// agreement, a role and a service level changed, an item renumbered, the
// 版数 and a 完了日 (bookkeeping) changed, and cell text that looks like
// markup.
func renewal(t *testing.T) (old, new string) {
	dir := t.TempDir()
	old = copyFile(t, sample("hospital.xlsx"), filepath.Join(dir, "2025"))
	new = filepath.Join(dir, "2026", "確認表.xlsx")
	editWorkbook(t, old, new, map[string]string{
		"Part1!I10":  "乙は電子カルテシステムと部門システム連携基盤の保守を、丙は院内ネットワークの運用保守を担う。端末の配備と利用者の管理は甲が行う。",
		"Part2!G11":  "○",
		"Part2!I10":  "乙の窓口 | 03-1234-5678 {==夜間==} <b>",
		"Part2!A13":  "5", // Part2 A-4 becomes A-5, its title and 内容 unchanged
		"サービスレベル!B5": "月間 99.95%以上",
		"基本情報!B14":   "2.0",
		"Part1!E12":  "令和8年7月1日",
	})
	return old, new
}

// pdfText extracts the text of a PDF with pdftotext, skipping the test
// without it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// docxXML returns word/document.xml of a DOCX.
func docxXML(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s: no word/document.xml", path)
	return ""
}

func TestDiffRenewal(t *testing.T) {
	old, new := renewal(t)
	out := t.TempDir()
	r := annexgen(t, nil, "diff", "--to", "md,pdf,docx", "-o", out, old, new)
	if strings.Contains(r.stderr, "PDF を作成できません") {
		t.Skipf("no Japanese font on this machine: %s", r.stderr)
	}
	want := []string{"確認表.diff.md", "確認表.diff.pdf", "確認表.diff.docx"}
	for i := range want {
		want[i] = filepath.Join(out, want[i])
	}
	if r.status != exitOK || r.stdout != strings.Join(want, "\n")+"\n" {
		t.Fatalf("diff: status %d, stdout %q, want 0 and %q\n%s", r.status, r.stdout, want, r.stderr)
	}
	md, err := os.ReadFile(want[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"| 改正後 | 改正前 |",
		"4件変更、0件追加、0件削除",
		"| 変更した項目 | 4件（うち項番の変更 1件） |",
		"### Part2 A-5 再委託の管理（項番の変更）",
		"### Part1 2 委託範囲の明確化（変更）",
		"【役割分担】甲 ○　乙 {==○==}　丙 ◎",
		"丙は院内ネットワーク{==とリモート保守回線==}の運用保守を担う。",
		`{==\{==夜間==\} \<b\>==}`,
		"【目標値】月間 {==99.95==}%以上",
		"## 参考",
	} {
		if !strings.Contains(string(md), s) {
			t.Errorf("the Markdown lacks %q:\n%s", s, md)
		}
	}
	if i := strings.Index(string(md), "## 参考"); i < 0 || !strings.Contains(string(md)[i:], "| 版数 | {==2.0==} | {==1.0==} |") {
		t.Errorf("版数 is not in the 参考 section:\n%s", md)
	}
	text := strings.Join(strings.Fields(pdfText(t, want[1])), "")
	for _, s := range []string{"改正後", "改正前", "新旧対照表", "とリモー", "99.95", "{==夜間==}<b>", "参考"} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF text lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "{==とリモート") {
		t.Errorf("a mark is printed in the PDF:\n%s", text)
	}
	doc := docxXML(t, want[2])
	if !strings.Contains(doc, `<w:rStyle w:val="Marked"/></w:rPr><w:t xml:space="preserve">とリモート保守回線</w:t>`) {
		t.Errorf("the DOCX does not mark the changed words")
	}
	// The same workbooks give the same bytes; outputs are not replaced without --force.
	if r := annexgen(t, nil, "diff", "--to", "md,pdf,docx", "-o", out, old, new); r.status != exitWrite || !strings.Contains(r.stderr, "--force") {
		t.Errorf("second run without --force: %d %q", r.status, r.stderr)
	}
	first, _ := os.ReadFile(want[1])
	if r := annexgen(t, nil, "diff", "--force", "--to", "md,pdf,docx", "-o", out, old, new); r.status != exitOK {
		t.Fatalf("--force: %d %s", r.status, r.stderr)
	}
	if again, _ := os.ReadFile(want[1]); string(again) != string(first) {
		t.Error("the same workbooks gave a different PDF")
	}
}

func TestDiffIdentical(t *testing.T) {
	out := t.TempDir()
	r := annexgen(t, nil, "diff", "--to", "md", "-o", out, sample("hospital.xlsx"), sample("hospital.xlsx"))
	if r.status != exitOK {
		t.Fatalf("status %d\n%s", r.status, r.stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "hospital.diff.md"))
	if err != nil || !strings.Contains(string(md), "変更なし") || strings.Contains(string(md), "改正後 |") {
		t.Errorf("identical workbooks: %v\n%s", err, md)
	}
}

func TestDiffStatus(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xlsx")
	blankForm(t, bad)
	good := sample("clinic.xlsx")
	for _, c := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"diff"}, exitUsage, "一つずつ指定してください"},
		{[]string{"diff", good}, exitUsage, "一つずつ指定してください"},
		{[]string{"diff", "--to", "odt", good, good}, exitUsage, "--to には"},
		{[]string{"diff", "-o", dir, bad, good}, exitRejected, "エラーのある確認表"},
		{[]string{"diff", "-o", dir, good, bad}, exitRejected, "bad.xlsx: エラー"},
		{[]string{"diff", "-o", dir, good, filepath.Join(dir, "none.xlsx")}, exitRejected, "none.xlsx"},
	} {
		r := annexgen(t, nil, c.args...)
		if r.status != c.status || !strings.Contains(r.stderr, c.stderr) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", c.args, r.status, r.stderr, c.status, c.stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("rejected comparisons wrote files: %v", entries)
	}
}

func TestDiffMissingFontStillWritesMarkdown(t *testing.T) {
	out := t.TempDir()
	r := annexgen(t, nil, "diff", "--font", filepath.Join(out, "nosuchfont.ttf"), "-o", out, sample("clinic.xlsx"), sample("clinic.xlsx"))
	if r.status != exitWrite || !strings.Contains(r.stderr, "nosuchfont.ttf") {
		t.Errorf("status %d, stderr %q; want 2 and a message naming the font", r.status, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "clinic.diff.md")); err != nil {
		t.Errorf("Markdown not written: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "clinic.diff.pdf")); err == nil {
		t.Error("a PDF was written without a font")
	}
}

func TestDiffFindingsInOrder(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, sample("hospital.xlsx"), filepath.Join(dir, "旧"))
	old := filepath.Join(dir, "旧", "hospital.xlsx")
	r := annexgen(t, nil, "diff", "--to", "md", "-o", dir, old, sample("hospital.xlsx"))
	if r.status != exitOK {
		t.Fatalf("status %d\n%s", r.status, r.stderr)
	}
	// Both are read side by side; the old one's findings come first.
	o, n := strings.Index(r.stderr, old+": エラー 0件、警告 3件"), strings.Index(r.stderr, sample("hospital.xlsx")+": エラー 0件、警告 3件")
	if o < 0 || n < 0 || o > n || strings.Count(r.stderr, "(open-item)") != 4 {
		t.Errorf("the findings of the old workbook, then the new one's, are not shown in order:\n%s", r.stderr)
	}
}
