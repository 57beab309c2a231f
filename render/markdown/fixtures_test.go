package markdown

import "github.com/annexgen/annexgen/checklist"

// Marks, shortened for the fixtures.
const (
	no  = checklist.MarkNone
	sup = checklist.MarkSupport
	do  = checklist.MarkDo
	own = checklist.MarkOwner
)

// roles builds an item's roles: the hospital's mark, then the vendors' in
// key order A, B, ….
func roles(marks ...checklist.Mark) []checklist.Role {
	rs := []checklist.Role{{Party: checklist.HospitalKey, Mark: marks[0]}}
	for i, m := range marks[1:] {
		rs = append(rs, checklist.Role{Party: string(rune('A' + i)), Mark: m})
	}
	return rs
}

func item(part, section, number, title, content string, check checklist.Check, done checklist.Date, agreement, remarks string, r []checklist.Role) checklist.Item {
	id := part + " " + number
	return checklist.Item{
		ID: id, Part: part, Section: section, Number: number,
		Title: title, Content: content, Check: check, Done: done,
		Roles: r, Agreement: agreement, Remarks: remarks, Sheet: part,
	}
}

// clinic is a small clinic with one vendor: Part1 without sections, Part2
// with one section, every item settled.
func clinic() *checklist.Checklist {
	return &checklist.Checklist{
		Info: checklist.Info{
			Hospital: checklist.Party{Key: checklist.HospitalKey, Name: "医療法人社団 さくら内科クリニック", Contact: "院長 佐藤 花子",
				Address: "東京都新宿区西新宿一丁目1番1号", Representative: "理事長 佐藤 花子"},
			Vendors: []checklist.Party{
				{Key: "A", Name: "株式会社メディカルシステムズ", Contact: "営業部 田中 一郎",
					Address: "大阪府大阪市北区梅田二丁目2番2号", Representative: "代表取締役 田中 太郎"},
			},
			MainDate:   checklist.Date{Year: 2024, Month: 4, Day: 1},
			SignDate:   checklist.Date{Year: 2024, Month: 7, Day: 10},
			Effective:  checklist.Date{Year: 2024, Month: 8, Day: 1},
			Electronic: true,
			System:     "電子カルテシステム",
			Contract:   "電子カルテシステム保守契約",
			FirstDate:  checklist.Date{Year: 2024, Month: 6, Day: 1},
			Created:    checklist.Date{Year: 2024, Month: 7, Day: 1},
			Version:    "1.0",
		},
		Parts: []checklist.Part{
			{Name: "Part1", Title: "主に医療機関が実施する項目", Sections: []checklist.Section{{Items: []checklist.Item{
				item("Part1", "", "1", "安全管理の責任者", "医療機関における医療情報システムの安全管理の責任者を定めること。", checklist.CheckYes, checklist.Date{},
					"甲は、院長を安全管理の責任者とする。", "", roles(own, sup)),
				item("Part1", "", "2", "利用者の管理", "利用者の登録、変更及び削除の手順を定めること。\n①登録\n②変更\n③削除", checklist.CheckYes, checklist.Date{},
					"甲は、利用者の登録、変更及び削除を行い、乙は、その手順書を提供する。", "", roles(own, sup)),
			}}}},
			{Name: "Part2", Title: "医療機関と事業者が共同で実施する項目", Sections: []checklist.Section{{Letter: "A", Title: "共通", Items: []checklist.Item{
				item("Part2", "A", "A-1", "連絡窓口", "平常時及び障害発生時の連絡窓口を定めること。", checklist.CheckNo, checklist.Date{Year: 2024, Month: 6, Day: 20},
					"甲の窓口は事務長、乙の窓口はサポートセンター（平日9時～17時）とする。", "", roles(own, own)),
				item("Part2", "A", "A-2", "バックアップ", "バックアップの取得及び保管の方法を定めること。", checklist.CheckYes, checklist.Date{},
					"乙は、日次でバックアップを取得し、甲は、その媒体を院内の施錠できる場所に保管する。", "", roles(do, own)),
			}}}},
		},
	}
}

