package form

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func init() {
	// -update rewrites the golden files; another test file of the package
	// may define the flag first.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	v, _ := g.Get().(bool)
	return v
}

// writeForm writes a form and opens it again, as a user's program would.
func writeForm(t *testing.T, f Form) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f); err != nil {
		t.Fatalf("Write: %v", err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("written form does not open: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x, buf.Bytes()
}

// headerRow returns the 1-based row whose column A is 項番 and its cells.
func headerRow(t *testing.T, x *excelize.File, sheet string) (int, []string) {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && (r[0] == "項番" || r[0] == "指標") {
			return i + 1, r
		}
	}
	t.Fatalf("%s: no header row", sheet)
	return 0, nil
}

func TestWriteFormSheetsAndHeaders(t *testing.T) {
	x, _ := writeForm(t, Form{Vendors: []string{"株式会社カルテ", "ネット株式会社"}})
	if got, want := x.GetSheetList(), []string{"基本情報", "Part1", "Part2", "サービスレベル"}; !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	// The role headers carry the vendors' names in brackets, which the
	// reader ignores (TestFormRoundTrip reads them back).
	wantHeader := []string{"項番", "項目", "内容", "初回確認", "完了日", "医療機関", "事業者A\n（株式会社カルテ）", "事業者B\n（ネット株式会社）", "合意内容", "備考"}
	for _, s := range []string{"Part1", "Part2"} {
		if _, h := headerRow(t, x, s); !slices.Equal(h, wantHeader) {
			t.Errorf("%s header = %q, want %q", s, h, wantHeader)
		}
	}
	if _, h := headerRow(t, x, "サービスレベル"); !slices.Equal(h, []string{"指標", "目標値", "測定方法", "関連項番", "測定期間", "未達時の措置"}) {
		t.Errorf("サービスレベル header = %q", h)
	}

	rows, err := x.GetRows("基本情報")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	values := map[string]string{}
	for _, r := range rows {
		labels = append(labels, r[0])
		if len(r) > 1 {
			values[r[0]] = r[1]
		}
	}
	wantLabels := []string{"医療機関名", "対象システム", "事業者A", "事業者B", "文書種別", "契約名",
		"本契約の締結日", "締結日", "効力発生日", "締結方法", "協議期限", "初回確認日", "作成日", "版数",
		"医療機関担当者", "医療機関所在地", "医療機関代表者",
		"事業者A担当者", "事業者A所在地", "事業者A代表者", "事業者B担当者", "事業者B所在地", "事業者B代表者"}
	if !slices.Equal(labels, wantLabels) {
		t.Errorf("基本情報 labels = %q, want %q", labels, wantLabels)
	}
	for label, want := range map[string]string{"事業者A": "株式会社カルテ", "事業者B": "ネット株式会社", "文書種別": "契約書別紙", "締結方法": "書面", "医療機関名": ""} {
		if values[label] != want {
			t.Errorf("基本情報 %s = %q, want %q", label, values[label], want)
		}
	}
}

func TestWriteFormDefaultVendor(t *testing.T) {
	x, _ := writeForm(t, Form{})
	_, h := headerRow(t, x, "Part2")
	if !slices.Contains(h, "事業者A") || slices.Contains(h, "事業者B") {
		t.Errorf("header without vendors = %q, want one 事業者A column", h)
	}
	v, err := x.GetCellValue("基本情報", "A3")
	if err != nil || v != "事業者A" {
		t.Errorf("基本情報!A3 = %q, %v; want 事業者A", v, err)
	}
	if v, _ := x.GetCellValue("基本情報", "B3"); v != "" {
		t.Errorf("基本情報!B3 = %q, want blank vendor name", v)
	}
}

// itemRows returns the rows below the header as (項番, 項目, 内容) triples,
// stopping at the first blank row.
func itemRows(t *testing.T, x *excelize.File, sheet string) [][3]string {
	t.Helper()
	hr, _ := headerRow(t, x, sheet)
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]string
	for _, r := range rows[hr:] {
		if len(r) == 0 || r[0] == "" {
			break
		}
		var c [3]string
		copy(c[:], r)
		got = append(got, c)
	}
	return got
}

