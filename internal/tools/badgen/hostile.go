package badgen

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// accountedCases are the files that try to make a document lose items or
// copy values without a word, and the packages and XML shapes that try
// to exhaust time or memory before a single cell is read.
func accountedCases() []Case {
	return slices.Concat(
		storageCases(),
		floodCases(),
		sheetNameCases(),
		valueCases(),
		bigPartCases(),
		otherFormatCases(),
	)
}

// storageCases store the parts, rows and cells of a workbook in an order
// or under names that Excel does not write, but that a reader must follow.
func storageCases() []Case {
	return []Case{
		{Name: "rows-descending.xlsx", What: "Part1 and Part2 whose <row> elements are stored last row first", Build: func() ([]byte, error) {
			return editSheets(func(s string) string { return ReverseMatches(s, reRow) })
		}},
		{Name: "cells-reversed.xlsx", What: "Part1 and Part2 whose cells are stored last column first in every row", Build: func() ([]byte, error) {
			return editSheets(func(s string) string {
				return reRow.ReplaceAllStringFunc(s, func(r string) string { return ReverseMatches(r, reCell) })
			})
		}},
		{Name: "row-twice.xlsx", What: "a Part1 sheet holding row 4 twice", Build: func() ([]byte, error) {
			return editSheets(func(s string) string {
				rows := reRow.FindAllString(s, -1)
				return strings.Replace(s, "</sheetData>", rows[3]+"</sheetData>", 1)
			})
		}},
		{Name: "shared-sheet.xlsx", What: "Part2's relationship pointing at Part1's sheet part", Build: func() ([]byte, error) {
			return editGood(nil, replaceIn("xl/_rels/workbook.xml.rels", "worksheets/sheet3.xml", "worksheets/sheet2.xml", 1))
		}},
		{Name: "dup-entry.xlsx", What: "two zip entries named xl/worksheets/sheet3.xml, the second a copy of Part1", Build: dupEntry},
		{Name: "backslash-names.xlsx", What: "a valid workbook whose zip entry names use backslashes", Build: func() ([]byte, error) {
			return editGood(nil, func(e *entry) error {
				e.name = strings.ReplaceAll(e.name, "/", "\\")
				return nil
			})
		}},
		{Name: "workbook-elsewhere.xlsx", What: "a valid workbook whose workbook part is xl/book.xml, found through _rels/.rels", Build: workbookElsewhere},
	}
}

// floodCases are sheet parts and shared strings that try to exhaust time
// or memory with many or deeply nested elements.
func floodCases() []Case {
	return []Case{
		{Name: "deep-nesting.xlsx", What: "a Part1 sheet with 2,000,000 nested elements (6 MB)", Build: func() ([]byte, error) {
			return editGood(nil, replaceIn(part1Sheet, "</sheetData>", "</sheetData>"+strings.Repeat("<x>", 2000000)+strings.Repeat("</x>", 2000000), 1))
		}},
		{Name: "empty-rows.xlsx", What: "a Part1 sheet with 15,000,000 empty <row/> (90 MB unzipped)", Big: true, Build: func() ([]byte, error) {
			return emptyRows(15000000)
		}},
		{Name: "empty-rows-2m.xlsx", What: "a Part1 sheet with 2,000,000 empty <row/> (12 MB unzipped)", Build: func() ([]byte, error) {
			return emptyRows(2000000)
		}},
		{Name: "merges-3m.xlsx", What: "a Part1 sheet with 3,000,000 <mergeCell> (78 MB unzipped)", Big: true, Build: func() ([]byte, error) {
			return merges(3000000)
		}},
		{Name: "merges-20k.xlsx", What: "a Part1 sheet with 20,000 <mergeCell>", Build: func() ([]byte, error) { return merges(20000) }},
		{Name: "cells-600k.xlsx", What: "a Part1 row of 600,000 empty cells", Build: func() ([]byte, error) {
			return editGood(nil, replaceIn(part1Sheet, "</sheetData>", `<row r="9">`+strings.Repeat("<c/>", 600000)+"</row></sheetData>", 1))
		}},
		{Name: "strings-1m.xlsx", What: "shared strings with 1,100,000 empty <si/> after the real ones", Build: func() ([]byte, error) {
			return editGood(nil, replaceIn("xl/sharedStrings.xml", "</sst>", strings.Repeat("<si/>", 1100000)+"</sst>", 1))
		}},
	}
}

