package form

import (
	"fmt"

	"github.com/annexgen/annexgen/checklist"
)

// infoSheet writes 基本情報: one label per row in column A, the value to
// fill in in column B and a hint in column C; the parties first, then the
// document, its signing and the contacts and signatories.
func (b *formBuilder) infoSheet() {
	const s = checklist.SheetInfo
	type row struct{ label, hint, style string }
	rows := []row{
		{"医療機関名", "契約の当事者となる医療機関の名称（必須）", "value"},
		{"対象システム", "この確認表の対象となるシステムの名称（必須）", "value"},
	}
	names := map[string]string{} // label -> vendor name
	for i, name := range b.vendors {
		k := checklist.VendorKey(i)
		rows = append(rows, row{"事業者" + k, fmt.Sprintf("事業者の名称。Part1・Part2 の「事業者%s」列がこの事業者の役割です", k), "value"})
		names["事業者"+k] = name
	}
	rows = append(rows,
		row{"文書種別", "作成する文書: 契約書別紙・覚書・SLA（一覧から選びます）", "value"},
		row{"契約名", "この確認表が付属する契約（本契約）の名称", "value"},
		row{"本契約の締結日", "本契約を締結した日", "valdate"},
		row{"締結日", "この文書（覚書・SLA）を締結する日。空欄なら日付欄を空けて印刷します", "valdate"},
		row{"効力発生日", "覚書・SLA の効力が生じる日。空欄なら締結日", "valdate"},
		row{"締結方法", "書面 または 電子契約（一覧から選びます）", "value"},
		row{"協議期限", "協議中の項目について合意する期限", "valdate"},
		row{"初回確認日", "事業者と最初に確認した日（例: 2024/6/1、令和6年6月1日）", "valdate"},
		row{"作成日", "文書の日付（例: 2024/6/1、令和6年6月1日）", "valdate"},
		row{"版数", "合意内容の版（例: 1.0）", "value"},
		row{"医療機関担当者", "医療機関の担当者の部署・氏名", "value"},
		row{"医療機関所在地", "署名欄に記載する医療機関の所在地", "value"},
		row{"医療機関代表者", "署名欄に記載する代表者の役職・氏名（例: 理事長 山田 太郎）", "value"},
	)
	for i := range b.vendors {
		k := checklist.VendorKey(i)
		rows = append(rows,
			row{"事業者" + k + "担当者", fmt.Sprintf("事業者%sの担当者の部署・氏名", k), "value"},
			row{"事業者" + k + "所在地", fmt.Sprintf("署名欄に記載する事業者%sの所在地", k), "value"},
			row{"事業者" + k + "代表者", fmt.Sprintf("署名欄に記載する事業者%sの代表者の役職・氏名", k), "value"})
	}
	var dates []string
	for i, r := range rows {
		n := i + 1
		b.cell(s, 1, n, r.label, "label")
		var v any
		switch {
		case names[r.label] != "":
			v = names[r.label]
		case r.label == "文書種別":
			v = DocKindChoices[0]
			b.dropList(s, []string{fmt.Sprintf("B%d", n)}, DocKindChoices, "文書種別", "「契約書別紙」「覚書」「SLA」のいずれかを一覧から選んでください。")
		case r.label == "締結方法":
			v = checklist.SignPaper
			b.dropList(s, []string{fmt.Sprintf("B%d", n)}, []string{checklist.SignPaper, checklist.SignElectronic}, "締結方法", "「書面」か「電子契約」を一覧から選んでください。")
		}
		if r.style == "valdate" {
			dates = append(dates, fmt.Sprintf("B%d", n))
		}
		b.cell(s, 2, n, v, r.style)
		b.cell(s, 3, n, r.hint, "hint")
		b.set(b.x.SetRowHeight(s, n, 22))
	}
	b.dateCheck(s, dates)
	b.set(b.x.SetColWidth(s, "A", "A", 18))
	b.set(b.x.SetColWidth(s, "B", "B", 44))
	b.set(b.x.SetColWidth(s, "C", "C", 60))
	b.page(s, false, 0)
}
