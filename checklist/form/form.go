// Package form writes the blank checklist workbook (annexgen init): the
// sheets 基本情報, Part1, Part2 and サービスレベル with their header rows,
// drop-down lists and print setup, pre-filled with seed items (SeedItem,
// the project's own SampleItems or a list read by ReadSeedItems). Besides
// checklist/annotate, which marks a copy of a filled-in workbook, it is the
// only package of the program that writes workbooks.
package form

import (
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Title is the title of the checklist, printed at the top of the Part sheets.
const Title = "医療情報システムの契約における当事者間の役割分担等に関する確認表"

// The values offered by the drop-down lists of a blank form.
var (
	CheckChoices   = []string{"はい", "いいえ", "対象外"}
	MarkChoices    = []string{"◎", "○", "△", "-"}
	DocKindChoices = []string{"契約書別紙", "覚書", "SLA"}
)

// Form describes a blank workbook.
type Form struct {
	// Vendors are the vendors' names, keyed A, B, … in order. Empty means
	// one vendor, 事業者A, whose name is left blank.
	Vendors []string
	// Items are pre-filled on the Part sheets. Nil means SampleItems(),
	// with a note saying that they are samples.
	Items []SeedItem
}

// formSpareRows is the number of empty, formatted rows left below the items
// of each sheet for additions.
const formSpareRows = 10

// formCreated is the fixed creation date written into every blank form,
// so that the same Form always gives the same bytes.
const formCreated = "2024-06-01T00:00:00Z"

// formFont is the font of the whole workbook: the default of Japanese Excel.
const formFont = "游ゴシック"

// Write writes the blank workbook as .xlsx.
func Write(w io.Writer, f Form) error {
	x, err := newFile(f)
	if err != nil {
		return err
	}
	defer x.Close()
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("確認表を書き出せませんでした: %w", err)
	}
	return nil
}

// newFile builds the blank workbook in memory.
func newFile(f Form) (*excelize.File, error) {
	vendors := f.Vendors
	if len(vendors) == 0 {
		vendors = []string{""}
	}
	if len(vendors) > checklist.MaxVendors {
		return nil, fmt.Errorf("事業者は%d社までです（%d社が指定されました）", checklist.MaxVendors, len(vendors))
	}
	items, samples := f.Items, false
	if items == nil {
		items, samples = SampleItems(), true
	}
	for _, it := range items {
		if it.Part != checklist.SheetPart1 && it.Part != checklist.SheetPart2 {
			return nil, fmt.Errorf("項目「%s」の部「%s」が読み取れません。Part1 か Part2 を指定してください", it.Title, it.Part)
		}
	}
	b := &formBuilder{x: excelize.NewFile(), vendors: vendors, samples: samples}
	if err := b.build(items); err != nil {
		b.x.Close()
		return nil, fmt.Errorf("確認表を作成できませんでした: %w", err)
	}
	return b.x, nil
}

type formBuilder struct {
	x       *excelize.File
	vendors []string
	samples bool
	err     error
	styles  map[string]int
}

// set records the first error of a chain of excelize calls.
func (b *formBuilder) set(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *formBuilder) build(items []SeedItem) error {
	x := b.x
	b.set(x.SetDefaultFont(formFont))
	b.makeStyles()
	b.set(x.SetSheetName("Sheet1", checklist.SheetInfo))
	for _, s := range []string{checklist.SheetPart1, checklist.SheetPart2, checklist.SheetLevels} {
		_, err := x.NewSheet(s)
		b.set(err)
	}
	b.infoSheet()
	var p1, p2 []SeedItem
	for _, it := range items {
		if it.Part == checklist.SheetPart1 {
			p1 = append(p1, it)
		} else {
			p2 = append(p2, it)
		}
	}
	b.partSheet(checklist.SheetPart1, "【主に医療機関が実施する項目】",
		"医療機関が主体となって判断し、実施する項目です。事業者は、医療機関が判断するために必要な情報を提供します。", p1)
	b.partSheet(checklist.SheetPart2, "【医療機関と事業者が共同で実施する項目】",
		"医療機関と事業者が共同で実施する、主に技術的な項目です。どの当事者が何を担うかを役割の記号で示し、合意した内容を具体的に書きます。", p2)
	b.levelsSheet()
	x.SetActiveSheet(0)
	b.set(x.SetDocProps(&excelize.DocProperties{
		Title:          Title,
		Subject:        "役割分担の確認表（記入用）",
		Creator:        "annexgen",
		LastModifiedBy: "annexgen",
		Created:        formCreated,
		Modified:       formCreated,
		Language:       "ja-JP",
	}))
	b.set(x.SetAppProps(&excelize.AppProperties{Application: "annexgen"}))
	return b.err
}

