package badgen

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// notWorkbookCases are files that are not workbooks at all, named .xlsx.
func notWorkbookCases() []Case {
	return []Case{
		{Name: "empty.xlsx", What: "an empty file", Build: func() ([]byte, error) { return []byte{}, nil }},
		{Name: "text.xlsx", What: "a CSV text file renamed to .xlsx", Build: func() ([]byte, error) {
			return []byte("項番,項目,内容\n1,契約範囲,対象とする業務の範囲\n"), nil
		}},
		{Name: "pdf.xlsx", What: "a PDF renamed to .xlsx", Build: func() ([]byte, error) {
			return []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), nil
		}},
		{Name: "truncated.xlsx", What: "the first half of a valid workbook", Build: truncated},
		{Name: "docx.xlsx", What: "a Word document renamed to .xlsx", Build: func() ([]byte, error) {
			return zipOf("[Content_Types].xml", contentTypes, "word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`)
		}},
		{Name: "zip.xlsx", What: "a zip archive of text files renamed to .xlsx", Build: func() ([]byte, error) {
			return zipOf("readme.txt", "確認表ではありません", "data/list.csv", "a,b\n")
		}},
		{Name: "xlsb.xlsx", What: "an Excel binary workbook renamed to .xlsx", Build: func() ([]byte, error) {
			return zipOf("[Content_Types].xml", contentTypes, "xl/workbook.bin", "\x83\x01\x00")
		}},
	}
}

