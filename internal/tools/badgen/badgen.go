// Package badgen writes the catalogue of broken and hostile inputs that the
// tests of package checklist/xlsx and of the annexgen command feed to annexgen:
// files that are not workbooks, damaged workbooks, workbooks with hostile
// contents, and workbooks that are odd but valid. The same call gives the
// same bytes, so that the small files can be kept in testdata and checked
// for staleness; the big ones are written at test time.
package badgen

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Case is one file of the catalogue.
type Case struct {
	Name   string                 // file name: "empty.xlsx"
	What   string                 // what the file is
	Big    bool                   // too big to keep in testdata: written at test time
	Varies bool                   // encrypted with a random salt: other bytes each time
	Build  func() ([]byte, error) // nil for files copied from office software (Office)
}

// Office lists the files made by office software (LibreOffice), which
// are kept in testdata and not rebuilt here: file name -> what it is.
var Office = map[string]string{
	"legacy.xls":       "an Excel 97-2003 workbook saved by LibreOffice",
	"legacy-xls.xlsx":  "the same .xls file renamed to .xlsx",
	"ods-renamed.xlsx": "an OpenDocument spreadsheet saved by LibreOffice, renamed to .xlsx",
	"office1904.xlsx":  "a workbook with the 1904 date system, saved by LibreOffice",
}

// Password is the password of the encrypted cases.
const Password = "ひみつ2024"