// sheetNameCases are Part sheets renamed or deleted by their user.
func sheetNameCases() []Case {
	return []Case{
		{Name: "part2-renamed.xlsx", What: "Part2 renamed 「Part2（共同実施）」 by its user", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.SetSheetName("Part2", "Part2（共同実施）") })
		}},
		{Name: "part2-katakana.xlsx", What: "Part2 renamed 「パート２」", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.SetSheetName("Part2", "パート２") })
		}},
		{Name: "part2-missing.xlsx", What: "a workbook whose Part2 sheet was deleted", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.DeleteSheet("Part2") })
		}},
		{Name: "part1-missing.xlsx", What: "a workbook whose Part1 sheet was deleted", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.DeleteSheet("Part1") })
		}},
	}
}

// valueCases are merges, dates and columns that could make a document
// copy, change or drop a value.
func valueCases() []Case {
	return []Case{
		{Name: "merge-items.xlsx", What: "合意内容 of Part1 items 1 and 2 merged into one cell", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error {
				if err := x.SetCellValue("Part1", "I5", ""); err != nil {
					return err
				}
				return x.MergeCell("Part1", "I4", "I5")
			})
		}},
		{Name: "merged-number.xlsx", What: "Part1 項番 cells A4:A5 merged while A5 still stores 「2」 (Excel keeps such values hidden)", Build: func() ([]byte, error) {
			return editGood(nil, replaceIn(part1Sheet, "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="A4:A5"/></mergeCells>`, 1))
		}},
		{Name: "clerk-dates.xlsx", What: "dates with weekdays, a 完了日 after 作成日 and a はい item with a 完了日", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error {
				for _, c := range [][2]string{{"E4", "令和6年6月3日（月）"}, {"E5", "2024/8/1(木)"}, {"D5", "いいえ"}} {
					if err := x.SetCellValue("Part1", c[0], c[1]); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		{Name: "date-range.xlsx", What: "a 完了日 cell formatted as a date holding -5, outside Excel's dates", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error {
				if err := x.SetCellValue("Part1", "E5", -5); err != nil {
					return err
				}
				st, err := x.NewStyle(&excelize.Style{NumFmt: 14})
				if err != nil {
					return err
				}
				return x.SetCellStyle("Part1", "E5", "E5", st)
			})
		}},
		{Name: "vendor-no-column.xlsx", What: "a vendor of 基本情報 without a role column in Part1", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.RemoveCol("Part1", "H") })
		}},
	}
}

