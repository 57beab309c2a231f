package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/internal/tools/badgen"

	"github.com/annexgen/annexgen/checklist"
)

func init() {
	ruleCases = append(ruleCases, accountedRuleCases...)
	valueCases = append(valueCases, weekdayValueCases...)
}

// accountedRuleCases give the findings about sheets that are missing or
// renamed, values copied by merges, and the clerk's dates.
var accountedRuleCases = []struct {
	name   string
	edit   func(b *testBook)
	strict bool
	want   []string
}{
	{"Part1 missing", func(b *testBook) { b.drop(checklist.SheetPart1) },
		false, []string{"header-missing error Part1"}},
	{"Part2 missing", func(b *testBook) { b.drop(checklist.SheetPart2) },
		false, []string{"part-missing warning Part2", "level-item-unknown warning サービスレベル!D2"}},
	{"Part2 renamed パート２", func(b *testBook) { b.rename(checklist.SheetPart2, "パート２") },
		false, []string{"sheet-renamed info パート２"}},
	{"Part2 renamed with a remark", func(b *testBook) { b.rename(checklist.SheetPart2, "Part2（共同実施）") },
		false, []string{"sheet-renamed info Part2（共同実施）"}},
	{"Part sheet renamed, told by its title", func(b *testBook) { b.rename(checklist.SheetPart1, "病院側") },
		false, []string{"sheet-renamed info 病院側"}},
	{"Part sheet renamed, Part unknown", func(b *testBook) {
		b.rename(checklist.SheetPart1, "項目一覧").set("項目一覧", "A2", "")
	},
		false, []string{"header-missing error Part1", "header-missing error 項目一覧"}},
	{"renamed copy of a Part", func(b *testBook) {
		b.sheet("Part2 (2)", []any{"項番", "項目", "内容", "初回確認", "合意内容"}, []any{"1", "x", "y", "はい", "z"})
	},
		false, []string{"sheet-duplicate error Part2 (2)"}},
	{"merge across items", func(b *testBook) { b.set(checklist.SheetPart1, "I5", nil).merge(checklist.SheetPart1, "I4:I5") },
		false, []string{"merge-across-items warning Part1!I4"}},
	{"merge across a section", func(b *testBook) { b.merge(checklist.SheetPart2, "F5:F8") },
		false, []string{"merge-across-items warning Part2!F5"}},
	{"完了日 after 作成日", func(b *testBook) { b.set(checklist.SheetPart1, "E5", "2024/8/1") },
		false, []string{"date-after-created warning Part1!E5 Part1 2"}},
	{"効力発生日 before 締結日", func(b *testBook) { b.signing("2024/8/1", "令和6年7月1日") },
		false, []string{"date-effective-before-signing warning 基本情報!B12"}},
	{"効力発生日 on 締結日", func(b *testBook) { b.signing("2024/8/1", "令和6年8月1日") }, false, nil},
	{"効力発生日 after 締結日", func(b *testBook) { b.signing("2024/8/1", "2024/9/1") }, false, nil},
	{"効力発生日 without 締結日", func(b *testBook) { b.signing("", "2024/7/1") }, false, nil},
	{"締結日 without 効力発生日", func(b *testBook) { b.signing("2024/8/1", "") }, false, nil},
	{"はい with a 完了日", func(b *testBook) { b.set(checklist.SheetPart1, "E4", "2024/6/1") },
		false, []string{"done-without-open info Part1!E4 Part1 1"}},
	{"date serial out of range", func(b *testBook) { b.date(checklist.SheetPart1, "E5", -5, "yyyy/mm/dd") },
		false, []string{"date-invalid error Part1!E5 Part1 2"}},
	{"weekday that is not the date's", func(b *testBook) { b.set(checklist.SheetPart1, "E5", "2024/7/1(火)") },
		false, []string{"date-invalid error Part1!E5 Part1 2"}},
}

// signing writes the 締結日 and the 効力発生日 of 基本情報, in rows 11
// and 12.
func (b *testBook) signing(signed, effective string) *testBook {
	return b.set(checklist.SheetInfo, "A11", "締結日").set(checklist.SheetInfo, "B11", signed).
		set(checklist.SheetInfo, "A12", "効力発生日").set(checklist.SheetInfo, "B12", effective)
}

// weekdayValueCases read dates written with their day of the week.
var weekdayValueCases = []struct {
	name  string
	edit  func(b *testBook)
	check func(c *checklist.Checklist) string
}{
	{"dates with a weekday", func(b *testBook) {
		b.set(checklist.SheetPart1, "E5", "令和6年7月1日（月）").set(checklist.SheetInfo, "B6", "2024/6/1(土)").
			set(checklist.SheetInfo, "B7", "2024年7月1日(月曜日)")
	}, func(c *checklist.Checklist) string {
		return want(fmt.Sprint(item(c, "Part1 2").Done, c.Info.FirstDate, c.Info.Created), "2024-07-01 2024-06-01 2024-07-01")
	}},
}