func (b *formBuilder) makeStyles() {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: formFont, Size: size, Bold: bold, Color: color}
	}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	centerTop := &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "center"}
	defs := map[string]*excelize.Style{
		"title":   {Font: font(14, true, ""), Alignment: &excelize.Alignment{Vertical: "center"}},
		"part":    {Font: font(12, true, ""), Alignment: &excelize.Alignment{Vertical: "center"}},
		"note":    {Font: font(10, false, ""), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
		"sample":  {Font: font(10, true, "C00000"), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
		"header":  {Font: font(10, true, ""), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}},
		"section": {Font: font(10, true, ""), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}, Alignment: &excelize.Alignment{Vertical: "center"}},
		"text":    {Font: font(10, false, ""), Border: border, Alignment: wrapTop},
		"center":  {Font: font(10, false, ""), Border: border, Alignment: centerTop},
		"mark":    {Font: font(12, false, ""), Border: border, Alignment: centerTop},
		"date":    {Font: font(10, false, ""), Border: border, Alignment: centerTop, CustomNumFmt: formPtr("yyyy/m/d")},
		"label":   {Font: font(10, true, ""), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Alignment: &excelize.Alignment{Vertical: "center"}},
		"value":   {Font: font(10, false, ""), Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}},
		"valdate": {Font: font(10, false, ""), Border: border, Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "left"}, CustomNumFmt: formPtr("yyyy/m/d")},
		"hint":    {Font: font(9, false, "595959"), Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}},
	}
	b.styles = map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(defs)) {
		id, err := b.x.NewStyle(defs[name])
		b.set(err)
		b.styles[name] = id
	}
}

func formPtr[T any](v T) *T { return &v }

func (b *formBuilder) cell(sheet string, col, row int, value any, style string) {
	ref, err := excelize.CoordinatesToCellName(col, row)
	b.set(err)
	if value != nil {
		b.set(b.x.SetCellValue(sheet, ref, value))
	}
	if style != "" {
		b.set(b.x.SetCellStyle(sheet, ref, ref, b.styles[style]))
	}
}

func (b *formBuilder) merge(sheet string, row, lastCol int) {
	end, err := excelize.CoordinatesToCellName(lastCol, row)
	b.set(err)
	b.set(b.x.MergeCell(sheet, fmt.Sprintf("A%d", row), end))
}

func formColName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// dropList adds a drop-down list of choices on the given ranges.
func (b *formBuilder) dropList(sheet string, ranges []string, choices []string, title, msg string) {
	if len(ranges) == 0 {
		return
	}
	dv := excelize.NewDataValidation(true)
	for _, r := range ranges {
		dv.SetSqref(r)
	}
	b.set(dv.SetDropList(choices))
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	b.set(b.x.AddDataValidation(sheet, dv))
}

// dateCheck adds a date validation on the given ranges. It only warns, so
// that dates typed as 和暦 text (令和6年6月1日) stay possible.
func (b *formBuilder) dateCheck(sheet string, ranges []string) {
	if len(ranges) == 0 {
		return
	}
	dv := excelize.NewDataValidation(true)
	for _, r := range ranges {
		dv.SetSqref(r)
	}
	b.set(dv.SetRange(formSerial(2000, 1, 1), formSerial(2099, 12, 31), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	dv.SetError(excelize.DataValidationErrorStyleWarning, "日付",
		"日付は 2024/6/1 のように入力してください。和暦の文字（令和6年6月1日）で書くこともできます。")
	b.set(b.x.AddDataValidation(sheet, dv))
}

// formSerial returns the Excel serial number of a date (1900 date system).
func formSerial(y, m, d int) int {
	// Days from 0000-03-01 style civil calendar, then offset to 1899-12-30.
	days := func(y, m, d int) int {
		if m <= 2 {
			y--
			m += 12
		}
		return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + d
	}
	return days(y, m, d) - days(1899, 12, 30)
}

func (b *formBuilder) page(sheet string, landscape bool, headerRow int) {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	b.set(b.x.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size:        formPtr(9), // A4
		Orientation: &orient,
		FitToWidth:  formPtr(1),
		FitToHeight: formPtr(0),
	}))
	b.set(b.x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: formPtr(true)}))
	m, h := 0.5, 0.3
	b.set(b.x.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &m, Right: &m, Top: formPtr(0.6), Bottom: formPtr(0.6), Header: &h, Footer: &h,
	}))
	b.set(b.x.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L&A",
		OddFooter: "&C&P / &N",
	}))
	if headerRow > 0 {
		b.set(b.x.SetPanes(sheet, &excelize.Panes{
			Freeze:      true,
			YSplit:      headerRow,
			TopLeftCell: fmt.Sprintf("A%d", headerRow+1),
			ActivePane:  "bottomLeft",
			Selection:   []excelize.Selection{{SQRef: fmt.Sprintf("A%d", headerRow+1), ActiveCell: fmt.Sprintf("A%d", headerRow+1), Pane: "bottomLeft"}},
		}))
		b.set(b.x.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow),
			Scope:    sheet,
		}))
	}
}

