package xlsx

import (
	"slices"

	"github.com/annexgen/annexgen/checklist"
	"github.com/xuri/excelize/v2"
)

// field is a column of a Part sheet other than the role columns.
type field = checklist.Field

const (
	fieldNumber    = checklist.FieldNumber
	fieldTitle     = checklist.FieldTitle
	fieldContent   = checklist.FieldContent
	fieldCheck     = checklist.FieldCheck
	fieldDone      = checklist.FieldDone
	fieldAgreement = checklist.FieldAgreement
	fieldRemarks   = checklist.FieldRemarks
	fieldCount     = fieldRemarks + 1
)

// fieldHeaders are the header texts of the fields, in the form's order.
var fieldHeaders = [fieldCount]string{"項番", "項目", "内容", "初回確認", "完了日", "合意内容", "備考"}

// layout records where a workbook's values were read. It is the
// checklist.Locator of the workbook: the rules' findings about items and
// fields become cells.
type layout struct {
	parts      map[string]*partLayout // by Part name
	unread     map[string]bool        // Part sheets present but not read
	levelItems int                    // 0-based column of 関連項番; -1 if unknown
}

// partLayout is the column layout of a Part sheet.
type partLayout struct {
	headerRow int
	cols      [fieldCount]int // 0-based; -1 when absent
	roles     map[string]int  // party key -> 0-based column
}

// standardLayout is the layout of the blank form: the fields in the
// spec's order, with a role column for the hospital and each vendor.
func standardLayout(info *checklist.Info) *partLayout {
	l := &partLayout{headerRow: 0, roles: map[string]int{checklist.HospitalKey: 5}}
	for f := fieldNumber; f <= fieldDone; f++ {
		l.cols[f] = int(f)
	}
	for i, v := range info.Vendors {
		l.roles[v.Key] = 6 + i
	}
	l.cols[fieldAgreement] = 6 + len(info.Vendors)
	l.cols[fieldRemarks] = 7 + len(info.Vendors)
	return l
}

// col returns the column of a field, -1 when absent.
func (l *partLayout) col(f field) int { return l.cols[f] }

// roleCol returns the column of a party, -1 when absent.
func (l *partLayout) roleCol(key string) int {
	if c, ok := l.roles[key]; ok {
		return c
	}
	return -1
}

// locator is the checklist.Locator of one workbook: the layout as read,
// or, for a Part the layout lacks, the blank form's.
type locator struct {
	l    *layout // nil: the blank form's layout everywhere
	info *checklist.Info
}

func (lc locator) part(name string) *partLayout {
	if lc.l != nil {
		if pl := lc.l.parts[name]; pl != nil {
			return pl
		}
	}
	return standardLayout(lc.info)
}

// ItemCell returns the cell of an item's field in its row.
func (lc locator) ItemCell(it *checklist.Item, f checklist.Field, party string) checklist.Cell {
	pl := lc.part(it.Part)
	col := -1
	if f == checklist.FieldRole {
		col = pl.roleCol(party)
	} else {
		col = pl.col(f)
	}
	if col < 0 || it.Row < 1 {
		return checklist.Cell{Sheet: it.Sheet}
	}
	return checklist.Cell{Sheet: it.Sheet, Ref: cellRef(it.Row, col)}
}

// HeaderCell returns column A of a Part's header row.
func (lc locator) HeaderCell(p *checklist.Part) checklist.Cell {
	items := p.Items()
	if len(items) == 0 {
		return checklist.Cell{}
	}
	at := checklist.Cell{Sheet: items[0].Sheet}
	if pl := lc.part(p.Name); pl.headerRow > 0 {
		at.Ref = cellRef(pl.headerRow, 0)
	}
	return at
}

// LevelCell returns the 関連項番 cell of a service level's row.
func (lc locator) LevelCell(lv *checklist.ServiceLevel) checklist.Cell {
	at := checklist.Cell{Sheet: lv.Cell.Sheet}
	if col, row, err := excelize.CellNameToCoordinates(lv.Cell.Ref); err == nil {
		itemsCol := col - 1 + 3
		if lc.l != nil && lc.l.levelItems >= 0 {
			itemsCol = lc.l.levelItems
		}
		at.Ref = cellRef(row, itemsCol)
	}
	return at
}

// Unread reports a Part sheet present in the workbook but not read.
func (lc locator) Unread(part string) bool { return lc.l != nil && lc.l.unread[part] }

// Validate applies the rules to a checklist built in memory rather than
// read (Load and Read validate what they read): findings point at the
// cells of the blank form's column order (項番, 項目, 内容, 初回確認,
// 完了日, 医療機関, 事業者A…, 合意内容, 備考), in workbook order.
func Validate(c *checklist.Checklist, opt checklist.Options) checklist.Findings {
	fs := checklist.Validate(c, opt, locator{info: &c.Info})
	order := []string{c.Info.Hospital.Cell.Sheet}
	for _, p := range c.Parts {
		for _, it := range p.Items() {
			order = append(order, it.Sheet)
			break
		}
	}
	if len(c.Levels) > 0 {
		order = append(order, c.Levels[0].Cell.Sheet)
	}
	orderFindings(fs, func(sheet string) int { return slices.Index(order, sheet) })
	return fs
}

// orderFindings puts findings in workbook order: by sheet (as ranked by
// sheetIndex), row, then column; findings about a whole sheet first.
func orderFindings(fs checklist.Findings, sheetIndex func(string) int) {
	type keyed struct {
		sheet, row, col int
		f               checklist.Finding
	}
	ks := make([]keyed, len(fs))
	for i, f := range fs {
		k := keyed{sheet: -2, f: f}
		if f.Sheet != "" {
			k.sheet = sheetIndex(f.Sheet)
		}
		if f.Cell != "" {
			k.col, k.row, _ = excelize.CellNameToCoordinates(f.Cell)
		}
		ks[i] = k
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.sheet != b.sheet:
			return a.sheet - b.sheet
		case a.row != b.row:
			return a.row - b.row
		}
		return a.col - b.col
	})
	for i, k := range ks {
		fs[i] = k.f
	}
}