// Cases returns the catalogue, in a fixed order.
func Cases() []Case {
	return append([]Case{
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
		{Name: "nosheets.xlsx", What: "a workbook part that lists no sheets", Build: func() ([]byte, error) {
			return patch(good(2), map[string]string{"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`})
		}},
		{Name: "brokenxml.xlsx", What: "a workbook whose Part1 sheet is not well-formed XML", Build: func() ([]byte, error) {
			return patch(good(2), map[string]string{"xl/worksheets/sheet2.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>項番</t></is></c>`})
		}},
		{Name: "missing-part.xlsx", What: "a workbook whose Part1 sheet part is empty", Build: func() ([]byte, error) {
			return patch(good(2), map[string]string{"xl/worksheets/sheet2.xml": ""})
		}},
		{Name: "rel-escape.xlsx", What: "a workbook whose Part1 sheet points at /etc/passwd outside the zip", Build: relEscape},
		{Name: "xml-entities.xlsx", What: "shared strings with a DTD that defines entities (billion laughs)", Build: entities},
		{Name: "password.xlsx", What: "a valid workbook encrypted with Password (ECMA-376 agile encryption)", Varies: true, Build: encrypted},
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
		{Name: "vendors50.xlsx", What: "a valid workbook with 50 vendors (事業者A … 事業者AX)", Build: func() ([]byte, error) {
			return bookBytes(good(50), nil)
		}},
		{Name: "hidden.xlsx", What: "hidden rows in Part1, a hidden Part2 sheet and a very hidden extra sheet", Build: hidden},
		{Name: "all-hidden.xlsx", What: "a workbook whose every sheet is hidden", Build: allHidden},
		{Name: "wide.xlsx", What: "a header row filled out to column XFD (16,384 columns)", Build: wide},
		{Name: "merge-all.xlsx", What: "a merged range covering the whole Part1 sheet", Build: mergeAll},
		{Name: "many-sheets.xlsx", What: "a valid workbook with 200 extra sheets", Build: manySheets},
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
	}, accountedCases()...)
}

// Write writes the cases into dir: the small ones, and the big ones too
// when big is set.
func Write(dir string, big bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, c := range Cases() {
		if c.Big && !big {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, c.Name)); err == nil && c.Varies {
			continue // kept, so that an update leaves it unchanged
		}
		b, err := c.Build()
		if err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`

// zipOf returns a zip archive of name, content pairs.
func zipOf(files ...string) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		f, err := w.CreateHeader(&zip.FileHeader{Name: files[i], Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(f, files[i+1]); err != nil {
			return nil, err
		}
	}
	err := w.Close()
	return buf.Bytes(), err
}

// info is the 基本情報 sheet of a workbook with n vendors.
func info(n int) [][]any {
	rows := [][]any{
		{"医療機関名", "さくら総合病院"},
		{"対象システム", "電子カルテシステム"},
	}
	for i := range n {
		rows = append(rows, []any{"事業者" + vendorKey(i), fmt.Sprintf("株式会社テスト%02d", i+1)})
	}
	return append(rows,
		[]any{"文書種別", "契約書別紙"},
		[]any{"契約名", "電子カルテシステム保守契約"},
		[]any{"初回確認日", "2024/6/1"},
		[]any{"作成日", "令和6年7月1日"},
		[]any{"版数", "1.0"},
	)
}

// vendorKey is checklist.VendorKey, repeated so that the catalogue does not
// depend on the code it tests.
func vendorKey(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	i -= 26
	return string(rune('A'+i/26%26)) + string(rune('A'+i%26))
}

// header is the header row of a Part sheet with n vendors.
func header(n int) []any {
	h := []any{"項番", "項目", "内容", "初回確認", "完了日", "医療機関"}
	for i := range n {
		h = append(h, "事業者"+vendorKey(i))
	}
	return append(h, "合意内容", "備考")
}

// itemRow is an item row with the hospital accountable and every vendor
// doing the work.
func itemRow(n int, number, title, content, agreement string) []any {
	r := []any{number, title, content, "はい", "", "◎"}
	for range n {
		r = append(r, "○")
	}
	return append(r, agreement, "")
}

// good returns a valid workbook with n vendors: Part1 with items 1 and 2
// in rows 4 and 5, Part2 with section A and items in rows 5 and 6.
func good(n int) *excelize.File {
	x := excelize.NewFile()
	sheets := map[string][][]any{
		"基本情報": info(n),
		"Part1": {
			{"医療情報システムの契約における当事者間の役割分担等に関する確認表"},
			{"Part1【主に医療機関が実施する項目】"},
			header(n),
			itemRow(n, "1", "契約範囲", "対象とする業務の範囲", "範囲は別表のとおり。"),
			itemRow(n, "2", "責任者", "責任者の指名", "双方が責任者を指名する。"),
		},
		"Part2": {
			{"医療情報システムの契約における当事者間の役割分担等に関する確認表"},
			{"Part2【医療機関と事業者が共同で実施する項目】"},
			header(n),
			{"A", "共通"},
			itemRow(n, "1", "バックアップ", "取得の頻度と保管", "日次で取得し、7世代保管する。"),
			itemRow(n, "2", "障害対応", "連絡体制", "障害時は30分以内に連絡する。"),
		},
	}
	x.SetSheetName("Sheet1", "基本情報")
	x.NewSheet("Part1")
	x.NewSheet("Part2")
	for _, name := range []string{"基本情報", "Part1", "Part2"} {
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			x.SetSheetRow(name, cell, &row)
		}
	}
	return x
}

// bookBytes applies edit to x and returns the saved workbook.
func bookBytes(x *excelize.File, edit func(*excelize.File) error) ([]byte, error) {
	defer x.Close()
	if edit != nil {
		if err := edit(x); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// patch saves x and replaces parts of the saved zip (name -> new XML).
func patch(x *excelize.File, parts map[string]string) ([]byte, error) {
	b, err := bookBytes(x, nil)
	if err != nil {
		return nil, err
	}
	return repack(b, func(name string, data []byte) []byte {
		if p, ok := parts[name]; ok {
			return []byte(p)
		}
		return data
	})
}

// repack rewrites every part of a zip through edit, in the original order.
func repack(b []byte, edit func(name string, data []byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(edit(f.Name, data)); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// replacePart returns the zip b with the part name holding data.
func replacePart(b []byte, name, data string) ([]byte, error) {
	return repack(b, func(n string, old []byte) []byte {
		if n == name {
			return []byte(data)
		}
		return old
	})
}

// part returns one part of a saved workbook.
func part(b []byte, name string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", err
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return "", err
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			return string(data), err
		}
	}
	return "", fmt.Errorf("no part %s", name)
}

func relEscape() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	return repack(b, func(name string, data []byte) []byte {
		if name == "xl/_rels/workbook.xml.rels" {
			return bytes.Replace(data, []byte("worksheets/sheet2.xml"), []byte("../../../../etc/passwd"), 1)
		}
		return data
	})
}

func entities() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	const dtd = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">` +
		`<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`
	return repack(b, func(name string, data []byte) []byte {
		if name != "xl/sharedStrings.xml" {
			return data
		}
		s := string(data)
		s = dtd + s[strings.Index(s, "<sst"):]
		return []byte(strings.Replace(s, "契約範囲", "&c;", 1))
	})
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
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	sheet, err := part(b, "xl/worksheets/sheet2.xml")
	if err != nil {
		return nil, err
	}
	for ref, cell := range map[string]string{
		"D4": `<c r="D4" t="e"><f>VLOOKUP(A4,一覧!A:B,2,FALSE)</f><v>#N/A</v></c>`,
		"I4": `<c r="I4" t="e"><f>Sheet9!B2</f><v>#REF!</v></c>`,
	} {
		sheet, err = replaceCell(sheet, ref, cell)
		if err != nil {
			return nil, err
		}
	}
	return replacePart(b, "xl/worksheets/sheet2.xml", sheet)
}

// replaceCell replaces the <c> element of ref in a sheet's XML.
func replaceCell(sheet, ref, cell string) (string, error) {
	start := strings.Index(sheet, `<c r="`+ref+`"`)
	if start < 0 {
		return "", fmt.Errorf("no cell %s", ref)
	}
	rest := sheet[start:]
	end := strings.Index(rest, "</c>")
	if selfClose := strings.Index(rest, "/>"); selfClose >= 0 && (end < 0 || selfClose < end) && !strings.Contains(rest[:selfClose], ">") {
		end = selfClose + len("/>")
	} else {
		end += len("</c>")
	}
	return sheet[:start] + cell + sheet[start+end:], nil
}

// sharedStringPatch writes 合意内容 of Part1 item 1 as the shared string s,
// written into the XML without escaping.
func sharedStringPatch(s string) ([]byte, error) {
	const marker = "置換する文字列"
	b, err := bookBytes(good(2), func(x *excelize.File) error { return x.SetCellValue("Part1", "I4", marker) })
	if err != nil {
		return nil, err
	}
	return repack(b, func(name string, data []byte) []byte {
		if name == "xl/sharedStrings.xml" {
			return bytes.Replace(data, []byte(marker), []byte(s), 1)
		}
		return data
	})
}

func sstIndex() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	sheet, err := part(b, "xl/worksheets/sheet2.xml")
	if err != nil {
		return nil, err
	}
	if sheet, err = replaceCell(sheet, "I4", `<c r="I4" t="s"><v>99999</v></c>`); err != nil {
		return nil, err
	}
	return replacePart(b, "xl/worksheets/sheet2.xml", sheet)
}

func styleIndex() ([]byte, error) {
	b, err := bookBytes(good(2), func(x *excelize.File) error {
		return x.SetCellValue("Part1", "E5", 45474) // a date serial, whose style says nothing
	})
	if err != nil {
		return nil, err
	}
	sheet, err := part(b, "xl/worksheets/sheet2.xml")
	if err != nil {
		return nil, err
	}
	if sheet, err = replaceCell(sheet, "E5", `<c r="E5" s="9999"><v>45474</v></c>`); err != nil {
		return nil, err
	}
	sheet = strings.Replace(sheet, `<c r="B4" `, `<c r="B4" s="-3" `, 1)
	return replacePart(b, "xl/worksheets/sheet2.xml", sheet)
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
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	// excelize keeps one sheet visible; a file written by other software may not.
	return repack(b, func(name string, data []byte) []byte {
		if name == "xl/workbook.xml" {
			return bytes.ReplaceAll(data, []byte(`<sheet name=`), []byte(`<sheet state="hidden" name=`))
		}
		return data
	})
}

func wide() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	sheet, err := part(b, "xl/worksheets/sheet2.xml")
	if err != nil {
		return nil, err
	}
	// Row 3 (the header) gets a cell in every column from L to XFD.
	var cells strings.Builder
	for col := 12; col <= 16384; col++ {
		ref, _ := excelize.CoordinatesToCellName(col, 3)
		fmt.Fprintf(&cells, `<c r="%s"><v>%d</v></c>`, ref, col)
	}
	end := strings.Index(sheet, `</row><row r="4"`)
	if end < 0 {
		return nil, fmt.Errorf("no row 4")
	}
	sheet = sheet[:end] + cells.String() + sheet[end:]
	sheet = strings.Replace(sheet, `<dimension ref="A1:J5"/>`, `<dimension ref="A1:XFD5"/>`, 1)
	return replacePart(b, "xl/worksheets/sheet2.xml", sheet)
}

func mergeAll() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	return repack(b, func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet2.xml" {
			return bytes.Replace(data, []byte(`</sheetData>`), []byte(`</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`), 1)
		}
		return data
	})
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