// partColumns returns the header of a Part sheet.
func (b *formBuilder) partColumns() []string {
	cols := []string{"項番", "項目", "内容", "初回確認", "完了日", checklist.HospitalKey}
	for i := range b.vendors {
		cols = append(cols, "事業者"+checklist.VendorKey(i))
	}
	return append(cols, "合意内容", "備考")
}

// partSheet writes a Part sheet: its notes, the header row, the items
// (with their section rows) and spare rows, and the drop-downs.
func (b *formBuilder) partSheet(sheet, name, description string, items []SeedItem) {
	cols := b.partColumns()
	b.partWidths(sheet, cols)
	row := b.partNotes(sheet, name, description, len(cols))
	row++
	header := row
	for i, c := range cols {
		b.cell(sheet, i+1, header, b.headerText(c), "header")
	}
	b.set(b.x.SetRowHeight(sheet, header, 30))
	b.partValidations(sheet, b.partItems(sheet, header, cols, items))
	b.page(sheet, true, header)
}

// partWidths sets the widths of a Part sheet's columns.
func (b *formBuilder) partWidths(sheet string, cols []string) {
	widths := map[string]float64{"項番": 6, "項目": 22, "内容": 48, "初回確認": 9, "完了日": 11, "合意内容": 52, "備考": 24}
	for i, c := range cols {
		w, ok := widths[c]
		if !ok {
			w = 9 // role columns
			if t := b.headerText(c); t != c {
				w = 14 // with the vendor's name
			}
		}
		b.set(b.x.SetColWidth(sheet, formColName(i+1), formColName(i+1), w))
	}
}

// partNotes writes the title and the notes above a Part sheet's header,
// each merged from column A to column last, and returns the last row
// written.
func (b *formBuilder) partNotes(sheet, name, description string, last int) int {
	type note struct{ text, style string }
	notes := []note{
		{Title, "title"},
		{name, "part"},
		{description, "note"},
		{"※ 「*」の付いた用語は、確認表の「用語の解説」で説明されています。", "note"},
	}
	if b.samples {
		notes = append(notes, note{
			"※ あらかじめ記入されている項目は、annexgen が用意した記入例（サンプル）です。公式の確認表の文言ではありません。貴院で使う確認表の項目に書き換え、不要な行は削除してください。", "sample"})
	}
	notes = append(notes,
		note{"役割の記号: ◎ 主担当（責任を持って判断し、結果に責任を負う）　○ 実施（作業を行う）　△ 支援（情報提供・助言・協力を行う）　- 関与なし", "note"},
		note{"初回確認: 事業者と最初に確認した時点で合意できていれば「はい」、できていなければ「いいえ」、当てはまらなければ「対象外」を選び、備考に理由を書きます。「いいえ」の場合は、合意できた日を完了日に書きます。", "note"},
	)
	for i, n := range notes {
		row := i + 1
		b.cell(sheet, 1, row, n.text, n.style)
		b.merge(sheet, row, last)
		height := 18.0
		switch n.style {
		case "title":
			height = 24
		case "part":
			height = 20
		}
		if len([]rune(n.text)) > 70 {
			height = 28
		}
		b.set(b.x.SetRowHeight(sheet, row, height))
	}
	return len(notes)
}

// partItems writes the items below the header row, each section's row
// before its first item, then the spare rows, and returns the rows that
// take values as runs between section rows.
func (b *formBuilder) partItems(sheet string, header int, cols []string, items []SeedItem) [][2]int {
	var runs [][2]int
	addRow := func(r int) {
		if n := len(runs); n > 0 && runs[n-1][1] == r-1 {
			runs[n-1][1] = r
			return
		}
		runs = append(runs, [2]int{r, r})
	}
	row, last, section := header, len(cols), ""
	for _, it := range items {
		if it.Section != section {
			section = it.Section
			if section != "" {
				row++
				b.cell(sheet, 1, row, section, "section")
				b.cell(sheet, 2, row, it.SectionTitle, "section")
				end, _ := excelize.CoordinatesToCellName(last, row)
				b.set(b.x.SetCellStyle(sheet, fmt.Sprintf("B%d", row), end, b.styles["section"]))
				b.set(b.x.MergeCell(sheet, fmt.Sprintf("B%d", row), end))
				b.set(b.x.SetRowHeight(sheet, row, 20))
			}
		}
		row++
		b.itemRow(sheet, row, cols, it.Number, it.Title, it.Content)
		addRow(row)
	}
	for range formSpareRows {
		row++
		b.itemRow(sheet, row, cols, "", "", "")
		addRow(row)
	}
	return runs
}

