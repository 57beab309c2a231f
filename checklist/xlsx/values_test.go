package xlsx

import (
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"reflect"
	"strings"
	"testing"
)

// item returns the item with the given id, or nil.
func item(c *checklist.Checklist, id string) *checklist.Item {
	for i := range c.Parts {
		for _, it := range c.Parts[i].Items() {
			if it.ID == id {
				return it
			}
		}
	}
	return nil
}

// ids lists the checklist's item ids.
func ids(c *checklist.Checklist) string {
	var s []string
	for _, p := range c.Parts {
		for _, it := range p.Items() {
			s = append(s, it.ID)
		}
	}
	return strings.Join(s, ",")
}

// valueCases change validBook and check what is read. None gives a finding.
var valueCases = []struct {
	name  string
	edit  func(b *testBook)
	check func(c *checklist.Checklist) string // what is wrong, "" if nothing
}{
	{"full-width numbers", func(b *testBook) { b.set(checklist.SheetPart1, "A4", "１").set(checklist.SheetPart1, "A5", "０２") },
		func(c *checklist.Checklist) string {
			return want(ids(c), "Part1 1,Part1 2,Part2 A-1,Part2 A-2,Part2 B-1")
		}},
	{"numbers as numbers", func(b *testBook) { b.set(checklist.SheetPart1, "A4", 1).set(checklist.SheetPart1, "A5", 2.0) },
		func(c *checklist.Checklist) string {
			return want(ids(c), "Part1 1,Part1 2,Part2 A-1,Part2 A-2,Part2 B-1")
		}},
	{"explicit section numbers", func(b *testBook) {
		b.set(checklist.SheetPart2, "A5", "A-1").set(checklist.SheetPart2, "A6", "Ａ－２").set(checklist.SheetPart2, "A8", "b1")
	}, func(c *checklist.Checklist) string {
		return want(ids(c), "Part1 1,Part1 2,Part2 A-1,Part2 A-2,Part2 B-1")
	}},
	{"section letter with title in one cell", func(b *testBook) {
		b.set(checklist.SheetPart2, "A7", "Ｂ　運用").set(checklist.SheetPart2, "B7", nil).set(checklist.SheetPart2, "A4", "ａ")
	}, func(c *checklist.Checklist) string {
		s := c.Parts[1].Sections
		return want(fmt.Sprint(s[0].Letter, s[0].Title, s[1].Letter, s[1].Title), "A共通B運用")
	}},
	{"line breaks and spaces", func(b *testBook) {
		b.set(checklist.SheetPart1, "C4", "　①取得\r\n②保管\n  ").set(checklist.SheetPart1, "B4", " 契約  範囲\u3000")
	}, func(c *checklist.Checklist) string {
		it := item(c, "Part1 1")
		return want(it.Content+"|"+it.Title, "①取得\n②保管|契約  範囲")
	}},
	{"markup stays text", func(b *testBook) { b.set(checklist.SheetPart1, "I4", "# 見出し | <b> {{.X}} **太字** `x`") },
		func(c *checklist.Checklist) string {
			return want(item(c, "Part1 1").Agreement, "# 見出し | <b> {{.X}} **太字** `x`")
		}},
	{"date serial, custom format", func(b *testBook) { b.date(checklist.SheetPart1, "E5", 45474, "yyyy/mm/dd") },
		func(c *checklist.Checklist) string { return want(item(c, "Part1 2").Done.String(), "2024-07-01") }},
	{"date serial, built-in format 14", func(b *testBook) { b.builtinDate(checklist.SheetPart1, "E5", 45474, 14) },
		func(c *checklist.Checklist) string { return want(item(c, "Part1 2").Done.String(), "2024-07-01") }},
	{"date serial, built-in format 57 (和暦)", func(b *testBook) { b.builtinDate(checklist.SheetPart1, "E5", 45474, 57) },
		func(c *checklist.Checklist) string { return want(item(c, "Part1 2").Done.String(), "2024-07-01") }},
	{"date serial, 和暦 custom format", func(b *testBook) { b.date(checklist.SheetInfo, "B6", 45444, `[$-ja-JP]ggge"年"m"月"d"日"`) },
		func(c *checklist.Checklist) string { return want(c.Info.FirstDate.String(), "2024-06-01") }},
	{"date serial with time", func(b *testBook) { b.date(checklist.SheetPart1, "E5", 45474.75, "yyyy/m/d h:mm") },
		func(c *checklist.Checklist) string { return want(item(c, "Part1 2").Done.String(), "2024-07-01") }},
	{"1904 date system", func(b *testBook) {
		b.date1904 = true
		b.date(checklist.SheetPart1, "E5", 45474-1462, "yyyy/mm/dd")
	}, func(c *checklist.Checklist) string { return want(item(c, "Part1 2").Done.String(), "2024-07-01") }},
	{"dates as text", func(b *testBook) {
		b.set(checklist.SheetInfo, "B6", "R6.6.1").set(checklist.SheetInfo, "B7", "２０２４／７／１").set(checklist.SheetPart1, "E5", "令和6年7月1日")
	}, func(c *checklist.Checklist) string {
		return want(c.Info.FirstDate.String()+c.Info.Created.String()+item(c, "Part1 2").Done.String(), "2024-06-012024-07-012024-07-01")
	}},
	{"dates in every text form", func(b *testBook) {
		b.set(checklist.SheetPart1, "E5", "2024-07-01").set(checklist.SheetPart2, "E5", "2024年7月1日").set(checklist.SheetPart2, "E8", "R6/7/1").
			set(checklist.SheetPart2, "D5", "いいえ").set(checklist.SheetPart2, "D8", "いいえ").
			set(checklist.SheetInfo, "B7", "令和元年5月1日").set(checklist.SheetInfo, "B6", "平成31年4月30日").set(checklist.SheetInfo, "A7", "メモ")
	}, func(c *checklist.Checklist) string {
		return want(fmt.Sprint(item(c, "Part1 2").Done, item(c, "Part2 A-1").Done, item(c, "Part2 B-1").Done, c.Info.FirstDate),
			"2024-07-01 2024-07-01 2024-07-01 2019-04-30")
	}},
	{"formula with cached values", func(b *testBook) {
		b.formula(checklist.SheetPart1, "I4", `"範囲は"&"別表"`, "範囲は別表").formula(checklist.SheetPart1, "E5", "DATE(2024,7,1)", 45474).
			date(checklist.SheetPart1, "E5", 45474, "yyyy/mm/dd")
	}, func(c *checklist.Checklist) string {
		return want(item(c, "Part1 1").Agreement+item(c, "Part1 2").Done.String(), "範囲は別表2024-07-01")
	}},
	{"every spelling of the marks", func(b *testBook) {
		b.set(checklist.SheetPart2, "F5", "〇").set(checklist.SheetPart2, "H5", "▲").set(checklist.SheetPart2, "F8", "◯").set(checklist.SheetPart2, "H8", "－").
			set(checklist.SheetPart1, "H4", "―").set(checklist.SheetPart1, "G4", " △ ")
	}, func(c *checklist.Checklist) string {
		var s []string
		for _, id := range []string{"Part2 A-1", "Part2 B-1", "Part1 1"} {
			for _, r := range item(c, id).Roles {
				s = append(s, r.Mark.Symbol())
			}
		}
		return want(strings.Join(s, ","), "○,◎,△,○,◎,,◎,△,")
	}},
	{"merged 項番 continues the item", func(b *testBook) {
		b.merge(checklist.SheetPart1, "A4:A5").set(checklist.SheetPart1, "A5", nil).set(checklist.SheetPart1, "B5", nil).
			set(checklist.SheetPart1, "C5", "追加の内容").set(checklist.SheetPart1, "D5", nil).set(checklist.SheetPart1, "E5", nil).
			set(checklist.SheetPart1, "F5", nil).set(checklist.SheetPart1, "G5", nil).set(checklist.SheetPart1, "I5", nil).set(checklist.SheetPart1, "H4", nil).set(checklist.SheetPart1, "H5", "○")
	}, func(c *checklist.Checklist) string {
		it := item(c, "Part1 1")
		return want(ids(c)+"|"+it.Content+"|"+it.Roles[2].Mark.Symbol(), "Part1 1,Part2 A-1,Part2 A-2,Part2 B-1|対象とする業務の範囲\n追加の内容|○")
	}},
	{"headers with breaks, spaces and remarks", func(b *testBook) {
		b.set(checklist.SheetPart1, "D3", "初回\n確認").set(checklist.SheetPart1, "E3", "完了日（合意した日）").set(checklist.SheetPart1, "I3", "合 意 内 容").
			set(checklist.SheetPart1, "A3", "項　番").set(checklist.SheetPart1, "G3", "事業者Ａ")
	}, func(c *checklist.Checklist) string {
		return want(item(c, "Part1 2").Done.String()+item(c, "Part1 1").Agreement, "2024-07-01範囲は別表のとおり。")
	}},
	{"columns in another order", func(b *testBook) {
		b.sheet("P1", []any{"備考", "合意内容", "事業者B", "事業者A", "医療機関", "完了日", "初回確認", "内容", "項目", "項番"},
			[]any{"", "合意した。", "", "○", "◎", "", "はい", "内容", "項目", "1"}).drop(checklist.SheetPart1).rename("P1", "Part1")
	}, func(c *checklist.Checklist) string {
		it := item(c, "Part1 1")
		return want(fmt.Sprint(it.Title, it.Agreement, it.Roles), "項目合意した。[{医療機関 3} {A 2} {B 0}]")
	}},
	{"role columns under a grouping heading", func(b *testBook) {
		b.sheet("P1",
			[]any{"項番", "項目", "内容", "初回確認", "完了日", "役割分担", "", "", "合意内容", "備考"},
			[]any{"", "", "", "一覧から選択", "", "医療機関", "事業者A", "事業者B"},
			[]any{"1", "項目", "内容", "はい", "", "◎", "○", "", "合意した。"}).
			merge("P1", "F1:H1").drop(checklist.SheetPart1).rename("P1", "Part1")
	}, func(c *checklist.Checklist) string {
		return want(fmt.Sprint(item(c, "Part1 1").Roles, item(c, "Part1 1").Row), "[{医療機関 3} {A 2} {B 0}] 3")
	}},
	{"基本情報 in any order with blank rows", func(b *testBook) {
		b.drop(checklist.SheetInfo).sheet("info",
			[]any{"基本情報"}, nil,
			[]any{"事業者B", "クラウド運用株式会社"},
			[]any{"事業者A担当者", "営業部 佐藤"}, nil,
			[]any{"初回確認日：", "2024/6/1"},
			[]any{"事業者A", "株式会社サンプル医療システム"},
			[]any{"医療機関名（甲）", "さくら総合病院"},
			[]any{"対象システム", "電子カルテシステム"}).rename("info", " 基本情報 ")
	}, func(c *checklist.Checklist) string {
		v := c.Info.Vendors
		return want(fmt.Sprint(v[0].Key, v[0].Name, v[1].Key, v[1].Contact, c.Info.Hospital.Name, c.Info.Hospital.Cell), "Bクラウド運用株式会社A営業部 佐藤さくら総合病院 基本情報 !B8")
	}},
	{"sheet names in full width and lower case", func(b *testBook) {
		b.rename(checklist.SheetPart1, "ｐａｒｔ１").rename(checklist.SheetPart2, "PART 2")
	},
		func(c *checklist.Checklist) string {
			return want(item(c, "Part1 1").Sheet+item(c, "Part2 B-1").Sheet, "ｐａｒｔ１PART 2")
		}},
	{"numbers shown with their format", func(b *testBook) {
		b.date(checklist.SheetLevels, "B2", 0.995, "0.0%").date(checklist.SheetInfo, "B8", 1, "0.0")
	}, func(c *checklist.Checklist) string { return want(c.Levels[0].Target+" "+c.Info.Version, "99.5% 1.0") }},
	{"several 関連項番", func(b *testBook) {
		b.set(checklist.SheetLevels, "D2", "Ｐａｒｔ２　Ａ－１、B-1\nPart1 2, part2:A-2")
	},
		func(c *checklist.Checklist) string {
			return want(strings.Join(c.Levels[0].Items, ","), "Part2 A-1,Part2 B-1,Part1 2,Part2 A-2")
		}},
	{"rows numbered in advance and left empty", func(b *testBook) {
		b.set(checklist.SheetPart1, "A6", "3").set(checklist.SheetPart1, "A7", "4").set(checklist.SheetPart1, "F7", "-").set(checklist.SheetPart2, "A9", "2")
	}, func(c *checklist.Checklist) string {
		return want(ids(c), "Part1 1,Part1 2,Part2 A-1,Part2 A-2,Part2 B-1")
	}},
	{"SLA", func(b *testBook) {
		b.set(checklist.SheetInfo, "B5", "sla").set(checklist.SheetInfo, "A11", "契約名").set(checklist.SheetInfo, "B11", "保守契約")
	},
		func(c *checklist.Checklist) string { return want(c.Info.DocKind+c.Info.Contract, "SLA保守契約") }},
}

