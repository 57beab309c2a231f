package convert

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/annexgen/annexgen/internal/tools/badgen"
)

// randomBook is a workbook made for the conservation property, with the
// titles of the items it holds (each unique, so that it can be looked for
// in the documents) and whether it must be refused.
type randomBook struct {
	data    []byte
	seed    uint64
	titles  []string
	refused bool   // a Part sheet was deleted
	what    string // the mutations, for the failure message
}

// makeRandomBook builds a workbook from seed: random sections and items,
// merged 項番 (an item over two rows) and merged 合意内容 (over two
// items), hidden rows, Part2 renamed or a Part deleted, and then, in the
// saved package, rows and cells stored in reverse order and the shared
// strings reordered.
func makeRandomBook(t *testing.T, seed uint64) randomBook {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	x := excelize.NewFile()
	defer x.Close()
	rb := randomBook{seed: seed}
	vendors := 1 + rng.IntN(2)
	info := [][]any{{"医療機関名", "試験病院"}, {"対象システム", "試験システム"}, {"作成日", "2030/1/1"}, {"初回確認日", "2024/1/1"}}
	header := []any{"項番", "項目", "内容", "初回確認", "完了日", "医療機関"}
	for v := range vendors {
		key := string(rune('A' + v))
		info = append(info, []any{"事業者" + key, "試験事業者" + key})
		header = append(header, "事業者"+key)
	}
	header = append(header, "合意内容", "備考")
	agreementCol := len(header) - 1 // 1-based column of 合意内容
	x.SetSheetName("Sheet1", "基本情報")
	for i, row := range info {
		x.SetSheetRow("基本情報", fmt.Sprintf("A%d", i+1), &row)
	}
	for p, name := range []string{"Part1", "Part2"} {
		x.NewSheet(name)
		x.SetSheetRow(name, "A1", &[]any{"確認表"})
		x.SetSheetRow(name, "A3", &header)
		r := 4
		sections := 1
		if p == 1 {
			sections = 1 + rng.IntN(3)
		}
		for s := range sections {
			if p == 1 {
				letter := string(rune('A' + s))
				x.SetSheetRow(name, fmt.Sprintf("A%d", r), &[]any{letter, "区分" + letter})
				r++
			}
			items := 1 + rng.IntN(5)
			for n := 1; n <= items; n++ {
				r = rb.writeItem(x, rng, name, r, n, n == items, vendors, agreementCol) + 1
			}
		}
	}
	switch rng.IntN(8) {
	case 0:
		x.DeleteSheet("Part2")
		rb.refused, rb.what = true, rb.what+" no-Part2"
	case 1:
		x.DeleteSheet("Part1")
		rb.refused, rb.what = true, rb.what+" no-Part1"
	case 2, 3:
		to := []string{"Part２", "Part2（共同実施）", "パート2"}[rng.IntN(3)]
		x.SetSheetName("Part2", to)
		rb.what += " renamed:" + to
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	rb.data = reshuffle(t, buf.Bytes(), rng, &rb.what)
	return rb
}

// writeItem writes item n of a Part sheet in row r, with a random
// mutation, and returns the last row it used.
func (rb *randomBook) writeItem(x *excelize.File, rng *rand.Rand, name string, r, n int, last bool, vendors, agreementCol int) int {
	part := map[string]int{"Part1": 0, "Part2": 1}[name]
	title := fmt.Sprintf("T%dX%dQ%d", rb.seed, len(rb.titles), part)
	rb.titles = append(rb.titles, title)
	row := []any{strconv.Itoa(n), title, "内容" + title, "はい", "", "◎"}
	if part == 1 {
		row[5] = "○"
	}
	for v := range vendors {
		row = append(row, map[bool]string{true: "◎", false: "△"}[part == 1 && v == 0])
	}
	row = append(row, "合意"+title)
	x.SetSheetRow(name, fmt.Sprintf("A%d", r), &row)
	switch rng.IntN(6) {
	case 0: // the item goes on in the next row, its 項番 merged
		x.SetCellValue(name, fmt.Sprintf("C%d", r+1), "続き")
		x.MergeCell(name, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r+1))
		rb.what += fmt.Sprintf(" %s:continued%d", name, r)
		r++
	case 1:
		x.SetRowVisible(name, r, false)
		rb.what += fmt.Sprintf(" %s:hidden%d", name, r)
	case 2: // 合意内容 merged with the next item's
		if !last {
			col, _ := excelize.ColumnNumberToName(agreementCol)
			x.MergeCell(name, fmt.Sprintf("%s%d", col, r), fmt.Sprintf("%s%d", col, r+1))
			rb.what += fmt.Sprintf(" %s:merged%d", name, r)
		}
	}
	return r
}

var (
	reRowXML   = regexp.MustCompile(`(?s)<row [^>]*?(?:/>|>.*?</row>)`)
	reCellXML  = regexp.MustCompile(`(?s)<c [^>]*?(?:/>|>.*?</c>)`)
	reSI       = regexp.MustCompile(`(?s)<si>.*?</si>`)
	reStringIx = regexp.MustCompile(`(<c [^>]*t="s"[^>]*><v>)([0-9]+)(</v>)`)
)