func (b *formBuilder) itemRow(sheet string, row int, cols []string, number, title, content string) {
	for i, c := range cols {
		style := "mark"
		var v any
		switch c {
		case "項番":
			style = "center"
			if number != "" {
				v = number
			}
		case "項目":
			style = "text"
			if title != "" {
				v = title
			}
		case "内容":
			style = "text"
			if content != "" {
				v = content
			}
		case "初回確認":
			style = "center"
		case "完了日":
			style = "date"
		case "合意内容", "備考":
			style = "text"
		}
		b.cell(sheet, i+1, row, v, style)
	}
	if number != "" {
		b.set(FitRowHeights(b.x, sheet, row, row))
	} else {
		b.set(b.x.SetRowHeight(sheet, row, formLineHeight+formRowPadding))
	}
}

// Row height in points of one line of 10-point text, and the padding of a row.
const (
	formLineHeight = 13.5
	formRowPadding = 4
)

// formFitColumns is how many columns, from A, FitRowHeights looks at.
const formFitColumns = 64

// FitRowHeights sets the height of rows from first to last so that their
// wrapped text shows in full, estimated from the text and the column widths
// of columns A to BL (spreadsheet programs do not do it when they open a file).
func FitRowHeights(x *excelize.File, sheet string, first, last int) error {
	merged, err := x.GetMergeCells(sheet)
	if err != nil {
		return err
	}
	inMerge := func(col, row int) bool {
		for _, m := range merged {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 == nil && err2 == nil && c1 <= col && col <= c2 && r1 <= row && row <= r2 && (c1 != c2 || r1 != r2) {
				return true
			}
		}
		return false
	}
	widths := make([]float64, formFitColumns+1)
	for col := 1; col <= formFitColumns; col++ {
		if widths[col], err = x.GetColWidth(sheet, formColName(col)); err != nil {
			return err
		}
	}
	for row := first; row <= last; row++ {
		lines := 1
		for col := 1; col <= formFitColumns; col++ {
			ref, err := excelize.CoordinatesToCellName(col, row)
			if err != nil {
				return err
			}
			v, err := x.GetCellValue(sheet, ref)
			if err != nil {
				return err
			}
			if v == "" || inMerge(col, row) {
				continue
			}
			if n := formTextLines(v, widths[col]); n > lines {
				lines = n
			}
		}
		if err := x.SetRowHeight(sheet, row, float64(lines)*formLineHeight+formRowPadding); err != nil {
			return err
		}
	}
	return nil
}

// formTextLines estimates the lines that text takes when wrapped in a
// column of the given width (in characters of the default font).
func formTextLines(text string, colWidth float64) int {
	avail := colWidth - 0.5
	if avail < 2 {
		avail = 2
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		units := 0.0
		for _, r := range para {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
				units += 1.9
			default:
				units++
			}
		}
		n := int(units/avail) + 1
		if units > 0 && float64(int(units/avail))*avail == units {
			n--
		}
		lines += n
	}
	return lines
}

func (b *formBuilder) levelsSheet() {
	const s = checklist.SheetLevels
	cols := []string{"指標", "目標値", "測定方法", "関連項番", "測定期間", "未達時の措置"}
	notes := []struct{ text, style string }{
		{"サービスレベル", "title"},
		{"SLA（サービス・レベル合意書）を作る場合に、事業者と合意したサービスレベルの目標を1行に1つ書きます。契約書別紙だけを作る場合は空欄のままで構いません。", "note"},
		{"関連項番には、目標に関係する項目を「Part2 B-2」のように書きます。複数ある場合は「、」で区切ります。測定期間は空欄なら月次、未達時の措置は空欄なら是正計画の提出となります。", "note"},
	}
	row := 0
	for _, n := range notes {
		row++
		b.cell(s, 1, row, n.text, n.style)
		b.merge(s, row, len(cols))
		h := 18.0
		if n.style == "title" {
			h = 24
		} else if len([]rune(n.text)) > 60 {
			h = 30
		}
		b.set(b.x.SetRowHeight(s, row, h))
	}
	row++
	header := row
	for i, c := range cols {
		b.cell(s, i+1, header, c, "header")
	}
	b.set(b.x.SetRowHeight(s, header, 24))
	for range formSpareRows {
		row++
		for i := range cols {
			b.cell(s, i+1, row, nil, "text")
		}
	}
	for i, w := range []float64{26, 22, 44, 22, 12, 36} {
		b.set(b.x.SetColWidth(s, formColName(i+1), formColName(i+1), w))
	}
	b.page(s, true, header)
}