func TestWriteFormItems(t *testing.T) {
	items := []SeedItem{
		{Part: "Part1", Number: "1", Title: "方針", Content: "方針を定める。"},
		{Part: "Part2", Section: "A", SectionTitle: "共通", Number: "1", Title: "窓口", Content: "窓口を決める。\n夜間も。"},
		{Part: "Part2", Section: "A", SectionTitle: "共通", Number: "2", Title: "保守", Content: "保守の方法。"},
		{Part: "Part2", Section: "B", SectionTitle: "運用", Number: "1", Title: "バックアップ", Content: "世代を決める。"},
	}
	x, _ := writeForm(t, Form{Items: items})
	if got, want := itemRows(t, x, "Part1"), [][3]string{{"1", "方針", "方針を定める。"}}; !slices.Equal(got, want) {
		t.Errorf("Part1 rows = %q, want %q", got, want)
	}
	want := [][3]string{
		{"A", "共通", ""},
		{"1", "窓口", "窓口を決める。\n夜間も。"},
		{"2", "保守", "保守の方法。"},
		{"B", "運用", ""},
		{"1", "バックアップ", "世代を決める。"},
	}
	if got := itemRows(t, x, "Part2"); !slices.Equal(got, want) {
		t.Errorf("Part2 rows = %q, want %q", got, want)
	}
	// A section row is merged from 項目 to the last column.
	hr, _ := headerRow(t, x, "Part2")
	merges, err := x.GetMergeCells("Part2")
	if err != nil {
		t.Fatal(err)
	}
	wantMerge := fmt.Sprintf("B%d:I%d", hr+1, hr+1)
	found := false
	for _, m := range merges {
		if m.GetStartAxis()+":"+m.GetEndAxis() == wantMerge {
			found = true
		}
	}
	if !found {
		t.Errorf("section row not merged as %s", wantMerge)
	}
	// Own items carry no sample note; the sample items do.
	if hasSampleNote(t, x, "Part2") {
		t.Error("a form with the user's items says its items are samples")
	}
	xs, _ := writeForm(t, Form{})
	for _, s := range []string{"Part1", "Part2"} {
		if !hasSampleNote(t, xs, s) {
			t.Errorf("%s of the sample form lacks the note that its items are samples", s)
		}
	}
}

func hasSampleNote(t *testing.T, x *excelize.File, sheet string) bool {
	t.Helper()
	hr, _ := headerRow(t, x, sheet)
	for r := 1; r < hr; r++ {
		v, _ := x.GetCellValue(sheet, fmt.Sprintf("A%d", r))
		if strings.Contains(v, "記入例（サンプル）") && strings.Contains(v, "公式の確認表の文言ではありません") {
			return true
		}
	}
	return false
}

func TestWriteFormTitleRows(t *testing.T) {
	x, _ := writeForm(t, Form{})
	for sheet, part := range map[string]string{"Part1": "【主に医療機関が実施する項目】", "Part2": "【医療機関と事業者が共同で実施する項目】"} {
		hr, _ := headerRow(t, x, sheet)
		var title []string
		for r := 1; r < hr; r++ {
			v, _ := x.GetCellValue(sheet, fmt.Sprintf("A%d", r))
			title = append(title, v)
		}
		all := strings.Join(title, "\n")
		for _, want := range []string{Title, part, "「*」の付いた用語", "◎ 主担当", "○ 実施", "△ 支援", "- 関与なし"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s title rows lack %q", sheet, want)
			}
		}
		if title[0] != Title || title[1] != part {
			t.Errorf("%s first rows = %q, want the form title then the part name", sheet, title[:2])
		}
	}
}

// covers reports whether the space-separated ranges of sqref include cell.
func covers(sqref, cell string) bool {
	col, row, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		return false
	}
	for _, r := range strings.Fields(sqref) {
		a, b, ok := strings.Cut(r, ":")
		if !ok {
			b = a
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 == nil && err2 == nil && c1 <= col && col <= c2 && r1 <= row && row <= r2 {
			return true
		}
	}
	return false
}

