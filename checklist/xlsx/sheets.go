package xlsx

import (
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/xuri/excelize/v2"
)

// The Part descriptions of the form's title rows, which tell a renamed
// Part sheet's Part.
var partTitles = map[string]string{
	foldKey("主に医療機関が実施する項目"):      checklist.SheetPart1,
	foldKey("医療機関と事業者が共同で実施する項目"): checklist.SheetPart2,
}

// classify finds the sheet of each kind: by its name, or, for a Part sheet
// renamed by its user (「Part2（共同実施）」, 「パート2」), by its header row
// and title. It returns kind -> sheet name as written; every other sheet
// gets an info finding, and a sheet that is a second one of a kind, or a
// Part sheet whose Part cannot be told, an error.
func (b *bookReader) classify() map[string]string {
	found := map[string]string{}
	var renamed []struct{ name, kind string }
	var ignored []string
	for _, name := range b.sheets {
		kind, ok := sheetKinds[foldKey(name)]
		switch {
		case !ok:
			if k, part := b.partSheet(name); part {
				renamed = append(renamed, struct{ name, kind string }{name, k})
			} else {
				ignored = append(ignored, name)
			}
		case found[kind] != "":
			b.add(checklist.MsgSheetDuplicate, where{sheet: name}, name, found[kind])
		default:
			found[kind] = name
			b.noteHidden(name)
		}
	}
	for _, r := range renamed {
		switch {
		case r.kind == "":
			b.add(checklist.MsgHeaderMissingPartOf, where{sheet: r.name}, r.name)
		case found[r.kind] != "":
			b.add(checklist.MsgSheetDuplicate, where{sheet: r.name}, r.name, found[r.kind])
		default:
			found[r.kind] = r.name
			b.add(checklist.MsgSheetRenamed, where{sheet: r.name}, r.name, r.kind, r.kind)
			b.noteHidden(r.name)
		}
	}
	for i, name := range ignored {
		if i < maxIgnoredNotes {
			b.add(checklist.MsgSheetIgnored, where{sheet: name}, name)
			continue
		}
		b.add(checklist.MsgSheetIgnoredMore, where{sheet: name}, len(ignored)-maxIgnoredNotes)
		break
	}
	return found
}

// noteHidden notes a hidden sheet that is read.
func (b *bookReader) noteHidden(name string) {
	if visible, err := b.x.GetSheetVisible(name); err == nil && !visible {
		b.add(checklist.MsgSheetHidden, where{sheet: name}, name)
	}
}

// partSheet reports whether a sheet not named as a Part is one all the
// same: a header row with 項番, 項目 and 内容, and 合意内容 or 初回確認,
// within the first rows. kind is its Part, from the digit of its name
// (「パート２」) or the description in its title rows; "" when neither
// tells.
func (b *bookReader) partSheet(name string) (kind string, ok bool) {
	rows := b.peek(name, headerSearchRows)
	g := &grid{name: name, rows: rows}
	header := findHeader(g, "項番", "項目", "内容")
	if header == 0 || findHeader(&grid{rows: rows[header-1 : header]}, "合意内容") == 0 &&
		findHeader(&grid{rows: rows[header-1 : header]}, "初回確認") == 0 {
		return "", false
	}
	key := foldKey(name)
	one, two := strings.Contains(key, "1"), strings.Contains(key, "2")
	switch {
	case one && !two:
		return checklist.SheetPart1, true
	case two && !one:
		return checklist.SheetPart2, true
	}
	if title := partTitle(g, header); title != "" {
		return partTitles[foldKey(title)], true
	}
	return "", true
}

// peek returns the first n rows of a sheet, outside the bounds of the
// workbook: they are read again if the sheet is a Part.
func (b *bookReader) peek(name string, n int) [][]string {
	rows, err := b.x.Rows(name)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out [][]string
	for r := 1; r <= n && rows.Next(); r++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil
		}
		out = append(out, cols[:min(len(cols), 64)])
	}
	return out
}

// missingParts reports a workbook without Part1 (an error: no document can
// be made) or without Part2 (a warning: the form's first step uses Part1
// alone; the documents refuse it).
func (b *bookReader) missingParts(found map[string]string) {
	switch p1, p2 := found[checklist.SheetPart1] != "", found[checklist.SheetPart2] != ""; {
	case !p1 && !p2:
		b.add(checklist.MsgHeaderMissingParts, where{})
		b.layout.unread[checklist.SheetPart1], b.layout.unread[checklist.SheetPart2] = true, true
	case !p1:
		b.add(checklist.MsgHeaderMissingPart1, where{sheet: checklist.SheetPart1})
		b.layout.unread[checklist.SheetPart1] = true
	case !p2:
		b.add(checklist.MsgPartMissing, where{sheet: checklist.SheetPart2})
	}
}
