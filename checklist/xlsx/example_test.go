package xlsx_test

import (
	"fmt"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
)

func ExampleLoad() {
	c, findings, err := xlsx.Load("testdata/office/office.xlsx", checklist.Options{})
	if err != nil {
		fmt.Println(err) // e.g. "testdata/office/office.xlsx: パスワードで保護されています。…"
		return
	}
	fmt.Println(c.Info.Hospital.Name, "/", c.Info.Vendors[0].Name)
	for _, p := range c.Parts {
		for _, it := range p.Items() {
			fmt.Println(it.ID, it.Title, it.Owners())
		}
	}
	for _, f := range findings {
		fmt.Printf("%s %s %s\n", f.Severity.Japanese(), f.Location(), f.Message)
	}
	if findings.HasErrors() {
		fmt.Println("エラーがあるため、文書は作成できません。")
	}
	// Output:
	// さくら総合病院 / 株式会社サンプル医療システム
	// Part1 1 契約範囲 [医療機関]
	// Part1 2 責任者 [医療機関]
	// Part1 3 教育 [医療機関]
	// Part1 4 監査 [医療機関]
	// Part2 A-1 バックアップ [A]
	// Part2 A-2 障害対応 []
	// Part2 B-1 稼働監視 [A]
	// 警告 Part1!I5 Part1: 結合セル I5:I6 が Part1 2、Part1 3 の2項目にまたがっているため、同じ値がそれぞれの項目に入ります。項目ごとにセルの結合を解除し、それぞれに値を入力してください。
	// 警告 Part1!E6 Part1 3「教育」: 完了日（令和6年7月15日）が基本情報の作成日（令和6年7月1日）より後です。日付を確かめてください。
	// エラー Part1!I7 Part1 4「監査」: セルの値が数式のエラー（#DIV/0!）になっています。数式を直すか、値を直接入力してください。
	// 警告 Part2!E8 Part2 B-1「稼働監視」: 完了日（令和6年8月1日）が基本情報の作成日（令和6年7月1日）より後です。日付を確かめてください。
	// 情報 メモ シート「メモ」は確認表のシートではないため、読み込みません。
	// エラーがあるため、文書は作成できません。
}
