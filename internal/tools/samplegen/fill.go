package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/form"
	"github.com/xuri/excelize/v2"
)

// sample is one filled-in workbook.
type sample struct {
	file    string
	vendors []string
	info    []infoValue     // 基本情報 values, by label
	items   map[string]fill // by item id, "Part2 A-1"
	levels  [][6]string     // サービスレベル rows: 指標, 目標値, 測定方法, 関連項番, 測定期間, 未達時の措置
	created time.Time       // document properties' date
	seeds   []form.SeedItem // the form's items; nil for the built-in samples
}

// infoValue is a 基本情報 value: a string, or a date written as a date cell.
type infoValue struct {
	label string
	value any // string or time.Time
}

// fill is what the hospital writes on an item row.
type fill struct {
	check     string
	done      any      // nil, time.Time (a date cell) or string (a date as text)
	roles     []string // hospital first, then the vendors
	agreement string
	remarks   string
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// serial returns the Excel serial number of a date (1900 date system).
func serial(t time.Time) int {
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

func (s sample) write(w io.Writer) error {
	var blank bytes.Buffer
	if err := form.Write(&blank, form.Form{Vendors: s.vendors, Items: s.seeds}); err != nil {
		return err
	}
	x, err := excelize.OpenReader(&blank)
	if err != nil {
		return err
	}
	defer x.Close()
	if err := s.fillInfo(x); err != nil {
		return err
	}
	used := map[string]bool{}
	for _, sheet := range []string{checklist.SheetPart1, checklist.SheetPart2} {
		if err := s.fillPart(x, sheet, used); err != nil {
			return err
		}
	}
	for id := range s.items {
		if !used[id] {
			return fmt.Errorf("項目 %s が確認表にありません", id)
		}
	}
	if err := s.fillLevels(x); err != nil {
		return err
	}
	date := s.created.Format(time.RFC3339)
	if err := x.SetDocProps(&excelize.DocProperties{
		Title:          form.Title,
		Subject:        "記入例",
		Creator:        "annexgen",
		LastModifiedBy: "annexgen",
		Created:        date,
		Modified:       date,
		Language:       "ja-JP",
	}); err != nil {
		return err
	}
	_, err = x.WriteTo(w)
	return err
}

func setDate(x *excelize.File, sheet, ref string, v any) error {
	switch v := v.(type) {
	case nil:
		return nil
	case time.Time:
		return x.SetCellInt(sheet, ref, int64(serial(v)))
	case string:
		return x.SetCellStr(sheet, ref, v)
	}
	return fmt.Errorf("%s!%s: 日付の値 %v の型が不明です", sheet, ref, v)
}

func (s sample) fillInfo(x *excelize.File) error {
	rows, err := x.GetRows(checklist.SheetInfo)
	if err != nil {
		return err
	}
	at := map[string]int{}
	for i, r := range rows {
		if len(r) > 0 {
			at[r[0]] = i + 1
		}
	}
	for _, v := range s.info {
		row, ok := at[v.label]
		if !ok {
			return fmt.Errorf("基本情報に「%s」の行がありません", v.label)
		}
		ref := fmt.Sprintf("B%d", row)
		if t, ok := v.value.(time.Time); ok {
			err = setDate(x, checklist.SheetInfo, ref, t)
		} else {
			err = x.SetCellStr(checklist.SheetInfo, ref, v.value.(string))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// header finds the header row (the first whose column A is first) and maps
// the first line of each header to its 1-based column number.
func header(rows [][]string, first string) (int, map[string]int, error) {
	for i, r := range rows {
		if len(r) > 0 && r[0] == first {
			cols := map[string]int{}
			for j, h := range r {
				// A role header may carry the vendor's name on a second line.
				key, _, _ := strings.Cut(h, "\n")
				cols[key] = j + 1
			}
			return i + 1, cols, nil
		}
	}
	return 0, nil, fmt.Errorf("見出し「%s」の行がありません", first)
}

func (s sample) fillPart(x *excelize.File, sheet string, used map[string]bool) error {
	rows, err := x.GetRows(sheet)
	if err != nil {
		return err
	}
	hr, cols, err := header(rows, "項番")
	if err != nil {
		return fmt.Errorf("%s: %w", sheet, err)
	}
	roleCols := []string{checklist.HospitalKey}
	for i := range s.vendors {
		roleCols = append(roleCols, "事業者"+checklist.VendorKey(i))
	}
	set := func(col string, row int, v string) error {
		if v == "" {
			return nil
		}
		ref, err := excelize.CoordinatesToCellName(cols[col], row)
		if err != nil {
			return err
		}
		return x.SetCellStr(sheet, ref, v)
	}
	section := ""
	for i := hr; i < len(rows); i++ {
		row := i + 1
		if len(rows[i]) == 0 || rows[i][0] == "" {
			continue
		}
		num := rows[i][0]
		if len(num) == 1 && strings.ToUpper(num) != strings.ToLower(num) {
			section = num
			continue
		}
		id := sheet + " " + num
		if section != "" {
			id = sheet + " " + section + "-" + num
		}
		f, ok := s.items[id]
		if !ok {
			return fmt.Errorf("%s: 項目 %s の記入内容がありません", sheet, id)
		}
		used[id] = true
		if len(f.roles) != len(roleCols) {
			return fmt.Errorf("%s: 項目 %s の役割が %d 個ありますが、%d 個必要です", sheet, id, len(f.roles), len(roleCols))
		}
		if err := set("初回確認", row, f.check); err != nil {
			return err
		}
		ref, _ := excelize.CoordinatesToCellName(cols["完了日"], row)
		if err := setDate(x, sheet, ref, f.done); err != nil {
			return err
		}
		for j, c := range roleCols {
			if err := set(c, row, f.roles[j]); err != nil {
				return err
			}
		}
		if err := set("合意内容", row, f.agreement); err != nil {
			return err
		}
		if err := set("備考", row, f.remarks); err != nil {
			return err
		}
		if err := form.FitRowHeights(x, sheet, row, row); err != nil {
			return err
		}
	}
	return nil
}

func (s sample) fillLevels(x *excelize.File) error {
	if len(s.levels) == 0 {
		return nil
	}
	sheet := checklist.SheetLevels
	rows, err := x.GetRows(sheet)
	if err != nil {
		return err
	}
	hr, _, err := header(rows, "指標")
	if err != nil {
		return fmt.Errorf("%s: %w", sheet, err)
	}
	for i, l := range s.levels {
		for j, v := range l {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, hr+1+i)
			if err := x.SetCellStr(sheet, ref, v); err != nil {
				return err
			}
		}
	}
	return form.FitRowHeights(x, sheet, hr+1, hr+len(s.levels))
}