// bigPartCases are styles, workbook and sheet parts that are large or
// deep, some of them valid.
func bigPartCases() []Case {
	return []Case{
		{Name: "styles-180k.xlsx", What: "a valid workbook whose styles list 180,000 cell formats (15 MB unzipped, just under the part limit)", Build: func() ([]byte, error) {
			xf := `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
			return editGood(nil, replaceIn("xl/styles.xml", "</cellXfs>", strings.Repeat(xf, 180000)+"</cellXfs>", 1))
		}},
		{Name: "sheets-1500.xlsx", What: "a workbook part listing 1,500 sheets", Build: func() ([]byte, error) {
			var b strings.Builder
			for i := range 1500 {
				fmt.Fprintf(&b, `<sheet name="S%d" sheetId="%d" r:id="rId%d"/>`, i, i+10, i+10)
			}
			return editGood(nil, replaceIn("xl/workbook.xml", "</sheets>", b.String()+"</sheets>", 1))
		}},
		{Name: "deep-no-ending.xlsx", What: "Part1's sheet part named without .xml, holding 2,000,000 nested elements", Build: func() ([]byte, error) {
			return editGood(nil, edits(
				replaceIn("xl/_rels/workbook.xml.rels", "sheet2.xml", "sheet2", -1),
				replaceIn("[Content_Types].xml", "sheet2.xml", "sheet2", -1),
				replaceIn(part1Sheet, "</sheetData>", "</sheetData>"+strings.Repeat("<x>", 2000000)+strings.Repeat("</x>", 2000000), 1),
				rename(part1Sheet, "xl/worksheets/sheet2"),
			))
		}},
	}
}

// otherFormatCases are spreadsheets of other programs, named .xlsx.
func otherFormatCases() []Case {
	return []Case{
		{Name: "numbers-renamed.xlsx", What: "an Apple Numbers document renamed to .xlsx", Build: func() ([]byte, error) {
			return zipOf("Index/Document.iwa", "\x00\x01", "Metadata/Properties.plist", "<plist/>")
		}},
		{Name: "xml2003.xlsx", What: "an XML Spreadsheet 2003 renamed to .xlsx", Build: func() ([]byte, error) {
			return []byte(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Part1"/></Workbook>`), nil
		}},
		{Name: "html.xlsx", What: "a web page saved with an Excel ending", Build: func() ([]byte, error) {
			return []byte("<html><body><table><tr><td>項番</td></tr></table></body></html>"), nil
		}},
		{Name: "biff4.xlsx", What: "an Excel 4.0 worksheet (BIFF4) renamed to .xlsx", Build: func() ([]byte, error) {
			return []byte{0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00}, nil
		}},
	}
}

var (
	reRow  = regexp.MustCompile(`(?s)<row [^>]*?(?:/>|>.*?</row>)`)
	reCell = regexp.MustCompile(`(?s)<c [^>]*?(?:/>|>.*?</c>)`)
)

// ReverseMatches reverses the order of the matches of re in s, leaving the
// text between them in place: rows or cells stored in reverse order.
func ReverseMatches(s string, re *regexp.Regexp) string {
	locs := re.FindAllStringIndex(s, -1)
	if len(locs) < 2 {
		return s
	}
	parts := make([]string, len(locs))
	for i, l := range locs {
		parts[i] = s[l[0]:l[1]]
	}
	slices.Reverse(parts)
	var b strings.Builder
	b.WriteString(s[:locs[0][0]])
	for i, l := range locs {
		b.WriteString(parts[i])
		if i+1 < len(locs) {
			b.WriteString(s[l[1]:locs[i+1][0]])
		}
	}
	b.WriteString(s[locs[len(locs)-1][1]:])
	return b.String()
}

func dupEntry() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	part1, err := part(b, part1Sheet)
	if err != nil {
		return nil, err
	}
	return repack(b, nil, entry{name: part2Sheet, data: []byte(part1)})
}

func workbookElsewhere() ([]byte, error) {
	return editGood(nil, edits(
		rename("xl/workbook.xml", "xl/book.xml"),
		rename("xl/_rels/workbook.xml.rels", "xl/_rels/book.xml.rels"),
		replaceIn("_rels/.rels", "xl/workbook.xml", "xl/book.xml", -1),
		replaceIn("[Content_Types].xml", "xl/workbook.xml", "xl/book.xml", -1),
	))
}

func emptyRows(n int) ([]byte, error) {
	return editGood(nil, replaceIn(part1Sheet, "</sheetData>", strings.Repeat("<row/>", n)+"</sheetData>", 1))
}

func merges(n int) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, `</sheetData><mergeCells count="%d">`, n)
	for i := range n {
		fmt.Fprintf(&b, `<mergeCell ref="K%d:L%d"/>`, i+10, i+10)
	}
	b.WriteString("</mergeCells>")
	return editGood(nil, replaceIn(part1Sheet, "</sheetData>", b.String(), 1))
}
