package badgen

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

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