// hospital is a hospital with two vendors: lettered sections, an open
// item, a 対象外 item, an item only the second vendor works on, a blank
// 初回確認 and service levels.
func hospital() *checklist.Checklist {
	d := func(y, m, day int) checklist.Date { return checklist.Date{Year: y, Month: m, Day: day} }
	return &checklist.Checklist{
		Info: checklist.Info{
			Hospital: checklist.Party{Key: checklist.HospitalKey, Name: "地方独立行政法人 みなと総合病院", Contact: "医療情報部 鈴木 次郎"},
			Vendors: []checklist.Party{
				{Key: "A", Name: "株式会社ホスピタルソリューションズ", Contact: "保守部 高橋 三郎"},
				{Key: "B", Name: "クラウドデータセンター株式会社", Contact: ""},
			},
			System:    "病院情報システム（電子カルテ・部門システム）",
			Contract:  "病院情報システム運用保守契約",
			Deadline:  d(2024, 12, 27),
			FirstDate: d(2024, 4, 10),
			Created:   d(2024, 9, 30),
			Version:   "2.1",
		},
		Parts: []checklist.Part{
			{Name: "Part1", Title: "", Sections: []checklist.Section{{Items: []checklist.Item{
				item("Part1", "", "1", "安全管理の体制", "医療情報システムの安全管理に係る体制を整備すること。", checklist.CheckYes, checklist.Date{},
					"甲は、医療情報システム安全管理委員会を設置する。", "", roles(own, sup, no)),
				item("Part1", "", "2", "リスク評価", "情報資産の洗い出しとリスク評価を行うこと。", checklist.CheckNo, checklist.Date{},
					"", "評価方法を協議中", roles(own, sup, sup)),
				item("Part1", "", "3", "遠隔保守の承認", "遠隔保守の実施について承認の手続を定めること。", checklist.CheckNA, checklist.Date{},
					"", "遠隔保守を行わないため", roles(no, no, no)),
			}}}},
			{Name: "Part2", Title: "医療機関と事業者が共同で実施する項目", Sections: []checklist.Section{
				{Letter: "A", Title: "共通", Items: []checklist.Item{
					item("Part2", "A", "A-1", "連絡窓口", "平常時及び障害発生時の連絡窓口を定めること。", checklist.CheckYes, checklist.Date{},
						"各当事者の窓口は、第2条に定める連絡担当者とする。", "", roles(own, own, own)),
					item("Part2", "A", "A-2", "障害時の報告", "障害発生時の報告の手順及び期限を定めること。", checklist.CheckNo, d(2024, 8, 5),
						"乙は、障害を検知したときは、1時間以内に甲に報告する。\n丙は、データセンター設備の障害を乙及び甲に報告する。", "", roles(own, do, do)),
				}},
				{Letter: "B", Title: "クラウドサービス", Items: []checklist.Item{
					item("Part2", "B", "B-1", "データの保管場所", "データを保管する国及び地域を定めること。", checklist.CheckYes, checklist.Date{},
						"丙は、データを日本国内のデータセンターにのみ保管する。", "", roles(sup, no, own)),
					item("Part2", "B", "B-2", "稼働率", "サービスの稼働率の目標を定めること。", checklist.CheckBlank, checklist.Date{},
						"", "", roles(sup, own, do)),
				}},
			}},
		},
		Levels: []checklist.ServiceLevel{
			{Metric: "稼働率", Target: "99.5%以上", Method: "月間、計画停止を除く", Period: "四半期", Remedy: "翌月の月額料金の10%を減額する。", Items: []string{"Part2 B-2"}},
			{Metric: "障害の初報", Target: "検知から1時間以内", Method: "障害報告書の記録による", Items: []string{"Part2 A-2", "Part2 B-1"}},
			{Metric: "データ保管場所の報告", Target: "年1回", Method: "報告書の提出", Items: []string{"Part2 B-1"}},
		},
	}
}
