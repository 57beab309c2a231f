package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/form"
	"html"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testBook is a workbook described cell by cell, written with excelize.
type testBook struct {
	sheets   []string
	cells    map[string]map[string]any         // sheet -> A1 -> value
	formats  map[string]map[string]string      // sheet -> A1 -> custom number format
	numFmts  map[string]map[string]int         // sheet -> A1 -> built-in number format id
	formulas map[string]map[string]formulaCell // sheet -> A1 -> formula with its cached value
	merges   map[string][]string               // sheet -> "B4:J4"
	hidden   map[string][]int                  // sheet -> hidden rows; row 0 hides the sheet
	patches  map[string][2]string              // part -> old, new XML text
	date1904 bool
	password string
}

func newTestBook() *testBook {
	return &testBook{
		cells:    map[string]map[string]any{},
		formats:  map[string]map[string]string{},
		numFmts:  map[string]map[string]int{},
		formulas: map[string]map[string]formulaCell{},
		merges:   map[string][]string{},
		hidden:   map[string][]int{},
		patches:  map[string][2]string{},
	}
}

// hide hides rows of a sheet, or the sheet itself for row 0.
func (b *testBook) hide(sheet string, rows ...int) *testBook {
	b.hidden[sheet] = append(b.hidden[sheet], rows...)
	return b
}

// patch replaces text in a part of the saved workbook.
func (b *testBook) patch(part, old, new string) *testBook {
	b.patches[part] = [2]string{old, new}
	return b
}

// sheet adds a sheet (if new) and fills rows from row 1, column A.
func (b *testBook) sheet(name string, rows ...[]any) *testBook {
	if !slices.Contains(b.sheets, name) {
		b.sheets = append(b.sheets, name)
		b.cells[name] = map[string]any{}
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil || v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			b.cells[name][ref] = v
		}
	}
	return b
}

// set puts a value in a cell; nil empties it.
func (b *testBook) set(sheet, ref string, v any) *testBook {
	if v == nil {
		delete(b.cells[sheet], ref)
		return b
	}
	b.cells[sheet][ref] = v
	return b
}

// rename renames a sheet.
func (b *testBook) rename(from, to string) *testBook {
	i := slices.Index(b.sheets, from)
	b.sheets[i] = to
	b.cells[to] = b.cells[from]
	b.merges[to] = b.merges[from]
	return b
}

// drop removes a sheet.
func (b *testBook) drop(name string) *testBook {
	b.sheets = slices.DeleteFunc(b.sheets, func(s string) bool { return s == name })
	return b
}

// date puts an Excel serial with a number format in a cell.
func (b *testBook) date(sheet, ref string, serial float64, format string) *testBook {
	b.cells[sheet][ref] = serial
	if b.formats[sheet] == nil {
		b.formats[sheet] = map[string]string{}
	}
	b.formats[sheet][ref] = format
	return b
}

// builtinDate puts an Excel serial with a built-in number format in a cell.
func (b *testBook) builtinDate(sheet, ref string, serial float64, id int) *testBook {
	b.cells[sheet][ref] = serial
	if b.numFmts[sheet] == nil {
		b.numFmts[sheet] = map[string]int{}
	}
	b.numFmts[sheet][ref] = id
	return b
}

// formulaCell is a formula and the value Excel cached for it.
type formulaCell struct {
	formula, cached, typ string // typ is the cell's t attribute: "str", "e" or "" for a number
}

// formula puts a formula with a cached result in a cell.
func (b *testBook) formula(sheet, ref, formula string, cached any) *testBook {
	if b.formulas[sheet] == nil {
		b.formulas[sheet] = map[string]formulaCell{}
	}
	fc := formulaCell{formula: formula, cached: fmt.Sprint(cached)}
	if _, ok := cached.(string); ok {
		fc.typ = "str"
	}
	b.formulas[sheet][ref] = fc
	return b
}

// errorValue puts a formula whose cached value is an error in a cell.
func (b *testBook) errorValue(sheet, ref, formula, value string) *testBook {
	b.formula(sheet, ref, formula, value)
	fc := b.formulas[sheet][ref]
	fc.typ = "e"
	b.formulas[sheet][ref] = fc
	return b
}

func (b *testBook) merge(sheet, rng string) *testBook {
	b.merges[sheet] = append(b.merges[sheet], rng)
	return b
}

// bytes writes the workbook.
func (b *testBook) bytes(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, name := range b.sheets {
		if i == 0 {
			must(f.SetSheetName("Sheet1", name))
		} else {
			_, err := f.NewSheet(name)
			must(err)
		}
		for _, ref := range slices.Sorted(maps.Keys(b.cells[name])) {
			must(f.SetCellValue(name, ref, b.cells[name][ref]))
		}
		for ref, code := range b.formats[name] {
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			must(err)
			must(f.SetCellStyle(name, ref, ref, style))
		}
		for ref, id := range b.numFmts[name] {
			style, err := f.NewStyle(&excelize.Style{NumFmt: id})
			must(err)
			must(f.SetCellStyle(name, ref, ref, style))
		}
		for ref := range b.formulas[name] {
			must(f.SetCellValue(name, ref, "placeholder"))
		}
		for _, rng := range b.merges[name] {
			from, to, _ := strings.Cut(rng, ":")
			must(f.MergeCell(name, from, to))
		}
		for _, row := range b.hidden[name] {
			if row == 0 {
				must(f.SetSheetVisible(name, false))
			} else {
				must(f.SetRowVisible(name, row, false))
			}
		}
	}
	if b.date1904 {
		must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}))
	}
	var buf bytes.Buffer
	if b.password != "" {
		must(f.Write(&buf, excelize.Options{Password: b.password}))
	} else {
		must(f.Write(&buf))
	}
	out := buf.Bytes()
	if len(b.formulas) > 0 {
		out = injectFormulas(t, out, b)
	}
	for part, p := range b.patches {
		data, err := readPart(out, part)
		if err != nil || !strings.Contains(data, p[0]) {
			t.Fatalf("patch %s: no %q (%v)", part, p[0], err)
		}
		out = withPart(t, out, part, []byte(strings.Replace(data, p[0], p[1], 1)))
	}
	return out
}

