package annotate_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/annotate"
	"github.com/annexgen/annexgen/checklist/form"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/xuri/excelize/v2"
)

// blankForm is a fresh form: nobody is accountable for anything yet, so
// it has errors, and it has drop-down lists, formats and print setup.
func blankForm(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := form.Write(&buf, form.Form{Vendors: []string{"株式会社テスト"}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// annotated reads in, annotates it and opens the copy.
func annotated(t *testing.T, in []byte, opt checklist.Options) (checklist.Findings, *excelize.File, []byte) {
	t.Helper()
	_, findings, err := xlsx.Read(bytes.NewReader(in), int64(len(in)), "in.xlsx", opt)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := annotate.Write(&out, bytes.NewReader(in), int64(len(in)), findings, opt); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(out.Bytes()), excelize.Options{Password: opt.Password})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return findings, x, out.Bytes()
}

func fillOf(t *testing.T, x *excelize.File, sheet, cell string) (string, *excelize.Style) {
	t.Helper()
	id, err := x.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := x.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Fill.Color) == 0 {
		return "", s
	}
	c := strings.ToUpper(strings.TrimPrefix(s.Fill.Color[0], "#"))
	if len(c) == 8 { // ARGB
		c = c[2:]
	}
	return c, s
}

func TestMarksEveryFinding(t *testing.T) {
	in := blankForm(t)
	orig, err := excelize.OpenReader(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	findings, x, _ := annotated(t, in, checklist.Options{})
	if findings.Count(checklist.SeverityError) == 0 || findings.Count(checklist.SeverityWarning) == 0 {
		t.Fatalf("the blank form should have errors and warnings: %v", findings)
	}
	if first := x.GetSheetName(0); first != annotate.SheetName {
		t.Errorf("first sheet %q, want %q", first, annotate.SheetName)
	}
	if x.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want 0", x.GetActiveSheetIndex())
	}
	comments := map[string]string{}
	for _, sheet := range x.GetSheetList() {
		list, err := x.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range list {
			var b strings.Builder
			for _, r := range c.Paragraph {
				b.WriteString(r.Text)
			}
			comments[sheet+"!"+c.Cell] = c.Text + b.String()
		}
	}
	worst := map[string]checklist.Severity{}
	for _, f := range findings {
		if f.Cell == "" {
			continue
		}
		loc := f.Location()
		if !strings.Contains(comments[loc], f.Message) {
			t.Errorf("%s: comment %q lacks %q", loc, comments[loc], f.Message)
		}
		worst[loc] = max(worst[loc], f.Severity)
	}
	for loc, sev := range worst {
		sheet, cell, _ := strings.Cut(loc, "!")
		fill, _ := fillOf(t, x, sheet, cell)
		want := map[checklist.Severity]string{checklist.SeverityError: annotate.ErrorFill,
			checklist.SeverityWarning: annotate.WarningFill, checklist.SeverityInfo: annotate.InfoFill}[sev]
		if fill != want {
			t.Errorf("%s (%s): fill %q, want %q", loc, sev, fill, want)
		}
	}
	// The summary: one row per finding below the header, each place a link to its cell.
	rows, err := x.GetRows(annotate.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3+len(findings) {
		t.Fatalf("%d rows on the summary, want %d", len(rows), 3+len(findings))
	}
	for i, f := range findings {
		row := rows[3+i]
		if row[0] != f.Severity.Japanese() || row[1] != f.Location() || row[3] != f.Message {
			t.Errorf("row %d: %q, want %s %s %s", 4+i, row, f.Severity.Japanese(), f.Location(), f.Message)
		}
		ok, link, err := x.GetCellHyperLink(annotate.SheetName, "B"+strconv.Itoa(4+i))
		if err != nil {
			t.Fatal(err)
		}
		if f.Cell != "" && (!ok || link != "'"+f.Sheet+"'!"+f.Cell) {
			t.Errorf("row %d: link %v %q, want '%s'!%s", 4+i, ok, link, f.Sheet, f.Cell)
		}
	}
	if pl, _ := x.GetPageLayout(annotate.SheetName); pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Error("the summary is not printed landscape")
	}
	keepsTheRest(t, orig, x, worst)
}

// keepsTheRest checks that the copy kept the input's drop-down lists,
// print setup, print titles and the formats of the marked cells.
func keepsTheRest(t *testing.T, orig, x *excelize.File, marked map[string]checklist.Severity) {
	t.Helper()
	for _, sheet := range orig.GetSheetList() {
		dv0, _ := orig.GetDataValidations(sheet)
		dv1, _ := x.GetDataValidations(sheet)
		if len(dv0) != len(dv1) {
			t.Errorf("%s: %d drop-down lists, want %d", sheet, len(dv1), len(dv0))
		}
		pl0, _ := orig.GetPageLayout(sheet)
		pl1, _ := x.GetPageLayout(sheet)
		if (pl0.Orientation == nil) != (pl1.Orientation == nil) || pl0.Orientation != nil && *pl0.Orientation != *pl1.Orientation {
			t.Errorf("%s: page orientation changed", sheet)
		}
	}
	names := func(f *excelize.File) map[string]string {
		m := map[string]string{}
		for _, dn := range f.GetDefinedName() {
			m[dn.Scope+"/"+dn.Name] = dn.RefersTo
		}
		return m
	}
	n0, n1 := names(orig), names(x)
	if len(n0) == 0 {
		t.Error("the form has no print titles: the test checks nothing")
	}
	for k, v := range n0 {
		if n1[k] != v {
			t.Errorf("defined name %s: %q, want %q", k, n1[k], v)
		}
	}
	for loc := range marked {
		sheet, cell, _ := strings.Cut(loc, "!")
		id, _ := orig.GetCellStyle(sheet, cell)
		s0, _ := orig.GetStyle(id)
		_, s1 := fillOf(t, x, sheet, cell)
		if s0.NumFmt != s1.NumFmt || len(s0.Border) != len(s1.Border) || (s0.Alignment == nil) != (s1.Alignment == nil) {
			t.Errorf("%s: format not kept: %+v, was %+v", loc, s1, s0)
		}
	}
}

func TestPasswordKept(t *testing.T) {
	in, err := os.ReadFile("../xlsx/testdata/bad/password.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	const pw = "ひみつ2024"
	_, x, out := annotated(t, in, checklist.Options{Password: pw})
	if x.GetSheetName(0) != annotate.SheetName {
		t.Errorf("first sheet %q", x.GetSheetName(0))
	}
	if _, err := excelize.OpenReader(bytes.NewReader(out)); err == nil {
		t.Error("the copy opens without the password")
	}
	_, _, err = xlsx.Read(bytes.NewReader(out), int64(len(out)), "copy.xlsx", checklist.Options{})
	if err == nil || !strings.Contains(err.Error(), "パスワード") {
		t.Errorf("reading the copy without the password: %v", err)
	}
}

func TestNoFindings(t *testing.T) {
	in, err := os.ReadFile("../../samples/clinic.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	findings, x, first := annotated(t, in, checklist.Options{})
	rows, _ := x.GetRows(annotate.SheetName)
	if len(rows) != 3+len(findings) {
		t.Errorf("%d rows, want %d", len(rows), 3+len(findings))
	}
	// The same input gives the same bytes.
	if _, _, again := annotated(t, in, checklist.Options{}); !bytes.Equal(first, again) {
		t.Error("two copies of the same workbook differ")
	}
}

// TestLibreOfficeOpensCopy converts the copy to PDF with LibreOffice and
// finds the summary and a message in it.
func TestLibreOfficeOpensCopy(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	findings, _, out := annotated(t, blankForm(t), checklist.Options{})
	dir := t.TempDir()
	path := filepath.Join(dir, "form.findings.xlsx")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	text, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "form.findings.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{"確認結果", findings[0].Location(), string([]rune(strings.Join(strings.Fields(findings[0].Message), ""))[:20])} {
		if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
			t.Errorf("LibreOffice's PDF lacks %q", want)
		}
	}
}

// TestCatalogue annotates every workbook of the catalogue of broken and
// hostile files that the reader reads.
func TestCatalogue(t *testing.T) {
	files, _ := filepath.Glob("../xlsx/testdata/bad/*.xlsx")
	read := 0
	for _, path := range files {
		in, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, findings, err := xlsx.Read(bytes.NewReader(in), int64(len(in)), path, checklist.Options{})
		if err != nil {
			continue
		}
		read++
		var out bytes.Buffer
		if err := annotate.Write(&out, bytes.NewReader(in), int64(len(in)), findings, checklist.Options{}); err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
			continue
		}
		x, err := excelize.OpenReader(&out)
		if err != nil {
			t.Errorf("%s: the copy does not open: %v", filepath.Base(path), err)
			continue
		}
		if !slices.Contains(x.GetSheetList(), annotate.SheetName) {
			t.Errorf("%s: no sheet %s", filepath.Base(path), annotate.SheetName)
		}
		x.Close()
	}
	if read == 0 {
		t.Fatal("no workbook of the catalogue was read")
	}
}