// TestMergeAcrossItemsCopies checks that a merged 合意内容 over two items
// still gives each item the value, with the warning.
func TestMergeAcrossItemsCopies(t *testing.T) {
	b := validBook().set(checklist.SheetPart1, "I5", nil).merge(checklist.SheetPart1, "I4:I5")
	c, fs, err := readBook(t, b, checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := item(c, "Part1 2").Agreement; got != "範囲は別表のとおり。" {
		t.Errorf("agreement %q", got)
	}
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "I4:I5") || !strings.Contains(fs[0].Message, "Part1 1、Part1 2") {
		t.Errorf("findings %v", fs)
	}
}

// TestAccountedCorpus reads the catalogue's files that try to lose items,
// copy values or exhaust the reader, and accounts for their items: each
// gives its reason or its findings, exactly.
func TestAccountedCorpus(t *testing.T) {
	tests := []struct {
		file   string
		reason string   // the FileError's reason, or
		want   []string // the findings, as short writes them
	}{
		{"rows-descending.xlsx", "", nil},
		{"cells-reversed.xlsx", "", nil},
		{"row-twice.xlsx", fmt.Sprintf(reasonRowTwice, "xl/worksheets/sheet3.xml", 4), nil},
		{"shared-sheet.xlsx", fmt.Sprintf(reasonSharedSheet, "Part1", "Part2"), nil},
		{"dup-entry.xlsx", fmt.Sprintf(reasonDuplicateEntry, "xl/worksheets/sheet3.xml"), nil},
		{"backslash-names.xlsx", "", nil},
		{"workbook-elsewhere.xlsx", "", nil},
		{"deep-nesting.xlsx", fmt.Sprintf(reasonPartDeep, "xl/worksheets/sheet2.xml", maxXMLDepth), nil},
		{"empty-rows.xlsx", fmt.Sprintf(reasonPartLarge, "xl/worksheets/sheet2.xml"), nil},
		{"empty-rows-2m.xlsx", fmt.Sprintf(reasonPartElements, "xl/worksheets/sheet2.xml", "行100000個超"), nil},
		{"merges-3m.xlsx", fmt.Sprintf(reasonPartLarge, "xl/worksheets/sheet2.xml"), nil},
		{"merges-20k.xlsx", fmt.Sprintf(reasonPartElements, "xl/worksheets/sheet2.xml", "結合セル10000個超"), nil},
		{"cells-600k.xlsx", fmt.Sprintf(reasonPartElements, "xl/worksheets/sheet2.xml", "セル524288個超"), nil},
		{"strings-1m.xlsx", fmt.Sprintf(reasonPartElements, "xl/sharedStrings.xml", "1048576個超"), nil},
		{"part2-renamed.xlsx", "", []string{"sheet-renamed info Part2（共同実施）"}},
		{"part2-katakana.xlsx", "", []string{"sheet-renamed info パート２"}},
		{"part2-missing.xlsx", "", []string{"part-missing warning Part2"}},
		{"part1-missing.xlsx", "", []string{"header-missing error Part1"}},
		{"merge-items.xlsx", "", []string{"merge-across-items warning Part1!I4"}},
		{"merged-number.xlsx", "", []string{"items-lost error Part1!A5"}}, // read as one item, counted as two
		{"clerk-dates.xlsx", "", []string{"done-without-open info Part1!E4 Part1 1", "date-after-created warning Part1!E5 Part1 2"}},
		{"date-range.xlsx", "", []string{"date-invalid error Part1!E5 Part1 2"}},
		{"vendor-no-column.xlsx", "", []string{"vendor-no-column error Part1!A3"}},
		{"styles-180k.xlsx", "", nil},
		{"sheets-1500.xlsx", fmt.Sprintf(reasonManySheets, 1503, maxSheets), nil},
		{"deep-no-ending.xlsx", fmt.Sprintf(reasonPartDeep, "xl/worksheets/sheet2", maxXMLDepth), nil},
		{"numbers-renamed.xlsx", reasonNumbers, nil},
		{"xml2003.xlsx", reasonXML2003, nil},
		{"html.xlsx", reasonHTML, nil},
		{"biff4.xlsx", reasonXLSOld, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := badPath(t, tt.file)
			c, fs, err := Load(path, checklist.Options{})
			if tt.reason != "" {
				var fe *FileError
				if !errors.As(err, &fe) || fe.Reason != tt.reason || c != nil {
					t.Fatalf("err = %v, findings %s; want %s", err, short(fs), tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			fs = AccountFile(c, fs, path, "")
			if got, want := short(fs), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("findings\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestAnyXMLOrder checks that rows and cells stored in any order, and a
// package with backslashes or its workbook part elsewhere, read exactly
// as the workbook they were made from.
func TestAnyXMLOrder(t *testing.T) {
	want, _, err := Load(badPath(t, "backslash-names.xlsx"), checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"rows-descending.xlsx", "cells-reversed.xlsx", "workbook-elsewhere.xlsx"} {
		got, _, err := Load(badPath(t, name), checklist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s reads differently:\n%+v\nwant\n%+v", name, got.Parts, want.Parts)
		}
	}
}

// TestCountItems checks the second count against the reader on the
// catalogue's readable files.
func TestCountItems(t *testing.T) {
	for name, want := range map[string]string{
		"backslash-names.xlsx":    "Part1 [4 5] Part2 [5 6]",
		"rows-descending.xlsx":    "Part1 [4 5] Part2 [5 6]",
		"cells-reversed.xlsx":     "Part1 [4 5] Part2 [5 6]",
		"workbook-elsewhere.xlsx": "Part1 [4 5] Part2 [5 6]",
		"part2-renamed.xlsx":      "Part1 [4 5] Part2（共同実施） [5 6]",
		"merged-number.xlsx":      "Part1 [4 5] Part2 [5 6]",
		"part2-missing.xlsx":      "Part1 [4 5]",
		"hidden.xlsx":             "Part1 [4 5] Part2 [5 6]",
	} {
		b, err := os.ReadFile(badPath(t, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := CountItems(bytes.NewReader(b), int64(len(b)), "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got []string
		for _, sheet := range slices.Sorted(maps.Keys(rows)) {
			got = append(got, fmt.Sprint(sheet, " ", rows[sheet]))
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s: %s, want %s", name, g, want)
		}
	}
	b, err := os.ReadFile(filepath.Join(badDir, "password.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if rows, err := CountItems(bytes.NewReader(b), int64(len(b)), badgen.Password); err != nil || rows.Total() != 4 {
		t.Errorf("encrypted: %v %v", rows, err)
	}
}

// FuzzCountItems checks that the second count never panics, and that on a
// workbook the reader reads without errors it finds every item read.
func FuzzCountItems(f *testing.F) {
	bad, _ := filepath.Glob(filepath.Join(badDir, "*.xls*"))
	for _, path := range bad {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Add(validBook().bytes(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, fs, err := Read(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", checklist.Options{})
		if err != nil || fs.HasErrors() {
			return
		}
		rows, err := CountItems(bytes.NewReader(data), int64(len(data)), "")
		if err != nil {
			return // refused by the pipeline: items-lost
		}
		read := 0
		for _, p := range c.Parts {
			read += len(p.Items())
		}
		if rows.Total() < read {
			t.Errorf("counted %d items, read %d", rows.Total(), read)
		}
	})
}

// TestNumbersPackage checks that a Numbers document saved as a folder is
// named as such.
func TestNumbersPackage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "確認表.numbers")
	if err := os.MkdirAll(filepath.Join(dir, "Index"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, _, err := Load(dir, checklist.Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Reason != reasonNumbers {
		t.Errorf("err = %v", err)
	}
}

// TestTempRemoved checks that reading leaves no temporary folder, and
// that RemoveTemp removes those of workbooks being read.
func TestTempRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if _, _, err := Load(filepath.Join(badDir, "hidden.xlsx"), checklist.Options{}); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "annexgen-")
	if err != nil {
		t.Fatal(err)
	}
	liveTemp.Store(dir, true)
	RemoveTemp()
	liveTemp.Delete(dir)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestAccount checks that an item row counted but not read, or a count
// that fails, gives an items-lost error, and that a checklist read with
// errors is left as it is.
func TestAccount(t *testing.T) {
	path := badPath(t, "merged-number.xlsx")
	c, fs, err := Load(path, checklist.Options{})
	if err != nil || len(fs) != 0 {
		t.Fatal(err, fs)
	}
	if got := short(AccountFile(c, nil, path, "")); got != "items-lost error Part1!A5" {
		t.Errorf("lost row: %s", got)
	}
	junk := []byte("not a workbook")
	if got := Account(c, nil, bytes.NewReader(junk), int64(len(junk)), ""); len(got) != 1 || got[0].Code != checklist.ItemsLost || got[0].Severity != checklist.SeverityError {
		t.Errorf("count failed: %s", short(got))
	}
	if got := AccountFile(c, nil, filepath.Join(t.TempDir(), "gone.xlsx"), ""); len(got) != 1 || got[0].Code != checklist.ItemsLost {
		t.Errorf("file gone: %s", short(got))
	}
	withError := checklist.Findings{checklist.NewFinding(checklist.MsgBasicMissingVendor, checklist.Cell{Sheet: checklist.SheetInfo}, nil)}
	if got := AccountFile(c, withError, path, ""); short(got) != short(withError) {
		t.Errorf("checklist with errors: %s", short(got))
	}
	whole := badPath(t, "backslash-names.xlsx")
	c, fs, err = Load(whole, checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := AccountFile(c, fs, whole, ""); len(got) != len(fs) {
		t.Errorf("every row read: %s", short(got))
	}
}
