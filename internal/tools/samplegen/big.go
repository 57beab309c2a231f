package main

import (
	"fmt"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/form"
)

// big returns a workbook of n items (a tenth in Part1, the rest in Part2
// spread over sections A to Z), every item filled, for measuring speed and
// memory on large inputs.
func big(n int) sample {
	s := sample{
		file:    fmt.Sprintf("big-%d.xlsx", n),
		vendors: []string{"株式会社ソラメディカルシステム", "ミドリネットワークス株式会社"},
		created: day(2026, 6, 1),
		info: []infoValue{
			{"医療機関名", "医療法人社団 青空会 青空総合病院"},
			{"対象システム", "電子カルテシステム及び部門システム"},
			{"契約名", "医療情報システム保守契約"},
			{"初回確認日", day(2026, 4, 15)},
			{"作成日", day(2026, 6, 1)},
			{"版数", "1.0"},
		},
		items: map[string]fill{},
	}
	var seeds []form.SeedItem
	part1 := n / 10
	perSection := (n - part1 + 25) / 26
	for i := 0; i < n; i++ {
		it := form.SeedItem{
			Title:   fmt.Sprintf("確認項目%d（バックアップ・アクセス管理）", i+1),
			Content: "対象システムの運用に関し、バックアップの取得と保管、利用者のアクセス権限の管理、障害時の連絡及び復旧の手順について、各当事者の役割を明確にし、文書で合意すること。",
		}
		if i < part1 {
			it.Part, it.Number = checklist.SheetPart1, fmt.Sprint(i+1)
		} else {
			k := i - part1
			letter := string(rune('A' + k/perSection))
			it.Part, it.Section, it.SectionTitle, it.Number = checklist.SheetPart2, letter, "運用区分"+letter, fmt.Sprint(k%perSection+1)
		}
		seeds = append(seeds, it)
		roles := []string{"◎", "○", "△"}
		if it.Part == checklist.SheetPart2 {
			roles = []string{"○", "◎", "△"}
		}
		s.items[it.ID()] = fill{
			check: "はい",
			roles: roles,
			agreement: "乙は、診療データを毎日1回バックアップし、14世代を保管する。このうち週1回分は、ネットワークから切り離した媒体に書き出し、本番環境と別の建物に保管する。\n" +
				"甲は、利用者アカウントの登録、変更及び削除を行い、退職者のアカウントは退職日当日に削除する。丙は、院内ネットワーク機器の設定変更を記録し、毎月甲に報告する。",
		}
	}
	s.seeds = seeds
	return s
}