// rows200k writes Part1 with 200,000 item rows.
func rows200k() ([]byte, error) {
	return manyRows(200000, func(i int) string { return fmt.Sprintf("合意%d", i) })
}

// manyRows writes Part1 with n item rows whose 合意内容 is agreement(i).
func manyRows(n int, agreement func(i int) string) ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sheet.WriteString(`<row r="3">`)
	for i, h := range header(2) {
		ref, _ := excelize.CoordinatesToCellName(i+1, 3)
		fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, h)
	}
	sheet.WriteString(`</row>`)
	for i := 1; i <= n; i++ {
		r := i + 3
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>項目%d</t></is></c>`+
			`<c r="D%d" t="inlineStr"><is><t>はい</t></is></c><c r="F%d" t="inlineStr"><is><t>◎</t></is></c>`+
			`<c r="G%d" t="inlineStr"><is><t>○</t></is></c><c r="H%d" t="inlineStr"><is><t>△</t></is></c>`+
			`<c r="I%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, i, r, i, r, r, r, r, r, agreement(i))
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return replacePart(b, "xl/worksheets/sheet2.xml", sheet.String())
}

// manyParts adds 20,000 empty entries to a valid workbook's zip.
func manyParts() ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	for i := range 20000 {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("x/%05d", i), Method: zip.Store}); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// zipBomb writes a valid workbook whose Part1 sheet is a deflate stream of
// 4 GiB of zeros (about 4 MB compressed). declared says whether the zip
// headers give the true size or claim 1 KiB.
func zipBomb(declared bool) ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	const size = 4 << 30
	stream, crc, err := zeros(size)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet2.xml" {
			h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc,
				CompressedSize64: uint64(len(stream)), UncompressedSize64: size}
			if !declared {
				h.UncompressedSize64 = 1 << 10
			}
			w, err := zw.CreateRaw(h)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(stream); err != nil {
				return nil, err
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// zeros returns a raw deflate stream of n zero bytes (n a multiple of
// 1 MiB) and their CRC-32, without compressing n bytes: one compressed
// MiB, made after a MiB of zeros so that it refers only to zeros, is
// repeated.
func zeros(n int64) ([]byte, uint32, error) {
	const chunk = 1 << 20
	zero := make([]byte, chunk)
	var first, rest bytes.Buffer
	w, err := flate.NewWriter(&first, flate.BestCompression)
	if err != nil {
		return nil, 0, err
	}
	w.Write(zero)
	w.Flush()
	mark := first.Len()
	w.Write(zero)
	w.Flush()
	repeat := append([]byte(nil), first.Bytes()[mark:]...)
	head := append([]byte(nil), first.Bytes()[:mark]...)
	rest.Write(head)
	crc := crc32.Update(0, crc32.IEEETable, zero)
	for i := int64(1); i < n/chunk; i++ {
		rest.Write(repeat)
		crc = crc32.Update(crc, crc32.IEEETable, zero)
	}
	rest.Write([]byte{0x03, 0x00}) // an empty final block
	return rest.Bytes(), crc, nil
}
