package annotate

import (
	"fmt"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/xuri/excelize/v2"
)

// summaryHeader is the header row of the 「確認結果」 sheet.
var summaryHeader = []string{"重大度", "場所", "項目", "内容", "コード"}

// summary adds the 「確認結果」 sheet as the first and active sheet.
func (a *annotator) summary(findings checklist.Findings) error {
	name := a.freeName()
	if _, err := a.x.NewSheet(name); err != nil {
		return err
	}
	if err := a.writeSummary(name, findings); err != nil {
		return err
	}
	if err := a.moveFirst(name); err != nil {
		return err
	}
	a.x.SetActiveSheet(0)
	return nil
}

// freeName is SheetName, or "確認結果 (2)"… when the workbook has a sheet of that name.
func (a *annotator) freeName() string {
	name := SheetName
	for i := 2; a.hasSheet(name); i++ {
		name = fmt.Sprintf("%s (%d)", SheetName, i)
	}
	return name
}

// writeSummary fills the 「確認結果」 sheet: a title, the counts, the
// header and one row per finding, its place linked to the cell.
func (a *annotator) writeSummary(name string, findings checklist.Findings) error {
	x := a.x
	title := fmt.Sprintf("確認結果: エラー %d件、警告 %d件、情報 %d件",
		findings.Count(checklist.SeverityError), findings.Count(checklist.SeverityWarning), findings.Count(checklist.SeverityInfo))
	if len(findings) == 0 {
		title = "確認結果: 問題は見つかりませんでした"
	}
	if err := x.SetCellStr(name, "A1", title); err != nil {
		return err
	}
	if err := x.SetSheetRow(name, "A3", &summaryHeader); err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := x.SetCellStyle(name, "A1", "A1", bold); err != nil {
		return err
	}
	head, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	if err != nil {
		return err
	}
	if err := x.SetCellStyle(name, "A3", "E3", head); err != nil {
		return err
	}
	link, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	if err != nil {
		return err
	}
	wrap, err := x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, f := range findings {
		row := 4 + i
		values := []any{f.Severity.Japanese(), f.Location(), f.Item, f.Message, string(f.Code)}
		if err := x.SetSheetRow(name, fmt.Sprintf("A%d", row), &values); err != nil {
			return err
		}
		if err := x.SetCellStyle(name, fmt.Sprintf("D%d", row), fmt.Sprintf("D%d", row), wrap); err != nil {
			return err
		}
		target := a.target(f)
		if target == "" {
			continue
		}
		cell := fmt.Sprintf("B%d", row)
		tip := "クリックすると " + f.Location() + " へ移動します"
		if err := x.SetCellHyperLink(name, cell, target, "Location", excelize.HyperlinkOpts{Tooltip: &tip}); err != nil {
			return err
		}
		if err := x.SetCellStyle(name, cell, cell, link); err != nil {
			return err
		}
	}
	return a.layoutSummary(name)
}

// target is the link of a finding: 'Sheet'!A1, the sheet's A1 for a
// finding about a whole sheet, "" for one about the file.
func (a *annotator) target(f checklist.Finding) string {
	if !a.hasSheet(f.Sheet) {
		return ""
	}
	cell := "A1"
	if _, _, err := excelize.CellNameToCoordinates(f.Cell); f.Cell != "" && err == nil {
		cell = f.Cell
	}
	return "'" + strings.ReplaceAll(f.Sheet, "'", "''") + "'!" + cell
}

// layoutSummary sets the columns' widths and freezes the header.
func (a *annotator) layoutSummary(name string) error {
	for col, width := range map[string]float64{"A": 9, "B": 16, "C": 14, "D": 90, "E": 20} {
		if err := a.x.SetColWidth(name, col, col, width); err != nil {
			return err
		}
	}
	if err := a.x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// Printed on A4 landscape, one page wide, the header on every page.
	a4, landscape, one, tall := 9, "landscape", 1, 0
	if err := a.x.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := a.x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return a.x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + strings.ReplaceAll(name, "'", "''") + "'!$3:$3", Scope: name})
}

// moveFirst moves the sheet before all others. Names defined for one
// sheet (print titles, print areas, filters) are tied to the sheet's
// position, which the move changes: they are taken off and defined again.
//
// A workbook with a sheet excelize cannot open (its part is missing) keeps
// the sheet last: moving sheets needs every sheet's view.
func (a *annotator) moveFirst(name string) error {
	first := a.x.GetSheetName(0)
	if first == name {
		return nil
	}
	for _, sheet := range a.x.GetSheetList() {
		if _, err := a.x.GetSheetView(sheet, 0); err != nil {
			return nil
		}
	}
	var local []excelize.DefinedName
	for _, dn := range a.x.GetDefinedName() {
		if dn.Scope != "" && dn.Scope != "Workbook" {
			local = append(local, dn)
		}
	}
	for _, dn := range local {
		if err := a.x.DeleteDefinedName(&excelize.DefinedName{Name: dn.Name, Scope: dn.Scope}); err != nil {
			return err
		}
	}
	if err := a.x.MoveSheet(name, first); err != nil {
		return err
	}
	for _, dn := range local {
		if err := a.x.SetDefinedName(&dn); err != nil {
			return err
		}
	}
	return nil
}
