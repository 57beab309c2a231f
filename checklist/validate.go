package checklist

import (
	"slices"
	"strings"

	"github.com/annexgen/annexgen/internal/wareki"
	"github.com/xuri/excelize/v2"
)

// Validate applies the semantic rules to a checklist already read (Load
// calls it). Findings point at the cells of the blank form's standard
// column order (項番, 項目, 内容, 初回確認, 完了日, 医療機関, 事業者A…,
// 合意内容, 備考); Load points at the columns as found in the workbook.
func Validate(c *Checklist, opt Options) Findings {
	fs := validate(c, opt, nil)
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

// validator applies the rules that need the whole checklist.
type validator struct {
	c        *Checklist
	opt      Options
	layout   *layout
	findings Findings
}

func validate(c *Checklist, opt Options, l *layout) Findings {
	v := &validator{c: c, opt: opt, layout: l}
	ids := map[string]bool{}
	for i := range c.Parts {
		p := &c.Parts[i]
		pl := v.partLayout(p.Name)
		items := p.Items()
		for _, it := range items {
			ids[it.ID] = true
			v.item(p, it, pl)
		}
		v.vendorColumns(p, items, pl)
	}
	v.levels(ids)
	return v.findings
}

// partLayout returns the columns of a Part: as read, or the standard ones.
func (v *validator) partLayout(part string) *partLayout {
	if v.layout != nil {
		if pl := v.layout.parts[part]; pl != nil {
			return pl
		}
	}
	return standardLayout(&v.c.Info)
}

func (v *validator) add(key string, at where, args ...any) {
	v.findings = append(v.findings, newFinding(key, at, args...))
}

// itemAt locates a finding in an item's row; col is 0-based, -1 for the whole row.
func itemAt(it *Item, col int) where {
	if col < 0 || it.Row < 1 {
		return where{sheet: it.Sheet, item: it}
	}
	return where{it.Sheet, cellRef(it.Row, col), it}
}

// item applies the per-item rules.
func (v *validator) item(p *Part, it *Item, pl *partLayout) {
	info := &v.c.Info
	owners := it.Owners()
	var marked []string // parties with any mark
	for _, r := range it.Roles {
		if r.Mark != MarkNone {
			marked = append(marked, r.Party)
		}
	}
	if it.Check == CheckBlank {
		v.add("check-blank", itemAt(it, pl.col(fieldCheck)))
	}
	if it.Open() {
		f := newFinding("open-item", itemAt(it, pl.col(fieldDone)))
		if v.opt.Strict {
			f.Severity = SeverityError
		}
		v.findings = append(v.findings, f)
	}
	if !it.Done.IsZero() && !info.FirstDate.IsZero() && it.Done.before(info.FirstDate) {
		v.add("date-order", itemAt(it, pl.col(fieldDone)),
			wareki.Format(it.Done.Year, it.Done.Month, it.Done.Day),
			wareki.Format(info.FirstDate.Year, info.FirstDate.Month, info.FirstDate.Day))
	}
	switch {
	case len(owners) == 0 && it.Applicable():
		var names []string
		for _, r := range it.Roles {
			names = append(names, partyLabel(info, r.Party))
		}
		if len(names) == 0 {
			names = append(names, HospitalKey)
		}
		v.add("owner-missing", itemAt(it, pl.roleCol(firstParty(it))), joinJa(names))
	case len(owners) > 1:
		var names []string
		for _, k := range owners {
			names = append(names, partyLabel(info, k))
		}
		v.add("owner-multiple", itemAt(it, pl.roleCol(owners[1])), len(owners), joinJa(names))
	}
	if p.Name == SheetPart1 {
		for _, k := range owners {
			if k != HospitalKey {
				v.add("part1-vendor-owner", itemAt(it, pl.roleCol(k)), partyLabel(info, k))
			}
		}
	}
	if p.Name == SheetPart2 && it.Applicable() && len(marked) == 1 && len(it.Roles) > 1 {
		var others []string
		other := ""
		for _, r := range it.Roles {
			if r.Party != marked[0] {
				others = append(others, partyLabel(info, r.Party))
				if other == "" {
					other = r.Party
				}
			}
		}
		v.add("joint-one-party", itemAt(it, pl.roleCol(other)), partyLabel(info, marked[0]), joinJa(others))
	}
	if it.Applicable() && it.Agreement == "" {
		v.add("agreement-missing", itemAt(it, pl.col(fieldAgreement)))
	}
	if it.Check == CheckNA && it.Remarks == "" {
		col := pl.col(fieldRemarks)
		if col < 0 {
			col = pl.col(fieldCheck)
		}
		v.add("na-no-reason", itemAt(it, col))
	}
}

// firstParty returns the key of the item's first role column.
func firstParty(it *Item) string {
	if len(it.Roles) > 0 {
		return it.Roles[0].Party
	}
	return HospitalKey
}

// vendorColumns reports the vendors of 基本情報 that a Part has no role
// column for.
func (v *validator) vendorColumns(p *Part, items []*Item, pl *partLayout) {
	if len(items) == 0 {
		return
	}
	has := map[string]bool{}
	for _, it := range items {
		for _, r := range it.Roles {
			has[r.Party] = true
		}
	}
	at := where{sheet: items[0].Sheet}
	if pl.headerRow > 0 {
		at.ref = cellRef(pl.headerRow, 0)
	}
	for _, vd := range v.c.Info.Vendors {
		if !has[vd.Key] {
			v.add("vendor-no-column", at, items[0].Sheet, partyLabel(&v.c.Info, vd.Key), vd.Key)
		}
	}
}

// levels reports 関連項番 that name no item.
func (v *validator) levels(ids map[string]bool) {
	for _, lv := range v.c.Levels {
		at := where{sheet: lv.Cell.Sheet}
		if col, row, err := excelize.CellNameToCoordinates(lv.Cell.Ref); err == nil {
			itemsCol := col - 1 + 3
			if v.layout != nil && v.layout.levelItems >= 0 {
				itemsCol = v.layout.levelItems
			}
			at.ref = cellRef(row, itemsCol)
		}
		for _, id := range lv.Items {
			part, _, _ := strings.Cut(id, " ")
			if !ids[id] && (v.layout == nil || !v.layout.unread[part]) {
				v.add("level-item-unknown", at, quoteValue(lv.Metric), id)
			}
		}
	}
}

// orderFindings puts findings in workbook order: by sheet (as ranked by
// sheetIndex), row, then column; findings about a whole sheet first.
func orderFindings(fs Findings, sheetIndex func(string) int) {
	type keyed struct {
		sheet, row, col int
		f               Finding
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
