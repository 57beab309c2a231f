package xlsx

import (
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/form"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigBook returns a workbook of n items: a tenth in Part1, the rest in
// Part2 in sections of 100, with multi-line text, date cells and marks.
func bigBook(n int) *testBook {
	b := validBook()
	header := []any{"項番", "項目", "内容", "初回確認", "完了日", "医療機関", "事業者A", "事業者B", "合意内容", "備考"}
	content := strings.Repeat("対象となる業務の範囲と手順を確認する。\n", 3)
	agreement := strings.Repeat("医療機関と事業者は、別表に定める範囲と手順に従って実施する。", 2)
	p1 := [][]any{{form.Title}, {"Part1【主に医療機関が実施する項目】"}, header}
	p2 := [][]any{{form.Title}, {"Part2【医療機関と事業者が共同で実施する項目】"}, header}
	var dates []string
	for i := range n / 10 {
		p1 = append(p1, []any{i + 1, fmt.Sprintf("項目%d", i+1), content, "はい", "", "◎", "○", "△", agreement, ""})
	}
	for i := range n - n/10 {
		if i%100 == 0 {
			p2 = append(p2, []any{string(rune('A' + i/100%26)), fmt.Sprintf("区分%d", i/100+1)})
		}
		row := []any{i%100 + 1, fmt.Sprintf("項目%d", i+1), content, "いいえ", "", "○", "◎", "△", agreement, "備考"}
		p2 = append(p2, row)
		dates = append(dates, fmt.Sprintf("E%d", len(p2)))
	}
	b.drop(checklist.SheetPart1).drop(checklist.SheetPart2).drop(checklist.SheetLevels)
	b.sheet(checklist.SheetPart1, p1...).sheet(checklist.SheetPart2, p2...)
	for i, ref := range dates {
		b.date(checklist.SheetPart2, ref, float64(45474+i%300), "yyyy/mm/dd")
	}
	return b
}

// BenchmarkLoad3000 loads a workbook of 3,000 items.
func BenchmarkLoad3000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := os.WriteFile(path, bigBook(3000).bytes(b), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, fs, err := Load(path, checklist.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if n := len(c.Parts[0].Items()) + len(c.Parts[1].Items()); n != 3000 {
			b.Fatalf("%d items, findings %v", n, short(fs[:min(5, len(fs))]))
		}
	}
}

// BenchmarkLoadSample loads the hospital sample workbook.
func BenchmarkLoadSample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Load("../../samples/hospital.xlsx", checklist.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAccountSample counts the items of the hospital sample a second
// way and accounts for them, as a conversion does after loading it.
func BenchmarkAccountSample(b *testing.B) {
	const path = "../../samples/hospital.xlsx"
	c, fs, err := Load(path, checklist.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if got := AccountFile(c, fs, path, ""); len(got) != len(fs) {
			b.Fatalf("findings %v", short(got[len(fs):]))
		}
	}
}