// brokenPackageCases are workbooks whose package is damaged, hostile or
// locked.
func brokenPackageCases() []Case {
	return []Case{
		{Name: "nosheets.xlsx", What: "a workbook part that lists no sheets", Build: func() ([]byte, error) {
			return editGood(nil, setPart("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`))
		}},
		{Name: "brokenxml.xlsx", What: "a workbook whose Part1 sheet is not well-formed XML", Build: func() ([]byte, error) {
			return editGood(nil, setPart(part1Sheet, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>項番</t></is></c>`))
		}},
		{Name: "missing-part.xlsx", What: "a workbook whose Part1 sheet part is empty", Build: func() ([]byte, error) {
			return editGood(nil, setPart(part1Sheet, ""))
		}},
		{Name: "rel-escape.xlsx", What: "a workbook whose Part1 sheet points at /etc/passwd outside the zip", Build: relEscape},
		{Name: "xml-entities.xlsx", What: "shared strings with a DTD that defines entities (billion laughs)", Build: entities},
		{Name: "password.xlsx", What: "a valid workbook encrypted with Password (ECMA-376 agile encryption)", Varies: true, Build: encrypted},
	}
}

// sheetCases are workbooks whose sheets or header rows are not those of
// the checklist.
func sheetCases() []Case {
	return []Case{
		{Name: "nosheet-info.xlsx", What: "a workbook without the 基本情報 sheet", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.DeleteSheet("基本情報") })
		}},
		{Name: "renamed-sheets.xlsx", What: "Part1 and Part2 renamed, so that neither is found", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error {
				if err := x.SetSheetName("Part1", "チェックリスト"); err != nil {
					return err
				}
				return x.SetSheetName("Part2", "Part2 (2)")
			})
		}},
		{Name: "no-header.xlsx", What: "a Part1 sheet without a header row", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.RemoveRow("Part1", 3) })
		}},
		{Name: "dup-columns.xlsx", What: "a header row with 合意内容 twice", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.SetCellValue("Part1", "K3", "合意内容") })
		}},
		{Name: "missing-columns.xlsx", What: "a header row without 初回確認 and 完了日", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error {
				if err := x.SetCellValue("Part2", "D3", "確認"); err != nil {
					return err
				}
				return x.SetCellValue("Part2", "E3", "")
			})
		}},
		{Name: "dup-ids.xlsx", What: "two items numbered 1 in Part1", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error { return x.SetCellValue("Part1", "A5", "1") })
		}},
	}
}

// cellCases are workbooks with odd or hostile cell contents.
func cellCases() []Case {
	return []Case{
		{Name: "formula-errors.xlsx", What: "formula cells whose cached values are #REF! and #N/A", Build: formulaErrors},
		{Name: "long-cell.xlsx", What: "a 合意内容 cell of 100,000 characters (Excel stops at 32,767)", Build: func() ([]byte, error) {
			return sharedStringPatch(strings.Repeat("長", 100000))
		}},
		{Name: "control-chars.xlsx", What: "a shared string with control characters, as the _x0007_ escapes Excel writes", Build: func() ([]byte, error) {
			return sharedStringPatch("範囲は_x0007_別表_x001B_のとおり。")
		}},
		{Name: "raw-control.xlsx", What: "a shared string with a raw control character, which XML does not allow", Build: func() ([]byte, error) {
			return sharedStringPatch("ベル\x07音")
		}},
		{Name: "bad-utf8.xlsx", What: "a shared string with bytes that are not UTF-8", Build: func() ([]byte, error) {
			return sharedStringPatch("壊れた\xff\xfe文字")
		}},
		{Name: "sst-index.xlsx", What: "a cell pointing past the end of the shared strings", Build: sstIndex},
		{Name: "style-index.xlsx", What: "cells whose style index is past the end of the styles", Build: styleIndex},
		{Name: "non-bmp.xlsx", What: "characters outside the BMP (𠮷, emoji) in cells", Build: func() ([]byte, error) {
			return bookBytes(good(2), func(x *excelize.File) error {
				if err := x.SetCellValue("基本情報", "B1", "𠮷野家記念病院"); err != nil {
					return err
				}
				return x.SetCellValue("Part1", "I4", "範囲は別表のとおり。😀👍🏻")
			})
		}},
		{Name: "markup.xlsx", What: "cell text that looks like Markdown, HTML and template code", Build: markup},
	}
}

// layoutCases are workbooks with many vendors, hidden parts, wide rows,
// merges or many sheets.
func layoutCases() []Case {
	return []Case{
		{Name: "vendors50.xlsx", What: "a valid workbook with 50 vendors (事業者A … 事業者AX)", Build: func() ([]byte, error) {
			return bookBytes(good(50), nil)
		}},
		{Name: "hidden.xlsx", What: "hidden rows in Part1, a hidden Part2 sheet and a very hidden extra sheet", Build: hidden},
		{Name: "all-hidden.xlsx", What: "a workbook whose every sheet is hidden", Build: allHidden},
		{Name: "wide.xlsx", What: "a header row filled out to column XFD (16,384 columns)", Build: wide},
		{Name: "merge-all.xlsx", What: "a merged range covering the whole Part1 sheet", Build: mergeAll},
		{Name: "many-sheets.xlsx", What: "a valid workbook with 200 extra sheets", Build: manySheets},
	}
}

// sizeCases are the big workbooks: at annexgen's limits, past them, and zip
// bombs.
func sizeCases() []Case {
	return []Case{
		{Name: "rows200k.xlsx", What: "a Part1 sheet with 200,000 item rows", Big: true, Build: rows200k},
		{Name: "rows-limit.xlsx", What: "a valid Part1 sheet with as many item rows as annexgen reads (4,980, with the other sheets under 5,000)", Big: true, Build: func() ([]byte, error) {
			return manyRows(4980, func(i int) string { return fmt.Sprintf("項目%dについて合意した。", i) })
		}},
		{Name: "text-limit.xlsx", What: "a valid Part1 sheet with as much text as annexgen reads (100 cells of 13,000 characters)", Big: true, Build: func() ([]byte, error) {
			return manyRows(100, func(i int) string {
				return strings.Repeat("障害時は乙が甲に連絡し、復旧の見込みを報告する。", 13000/25)
			})
		}},
		{Name: "many-parts.xlsx", What: "a valid workbook with 20,000 empty extra parts in its zip", Big: true, Build: manyParts},
		{Name: "zipbomb.xlsx", What: "a worksheet that inflates to 4 GiB (declared in the zip)", Big: true, Build: func() ([]byte, error) { return zipBomb(true) }},
		{Name: "zipbomb-hidden.xlsx", What: "a worksheet that inflates to 4 GiB but declares 1 KiB", Big: true, Build: func() ([]byte, error) { return zipBomb(false) }},
	}
}