// readPart returns one part of a zip.
func readPart(book []byte, name string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return "", err
	}
	rc, err := zr.Open(name)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}

func ptr[T any](v T) *T { return &v }

// injectFormulas rewrites cells into formula cells with a cached value,
// as Excel saves them (excelize's API cannot set the cached value).
func injectFormulas(t testing.TB, data []byte, b *testBook) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, name := range b.sheets {
		part := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		v, ok := f.Pkg.Load(part)
		if !ok {
			t.Fatalf("no %s", part)
		}
		xml := string(v.([]byte))
		for ref, fc := range b.formulas[name] {
			start := strings.Index(xml, `<c r="`+ref+`"`)
			if start < 0 {
				t.Fatalf("no cell %s in %s", ref, part)
			}
			end := start + strings.Index(xml[start:], "</c>") + len("</c>")
			style := regexp.MustCompile(` s="[0-9]+"`).FindString(xml[start:end])
			typ := ""
			if fc.typ != "" {
				typ = ` t="` + fc.typ + `"`
			}
			cell := `<c r="` + ref + `"` + style + typ + `><f>` + html.EscapeString(fc.formula) + `</f><v>` + html.EscapeString(fc.cached) + `</v></c>`
			xml = xml[:start] + cell + xml[end:]
		}
		f.Pkg.Store(part, []byte(xml))
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// validBook is a complete workbook without findings: two vendors, Part1
// without sections, Part2 with sections A and B, one service level.
func validBook() *testBook {
	b := newTestBook()
	b.sheet(checklist.SheetInfo,
		[]any{"医療機関名", "さくら総合病院"},
		[]any{"対象システム", "電子カルテシステム"},
		[]any{"事業者A", "株式会社サンプル医療システム"},
		[]any{"事業者B", "クラウド運用株式会社"},
		[]any{"文書種別", "契約書別紙"},
		[]any{"初回確認日", "2024/6/1"},
		[]any{"作成日", "令和6年7月1日"},
		[]any{"版数", "1.0"},
		[]any{"医療機関担当者", "情報システム課 山田"},
		[]any{"事業者A担当者", "営業部 佐藤"},
	)
	header := []any{"項番", "項目", "内容", "初回確認", "完了日", "医療機関", "事業者A", "事業者B", "合意内容", "備考"}
	b.sheet(checklist.SheetPart1,
		[]any{form.Title},
		[]any{"Part1【主に医療機関が実施する項目】"},
		header,
		[]any{"1", "契約範囲", "対象とする業務の範囲", "はい", "", "◎", "△", "△", "範囲は別表のとおり。"},
		[]any{"2", "責任者", "責任者の指名", "いいえ", "2024/7/1", "◎", "○", "", "双方が責任者を指名する。"},
	)
	b.merge(checklist.SheetPart1, "A1:J1").merge(checklist.SheetPart1, "A2:J2")
	b.sheet(checklist.SheetPart2,
		[]any{form.Title},
		[]any{"Part2【医療機関と事業者が共同で実施する項目】"},
		header,
		[]any{"A", "共通"},
		[]any{"1", "バックアップ", "取得の頻度と保管", "はい", "", "○", "◎", "△", "日次で取得する。"},
		[]any{"2", "障害対応", "連絡体制", "対象外", "", "", "", "", "", "別契約で定める。"},
		[]any{"B", "運用"},
		[]any{"1", "稼働監視", "監視の範囲", "はい", "", "△", "◎", "○", "24時間監視する。"},
	)
	b.merge(checklist.SheetPart2, "B4:J4").merge(checklist.SheetPart2, "B7:J7")
	b.sheet(checklist.SheetLevels,
		[]any{"指標", "目標値", "測定方法", "関連項番"},
		[]any{"稼働率", "99.5%以上", "月間、計画停止を除く", "Part2 B-1"},
	)
	return b
}

// readBook writes and reads a test workbook.
func readBook(t testing.TB, b *testBook, opt checklist.Options) (*checklist.Checklist, checklist.Findings, error) {
	t.Helper()
	return readBytes(b.bytes(t), "test.xlsx", opt)
}

// short writes findings as "code severity Sheet!Cell item", one per line.
func short(fs checklist.Findings) string {
	var lines []string
	for _, f := range fs {
		line := string(f.Code) + " " + f.Severity.String() + " " + f.Location()
		if f.Item != "" {
			line += " " + f.Item
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// readBytes reads a workbook held in memory.
func readBytes(data []byte, name string, opt checklist.Options) (*checklist.Checklist, checklist.Findings, error) {
	return Read(bytes.NewReader(data), int64(len(data)), name, opt)
}