// reshuffle rewrites a saved package: the sheets' rows or cells in
// reverse order, and the shared strings in another order.
func reshuffle(t *testing.T, b []byte, rng *rand.Rand, what *string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	var names []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name], names = string(data), append(names, f.Name)
	}
	reverseRows, reverseCells, shuffleStrings := rng.IntN(2) == 0, rng.IntN(3) == 0, rng.IntN(2) == 0
	*what += fmt.Sprintf(" rows-reversed:%v cells-reversed:%v strings-shuffled:%v", reverseRows, reverseCells, shuffleStrings)
	var newIndex []int
	if sst, ok := parts["xl/sharedStrings.xml"]; ok && shuffleStrings {
		sis := reSI.FindAllString(sst, -1)
		order := rng.Perm(len(sis)) // new position -> old index
		newIndex = make([]int, len(sis))
		var out strings.Builder
		for pos, old := range order {
			newIndex[old] = pos
			out.WriteString(sis[old])
		}
		first := reSI.FindStringIndex(sst)
		last := reSI.FindAllStringIndex(sst, -1)
		parts["xl/sharedStrings.xml"] = sst[:first[0]] + out.String() + sst[last[len(last)-1][1]:]
	}
	for _, name := range names {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		s := parts[name]
		if newIndex != nil {
			s = reStringIx.ReplaceAllStringFunc(s, func(m string) string {
				g := reStringIx.FindStringSubmatch(m)
				i, _ := strconv.Atoi(g[2])
				return g[1] + strconv.Itoa(newIndex[i]) + g[3]
			})
		}
		if reverseCells {
			s = reRowXML.ReplaceAllStringFunc(s, func(r string) string { return badgen.ReverseMatches(r, reCellXML) })
		}
		if reverseRows {
			s = badgen.ReverseMatches(s, reRowXML)
		}
		parts[name] = s
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, _ := zw.Create(name)
		io.WriteString(w, parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestConservation is the conservation property: for random workbooks,
// every item is in the Markdown and in the PDF's text, or the workbook is
// refused with an error finding and no output at all.
func TestConservation(t *testing.T) {
	formats := []Format{Markdown, PDF}
	_, err := exec.LookPath("pdftotext")
	if err != nil {
		formats = formats[:1]
	}
	c, err := New(Options{Formats: formats})
	if err != nil {
		t.Fatal(err)
	}
	if c.Ready() != nil {
		c, _ = New(Options{Formats: []Format{Markdown}})
	}
	n := 40
	if testing.Short() {
		n = 8
	}
	rendered := 0
	for seed := range uint64(n) {
		rb := makeRandomBook(t, seed)
		res, err := c.Read(bytes.NewReader(rb.data), int64(len(rb.data)), "random.xlsx")
		if err != nil {
			t.Fatalf("seed %d (%s): %v", seed, rb.what, err)
		}
		if res.Rejected() {
			if len(res.Outputs) != 0 || !res.Findings.HasErrors() && res.Unreadable == nil {
				t.Errorf("seed %d (%s): refused with outputs or without an error", seed, rb.what)
			}
			if !rb.refused {
				t.Errorf("seed %d (%s): refused, want rendered: %v", seed, rb.what, res.Findings)
			}
			continue
		}
		if rb.refused {
			t.Errorf("seed %d (%s): rendered, want refused", seed, rb.what)
		}
		rendered++
		for _, o := range res.Outputs {
			text := string(o.Data)
			if o.Format == PDF {
				text = pdfText(t, o.Data)
			}
			for _, title := range rb.titles {
				if !strings.Contains(text, title) {
					t.Errorf("seed %d (%s): %s lacks item %s", seed, rb.what, o.Name(), title)
				}
			}
		}
	}
	t.Logf("%d of %d workbooks rendered, formats %v", rendered, n, c.opt.Formats)
	if rendered < n/2 {
		t.Errorf("only %d of %d workbooks rendered", rendered, n)
	}
}

// pdfText returns the text of a PDF, through pdftotext.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// bad returns the path of a file of the hostile catalogue.
func bad(name string) string {
	return filepath.Join("..", "..", "checklist", "xlsx", "testdata", "bad", name)
}

// TestAccountedRender renders the catalogue's files about lost items: a
// refused one gives its error finding and no output, a read one the
// same Markdown as the plain workbook it was made from.
func TestAccountedRender(t *testing.T) {
	c, err := New(Options{Formats: []Format{Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"part2-missing.xlsx": "part-missing error Part2",
		"merged-number.xlsx": "items-lost error Part1!A5",
	} {
		res, err := c.File(bad(file))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%s %s %s", f.Code, f.Severity, f.Location()))
		}
		if !res.Rejected() || len(res.Outputs) != 0 || strings.Join(got, "\n") != want {
			t.Errorf("%s: rejected %v, %d outputs, findings %q; want %q", file, res.Rejected(), len(res.Outputs), got, want)
		}
	}
	plain, err := c.File(bad("backslash-names.xlsx"))
	if err != nil || len(plain.Outputs) != 1 {
		t.Fatalf("plain workbook: %v %+v", err, plain.Findings)
	}
	for _, file := range []string{"rows-descending.xlsx", "cells-reversed.xlsx", "workbook-elsewhere.xlsx", "part2-renamed.xlsx"} {
		res, err := c.File(bad(file))
		if err != nil || len(res.Outputs) != 1 {
			t.Fatalf("%s: %v %+v", file, err, res.Findings)
		}
		if !bytes.Equal(res.Outputs[0].Data, plain.Outputs[0].Data) {
			t.Errorf("%s: Markdown differs from the plain workbook's", file)
		}
	}
}

// TestTemplateDroppingItems checks that user templates that leave items
// out give an items-lost error and no output.
func TestTemplateDroppingItems(t *testing.T) {
	c, err := New(Options{Formats: []Format{Markdown}, Templates: fstest.MapFS{"item.md.tmpl": {Data: []byte("{{/* nothing */}}")}}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.File(sample("clinic.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Outputs) != 0 || !res.Rejected() || res.Findings[len(res.Findings)-1].Code != "items-lost" {
		t.Errorf("%d outputs, findings %v", len(res.Outputs), res.Findings)
	}
}
