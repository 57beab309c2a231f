package badgen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

func relEscape() ([]byte, error) {
	return editGood(nil, replaceIn("xl/_rels/workbook.xml.rels", "worksheets/sheet2.xml", "../../../../etc/passwd", 1))
}

func entities() ([]byte, error) {
	const dtd = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">` +
		`<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`
	return editGood(nil, inParts(func(s string) string {
		s = dtd + s[strings.Index(s, "<sst"):]
		return strings.Replace(s, "契約範囲", "&c;", 1)
	}, "xl/sharedStrings.xml"))
}

func truncated() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	return b[:len(b)/2], err
}

func encrypted() ([]byte, error) {
	x := good(2)
	defer x.Close()
	var buf bytes.Buffer
	err := x.Write(&buf, excelize.Options{Password: Password})
	return buf.Bytes(), err
}

// formulaErrors puts formulas with cached error values in 初回確認 and
// 合意内容 of Part1 item 1, as Excel saves them.
func formulaErrors() ([]byte, error) {
	return editGood(nil, part1Cells(
		"D4", `<c r="D4" t="e"><f>VLOOKUP(A4,一覧!A:B,2,FALSE)</f><v>#N/A</v></c>`,
		"I4", `<c r="I4" t="e"><f>Sheet9!B2</f><v>#REF!</v></c>`,
	))
}

// sharedStringPatch writes 合意内容 of Part1 item 1 as the shared string s,
// written into the XML without escaping.
func sharedStringPatch(s string) ([]byte, error) {
	const marker = "置換する文字列"
	return editGood(func(x *excelize.File) error { return x.SetCellValue("Part1", "I4", marker) },
		replaceIn("xl/sharedStrings.xml", marker, s, 1))
}

func sstIndex() ([]byte, error) {
	return editGood(nil, part1Cells("I4", `<c r="I4" t="s"><v>99999</v></c>`))
}

func styleIndex() ([]byte, error) {
	return editGood(func(x *excelize.File) error {
		return x.SetCellValue("Part1", "E5", 45474) // a date serial, whose style says nothing
	}, edits(
		part1Cells("E5", `<c r="E5" s="9999"><v>45474</v></c>`),
		replaceIn(part1Sheet, `<c r="B4" `, `<c r="B4" s="-3" `, 1),
	))
}

// Markup lists the cell texts of markup.xlsx, by cell of Part1.
var Markup = map[string]string{
	"B4": "# 見出しのような項目",
	"C4": "<script>alert('x')</script> と <b>太字</b>",
	"I4": "{{.Info.Hospital.Name}} と {{template \"x\"}} と **強調** と [リンク](javascript:alert(1))",
	"J4": "| 表 | のような | 行 |\n|---|---|---|\n- 箇条書き\n1. 番号\n> 引用\n```\nコード\n```",
	"B5": "&amp; と &#x41; と \\ と ` と _下線_",
}

func markup() ([]byte, error) {
	return bookBytes(good(2), func(x *excelize.File) error {
		refs := make([]string, 0, len(Markup))
		for ref := range Markup {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			if err := x.SetCellValue("Part1", ref, Markup[ref]); err != nil {
				return err
			}
		}
		return x.SetCellValue("基本情報", "B6", "# 保守契約 <b>{{.}}</b>")
	})
}

func hidden() ([]byte, error) {
	return bookBytes(good(2), func(x *excelize.File) error {
		if err := x.SetRowVisible("Part1", 5, false); err != nil {
			return err
		}
		if _, err := x.NewSheet("メモ"); err != nil {
			return err
		}
		if err := x.SetCellValue("メモ", "A1", "社内メモ"); err != nil {
			return err
		}
		if err := x.SetSheetVisible("メモ", false, true); err != nil {
			return err
		}
		return x.SetSheetVisible("Part2", false)
	})
}

func allHidden() ([]byte, error) {
	// excelize keeps one sheet visible; a file written by other software may not.
	return editGood(nil, replaceIn("xl/workbook.xml", `<sheet name=`, `<sheet state="hidden" name=`, -1))
}

func wide() ([]byte, error) {
	// Row 3 (the header) gets a cell in every column from L to XFD.
	var cells strings.Builder
	for col := 12; col <= 16384; col++ {
		ref, _ := excelize.CoordinatesToCellName(col, 3)
		fmt.Fprintf(&cells, `<c r="%s"><v>%d</v></c>`, ref, col)
	}
	return editGood(nil, inPart(part1Sheet, func(sheet string) (string, error) {
		end := strings.Index(sheet, `</row><row r="4"`)
		if end < 0 {
			return "", fmt.Errorf("no row 4")
		}
		sheet = sheet[:end] + cells.String() + sheet[end:]
		return strings.Replace(sheet, `<dimension ref="A1:J5"/>`, `<dimension ref="A1:XFD5"/>`, 1), nil
	}))
}

func mergeAll() ([]byte, error) {
	return editGood(nil, replaceIn(part1Sheet, `</sheetData>`, `</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`, 1))
}

func manySheets() ([]byte, error) {
	return bookBytes(good(2), func(x *excelize.File) error {
		for i := range 200 {
			if _, err := x.NewSheet(fmt.Sprintf("作業%03d", i+1)); err != nil {
				return err
			}
		}
		return nil
	})
}