func want(got, want string) string {
	if got != want {
		return fmt.Sprintf("got %q, want %q", got, want)
	}
	return ""
}

func TestReadValues(t *testing.T) {
	for _, tc := range valueCases {
		t.Run(tc.name, func(t *testing.T) {
			b := validBook()
			tc.edit(b)
			c, fs, err := readBook(t, b, checklist.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) > 0 {
				t.Errorf("findings:\n%s", short(fs))
			}
			if msg := tc.check(c); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestValidateAlone checks Validate on a checklist built in code: cells
// follow the standard column order.
func TestValidateAlone(t *testing.T) {
	c := &checklist.Checklist{Info: checklist.Info{
		Hospital:  checklist.Party{Key: checklist.HospitalKey, Name: "病院", Cell: checklist.Cell{Sheet: "基本情報", Ref: "B1"}},
		Vendors:   []checklist.Party{{Key: "A", Name: "甲社"}, {Key: "B", Name: "乙社"}},
		FirstDate: checklist.Date{Year: 2024, Month: 6, Day: 1},
	}}
	c.Parts = []checklist.Part{{Name: "Part2", Sections: []checklist.Section{{Letter: "A", Items: []checklist.Item{{
		ID: "Part2 A-1", Title: "監視", Check: checklist.CheckNo, Sheet: "Part2", Row: 5,
		Roles: []checklist.Role{{Party: checklist.HospitalKey, Mark: checklist.MarkDo}, {Party: "A", Mark: checklist.MarkNone}, {Party: "B", Mark: checklist.MarkNone}},
	}}}}}}
	got := short(Validate(c, checklist.Options{Strict: true}))
	want := strings.Join([]string{
		"open-item error Part2!E5 Part2 A-1",
		"owner-missing error Part2!F5 Part2 A-1",
		"joint-one-party warning Part2!G5 Part2 A-1",
		"agreement-missing error Part2!I5 Part2 A-1",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	fs := Validate(c, checklist.Options{})
	if !reflect.DeepEqual(fs[1].Message, "Part2 A-1「監視」: 主担当（◎）がいません。医療機関、事業者A（甲社）、事業者B（乙社）のいずれか1者の欄に◎を入力してください。") {
		t.Errorf("message %q", fs[1].Message)
	}
}
