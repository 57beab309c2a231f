package form

import (
	"fmt"

	"github.com/annexgen/annexgen/checklist"
)

// formLastRow is the last row of a Part sheet that the drop-downs and the
// date check cover, so that rows a clerk adds below the prepared ones
// get them too.
const formLastRow = 1000

// headerText is the header cell of column c: a role column of a named
// vendor carries the name in brackets, which the reader ignores
// ("事業者A\n（株式会社メディカル）").
func (b *formBuilder) headerText(c string) string {
	for i, name := range b.vendors {
		if c == "事業者"+checklist.VendorKey(i) && name != "" {
			return c + "\n（" + name + "）"
		}
	}
	return c
}

// partValidations adds the drop-downs of 初回確認 and the role columns and
// the date check of 完了日 on the rows that take values — runs of rows
// between section rows, the last run extended to formLastRow.
func (b *formBuilder) partValidations(sheet string, runs [][2]int) {
	if n := len(runs); runs[n-1][1] < formLastRow {
		runs[n-1][1] = formLastRow
	}
	colRanges := func(first, lastCol int) []string {
		var rs []string
		for _, r := range runs {
			rs = append(rs, fmt.Sprintf("%s%d:%s%d", formColName(first), r[0], formColName(lastCol), r[1]))
		}
		return rs
	}
	checkCol, doneCol, firstRole, lastRole := 4, 5, 6, 6+len(b.vendors)
	b.dropList(sheet, colRanges(checkCol, checkCol), CheckChoices, "初回確認",
		"「はい」「いいえ」「対象外」のいずれかを一覧から選んでください。")
	b.dateCheck(sheet, colRanges(doneCol, doneCol))
	b.dropList(sheet, colRanges(firstRole, lastRole), MarkChoices, "役割の記号",
		"◎（主担当）、○（実施）、△（支援）、-（関与なし）のいずれかを一覧から選んでください。")
}