func TestWriteFormValidations(t *testing.T) {
	x, _ := writeForm(t, Form{Vendors: []string{"甲", "乙"}})
	for _, sheet := range []string{"Part1", "Part2"} {
		dvs, err := x.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		byFormula := map[string]*excelize.DataValidation{}
		var date *excelize.DataValidation
		for _, dv := range dvs {
			if dv.Type == "date" {
				date = dv
			}
			byFormula[dv.Formula1] = dv
		}
		check := byFormula[`"はい,いいえ,対象外"`]
		roles := byFormula[`"◎,○,△,-"`]
		if check == nil || roles == nil || date == nil {
			t.Fatalf("%s: validations = %+v; want lists for 初回確認 and roles and a date check", sheet, dvs)
		}
		if check.Type != "list" || roles.Type != "list" {
			t.Errorf("%s: drop-downs have types %q, %q", sheet, check.Type, roles.Type)
		}
		hr, _ := headerRow(t, x, sheet)
		// Every item row, the spare rows and the rows a clerk may add below
		// them, to row 1000, take the drop-downs; section rows do not.
		if last := lastValueRow(t, x, sheet); last >= formLastRow {
			t.Fatalf("%s: %d prepared rows, the test wants fewer than %d", sheet, last, formLastRow)
		}
		for r := hr + 1; r <= formLastRow+1; r++ {
			a, _ := x.GetCellValue(sheet, fmt.Sprintf("A%d", r))
			isSection := len(a) == 1 && a[0] >= 'A' && a[0] <= 'Z'
			wantCovered := !isSection && r <= formLastRow
			for _, c := range []struct {
				dv  *excelize.DataValidation
				col string
			}{{check, "D"}, {date, "E"}, {roles, "F"}, {roles, "G"}, {roles, "H"}} {
				cell := fmt.Sprintf("%s%d", c.col, r)
				if covers(c.dv.Sqref, cell) != wantCovered {
					t.Errorf("%s!%s: covered by %s = %v, want %v", sheet, cell, c.dv.Sqref, !wantCovered, wantCovered)
				}
			}
		}
		if covers(roles.Sqref, fmt.Sprintf("I%d", hr+2)) || covers(roles.Sqref, fmt.Sprintf("E%d", hr+2)) {
			t.Errorf("%s: role list %s spills outside the role columns", sheet, roles.Sqref)
		}
	}
	dvs, err := x.GetDataValidations("基本情報")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ cell, list string }{{"B5", `"契約書別紙,覚書,SLA"`}, {"B10", `"書面,電子契約"`}} {
		found := false
		for _, dv := range dvs {
			if dv.Formula1 == want.list && covers(dv.Sqref, want.cell) {
				found = true
			}
		}
		if !found {
			t.Errorf("基本情報!%s has no drop-down %s: %+v", want.cell, want.list, dvs)
		}
	}
}

// lastValueRow returns the last row with borders for values: the last
// spare row.
func lastValueRow(t *testing.T, x *excelize.File, sheet string) int {
	t.Helper()
	hr, _ := headerRow(t, x, sheet)
	rows, _ := x.GetRows(sheet)
	last := hr
	for i := hr; i < len(rows); i++ {
		if len(rows[i]) > 0 && rows[i][0] != "" {
			last = i + 1
		}
	}
	return last + formSpareRows
}

func TestWriteFormViewAndPrint(t *testing.T) {
	x, _ := writeForm(t, Form{})
	names := map[string]string{}
	for _, d := range x.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			names[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range []string{"Part1", "Part2", "サービスレベル"} {
		hr, _ := headerRow(t, x, sheet)
		p, err := x.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != hr || p.TopLeftCell != fmt.Sprintf("A%d", hr+1) {
			t.Errorf("%s panes = %+v, want frozen below row %d", sheet, p, hr)
		}
		if want := fmt.Sprintf("'%s'!$%d:$%d", sheet, hr, hr); names[sheet] != want {
			t.Errorf("%s print titles = %q, want %q", sheet, names[sheet], want)
		}
		pl, err := x.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s page layout = %+v, want A4 landscape fitted to one page wide", sheet, pl)
		}
		props, err := x.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off", sheet)
		}
	}
	// Wrapped text in 内容 and 合意内容.
	hr, h := headerRow(t, x, "Part2")
	for i, name := range h {
		if name != "内容" && name != "合意内容" {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, hr+2)
		id, err := x.GetCellStyle("Part2", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("Part2!%s (%s) does not wrap text", cell, name)
		}
		if w, _ := x.GetColWidth("Part2", cell[:1]); w < 40 {
			t.Errorf("column %s (%s) width %v, want a wide column", cell[:1], name, w)
		}
	}
	// Header: bold with a fill.
	id, _ := x.GetCellStyle("Part2", fmt.Sprintf("A%d", hr))
	st, _ := x.GetStyle(id)
	if st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 || len(st.Border) != 4 {
		t.Errorf("header style = %+v, want bold, filled, bordered", st)
	}
}

