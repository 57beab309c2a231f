package xlsx

import (
	"fmt"
	"strings"
	"testing"

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
	{"はい with a 完了日", func(b *testBook) { b.set(checklist.SheetPart1, "E4", "2024/6/1") },
		false, []string{"done-without-open info Part1!E4 Part1 1"}},
	{"date serial out of range", func(b *testBook) { b.date(checklist.SheetPart1, "E5", -5, "yyyy/mm/dd") },
		false, []string{"date-invalid error Part1!E5 Part1 2"}},
	{"weekday that is not the date's", func(b *testBook) { b.set(checklist.SheetPart1, "E5", "2024/7/1(火)") },
		false, []string{"date-invalid error Part1!E5 Part1 2"}},
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