func TestWriteFormDeterministic(t *testing.T) {
	for _, f := range []Form{{}, {Vendors: []string{"A社", "B社", "C社"}}} {
		var a, b bytes.Buffer
		if err := Write(&a, f); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, f); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("two writes of %+v differ", f)
		}
	}
}

func TestWriteFormErrors(t *testing.T) {
	many := make([]string, checklist.MaxVendors+1)
	for i := range many {
		many[i] = fmt.Sprintf("社%d", i)
	}
	for _, tc := range []struct {
		name string
		form Form
		want string
	}{
		{"too many vendors", Form{Vendors: many}, "事業者は702社まで"},
		{"bad part", Form{Items: []SeedItem{{Part: "Part3", Number: "1", Title: "x"}}}, "部「Part3」"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tc.form)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestFitRowHeights(t *testing.T) {
	x, _ := writeForm(t, Form{Items: []SeedItem{
		{Part: "Part1", Number: "1", Title: "短い", Content: "短い。"},
		{Part: "Part1", Number: "2", Title: "長い", Content: strings.Repeat("長い内容の文章です。", 20)},
		{Part: "Part1", Number: "3", Title: "改行", Content: "一\n二\n三\n四\n五\n六"},
	}})
	hr, _ := headerRow(t, x, "Part1")
	h := func(r int) float64 {
		v, err := x.GetRowHeight("Part1", r)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	short, long, breaks := h(hr+1), h(hr+2), h(hr+3)
	if !(long > 4*short) {
		t.Errorf("row heights short %v, long %v: the long text should take many lines", short, long)
	}
	if breaks < 6*formLineHeight {
		t.Errorf("six lines got height %v", breaks)
	}
}

// dumpForm describes a workbook as text: every non-empty cell, merges,
// validations, panes, print titles and page setup.
func dumpForm(t *testing.T, x *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sheet := range x.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fmt.Fprintf(&b, "%s\t%q\n", cell, v)
			}
		}
		merges, _ := x.GetMergeCells(sheet)
		for _, m := range merges {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		dvs, _ := x.GetDataValidations(sheet)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "validation %s %s %s %s %s\n", dv.Type, dv.Sqref, dv.Formula1, dv.Formula2, dv.Operator)
		}
		p, _ := x.GetPanes(sheet)
		fmt.Fprintf(&b, "panes freeze=%v ysplit=%d top=%s\n", p.Freeze, p.YSplit, p.TopLeftCell)
		pl, _ := x.GetPageLayout(sheet)
		if pl.Orientation != nil && pl.Size != nil {
			fmt.Fprintf(&b, "page size=%d %s\n", *pl.Size, *pl.Orientation)
		}
	}
	for _, d := range x.GetDefinedName() {
		fmt.Fprintf(&b, "name %s %s %s\n", d.Scope, d.Name, d.RefersTo)
	}
	return b.String()
}

func TestWriteFormGolden(t *testing.T) {
	for name, f := range map[string]Form{
		"sample-one-vendor":  {},
		"sample-two-vendors": {Vendors: []string{"株式会社カルテ", "ネット株式会社"}},
	} {
		t.Run(name, func(t *testing.T) {
			x, _ := writeForm(t, f)
			got := dumpForm(t, x)
			path := filepath.Join("testdata", "form", name+".golden")
			if updateGolden() {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("form differs from %s (run go test -update and review the diff):\n%s", path, got)
			}
		})
	}
}

func BenchmarkWriteForm(b *testing.B) {
	f := Form{Vendors: []string{"株式会社カルテ", "ネット株式会社"}}
	for b.Loop() {
		if err := Write(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}
