package checklist

import (
	"fmt"
	"strings"
	"testing"
)

// filled returns a checklist that breaks no rule: the hospital and two
// vendors, one Part1 item and one Part2 item in section A.
func filled() *Checklist {
	roles := func(h, a, b Mark) []Role {
		return []Role{{HospitalKey, h}, {"A", a}, {"B", b}}
	}
	return &Checklist{
		Info: Info{
			Hospital:  Party{Key: HospitalKey, Name: "さくら病院"},
			Vendors:   []Party{{Key: "A", Name: "株式会社ソラ"}, {Key: "B", Name: "ミドリ株式会社"}},
			DocKind:   "契約書別紙",
			FirstDate: Date{2026, 4, 1},
			Created:   Date{2026, 6, 1},
		},
		Parts: []Part{
			{Name: SheetPart1, Sections: []Section{{Items: []Item{{
				ID: "Part1 1", Part: SheetPart1, Number: "1", Title: "事業継続計画",
				Check: CheckYes, Roles: roles(MarkOwner, MarkSupport, MarkNone),
				Agreement: "甲は事業継続計画を毎年見直す。", Sheet: SheetPart1, Row: 5,
			}}}}},
			{Name: SheetPart2, Sections: []Section{{Letter: "A", Title: "共通", Items: []Item{{
				ID: "Part2 A-1", Part: SheetPart2, Section: "A", Number: "A-1", Title: "バックアップ",
				Check: CheckNo, Done: Date{2026, 5, 1}, Roles: roles(MarkDo, MarkOwner, MarkSupport),
				Agreement: "乙は日次でオフラインのバックアップを取得し、丙はその保管を支援する。", Sheet: SheetPart2, Row: 6,
			}}}}},
		},
		Levels: []ServiceLevel{{Metric: "復旧時間", Items: []string{"Part2 A-1"}, Cell: Cell{Sheet: SheetLevels, Ref: "A2"}}},
	}
}

// part2Item returns the Part2 item of a checklist made by filled.
func part2Item(c *Checklist) *Item { return &c.Parts[1].Sections[0].Items[0] }

// part1Item returns the Part1 item of a checklist made by filled.
func part1Item(c *Checklist) *Item { return &c.Parts[0].Sections[0].Items[0] }

// codes lists findings as "code severity item", one a line.
func codes(fs Findings) string {
	var lines []string
	for _, f := range fs {
		lines = append(lines, strings.TrimSpace(fmt.Sprintf("%s %s %s", f.Code, f.Severity, f.Item)))
	}
	return strings.Join(lines, "\n")
}

func TestValidateFilled(t *testing.T) {
	if fs := Validate(filled(), Options{}, nil); len(fs) != 0 {
		t.Errorf("a checklist that breaks no rule has findings:\n%s", codes(fs))
	}
}

// TestValidateRules checks each rule of Validate on a checklist that
// breaks it alone.
func TestValidateRules(t *testing.T) {
	tests := []struct {
		name   string
		opt    Options
		change func(c *Checklist)
		want   string
	}{
		{"nobody accountable", Options{}, func(c *Checklist) {
			part2Item(c).Roles = []Role{{HospitalKey, MarkDo}, {"A", MarkDo}, {"B", MarkSupport}}
		}, "owner-missing error Part2 A-1"},
		{"two accountable", Options{}, func(c *Checklist) {
			part2Item(c).Roles[0].Mark = MarkOwner
		}, "owner-multiple warning Part2 A-1"},
		{"a vendor accountable in Part1", Options{}, func(c *Checklist) {
			part1Item(c).Roles = []Role{{HospitalKey, MarkDo}, {"A", MarkOwner}, {"B", MarkNone}}
		}, "part1-vendor-owner warning Part1 1"},
		{"a joint item with one party", Options{}, func(c *Checklist) {
			part2Item(c).Roles = []Role{{HospitalKey, MarkNone}, {"A", MarkOwner}, {"B", MarkNone}}
		}, "joint-one-party warning Part2 A-1"},
		{"not checked", Options{}, func(c *Checklist) {
			part1Item(c).Check = CheckBlank
		}, "check-blank warning Part1 1"},
		{"open", Options{}, func(c *Checklist) {
			part2Item(c).Done = Date{}
		}, "open-item warning Part2 A-1"},
		{"open, strict", Options{Strict: true}, func(c *Checklist) {
			part2Item(c).Done = Date{}
		}, "open-item error Part2 A-1"},
		{"no agreement", Options{}, func(c *Checklist) {
			part1Item(c).Agreement = ""
		}, "agreement-missing warning Part1 1"},
		{"no agreement, strict", Options{Strict: true}, func(c *Checklist) {
			part1Item(c).Agreement = ""
		}, "agreement-missing error Part1 1"},
		{"an exemption for attacks", Options{}, func(c *Checklist) {
			part2Item(c).Agreement = "乙はバックアップを取得する。ランサムウェアによる損害について乙は一切の責任を負わない。"
		}, "agreement-exemption warning Part2 A-1"},
		{"another kind of document", Options{}, func(c *Checklist) {
			part2Item(c).Agreement = "本覚書に定めるとおり、乙が取得する。"
		}, "agreement-other-document warning Part2 A-1"},
		{"another kind of document, from the command line", Options{DocKind: "覚書"}, func(c *Checklist) {
			part2Item(c).Agreement = "本別紙に定めるとおり、乙が取得する。"
		}, "agreement-other-document warning Part2 A-1"},
		{"a party the checklist lacks", Options{}, func(c *Checklist) {
			part2Item(c).Agreement = "乙が取得し、丁は保管する。"
		}, "agreement-unknown-party warning Part2 A-1"},
		{"not applicable without a reason", Options{}, func(c *Checklist) {
			it := part1Item(c)
			it.Check, it.Agreement, it.Roles = CheckNA, "", []Role{{HospitalKey, MarkNone}, {"A", MarkNone}, {"B", MarkNone}}
		}, "na-no-reason warning Part1 1"},
		{"a vendor without a column", Options{}, func(c *Checklist) {
			it := part2Item(c)
			it.Roles = it.Roles[:2]
		}, "vendor-no-column error"},
		{"done before the first check", Options{}, func(c *Checklist) {
			part2Item(c).Done = Date{2026, 3, 31}
		}, "date-order warning Part2 A-1"},
		{"done after the workbook was made", Options{}, func(c *Checklist) {
			part2Item(c).Done = Date{2026, 6, 2}
		}, "date-after-created warning Part2 A-1"},
		{"done without having been open", Options{}, func(c *Checklist) {
			part1Item(c).Done = Date{2026, 5, 1}
		}, "done-without-open info Part1 1"},
		{"a service level naming no item", Options{}, func(c *Checklist) {
			c.Levels[0].Items = append(c.Levels[0].Items, "Part2 Z-9")
		}, "level-item-unknown warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := filled()
			tt.change(c)
			if got := codes(Validate(c, tt.opt, nil)); got != tt.want {
				t.Errorf("findings\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

// fieldCells locates an item's field at a made-up cell naming the field
// and the party: "F5" for FieldDone of row 5, "R5:A" for vendor A's mark.
type fieldCells struct{ unread map[string]bool }

func (l fieldCells) ItemCell(it *Item, f Field, party string) Cell {
	ref := fmt.Sprintf("F%d:%d", it.Row, f)
	if f == FieldRole {
		ref = fmt.Sprintf("R%d:%s", it.Row, party)
	}
	return Cell{Sheet: it.Sheet, Ref: ref}
}
func (fieldCells) HeaderCell(p *Part) Cell         { return Cell{Sheet: p.Name, Ref: "A3"} }
func (fieldCells) LevelCell(lv *ServiceLevel) Cell { return lv.Cell }
func (l fieldCells) Unread(part string) bool       { return l.unread[part] }

// TestValidateCells checks that findings point at the field the rule is
// about, through the Locator.
func TestValidateCells(t *testing.T) {
	c := filled()
	it := part2Item(c)
	it.Roles = []Role{{HospitalKey, MarkDo}, {"A", MarkOwner}, {"B", MarkOwner}}
	it.Done = Date{}
	c.Levels[0].Items = []string{"Part1 9"}
	got := Validate(c, Options{}, fieldCells{})
	var cells []string
	for _, f := range got {
		cells = append(cells, string(f.Code)+" "+f.Location())
	}
	want := []string{
		fmt.Sprintf("open-item Part2!F6:%d", FieldDone),
		"owner-multiple Part2!R6:B", // the second owner's mark
		"level-item-unknown サービスレベル!A2",
	}
	if strings.Join(cells, "\n") != strings.Join(want, "\n") {
		t.Errorf("cells\n got: %s\nwant: %s", strings.Join(cells, "\n"), strings.Join(want, "\n"))
	}
	// A reference to a Part that could not be read is not reported: the
	// reader has said why already.
	if fs := Validate(c, Options{}, fieldCells{unread: map[string]bool{SheetPart1: true}}); strings.Contains(codes(fs), "level-item-unknown") {
		t.Errorf("a reference into an unread Part was reported:\n%s", codes(fs))
	}
}

// An item nobody is accountable for is the gap the checklist exists to
// close: Validate refuses it, naming the parties to choose from.
func ExampleValidate() {
	c := &Checklist{
		Info: Info{Vendors: []Party{{Key: "A", Name: "株式会社ソラ"}}},
		Parts: []Part{{Name: SheetPart2, Sections: []Section{{Letter: "A", Items: []Item{{
			ID: "Part2 A-1", Title: "VPN 装置の脆弱性対応", Check: CheckYes, Sheet: SheetPart2,
			Roles:     []Role{{HospitalKey, MarkSupport}, {"A", MarkDo}},
			Agreement: "乙は公開から14日以内に修正プログラムを適用する。",
		}}}}}},
	}
	for _, f := range Validate(c, Options{}, nil) {
		fmt.Println(f.Severity, f.Code, f.Location())
		fmt.Println(f.Message)
	}
	// Output:
	// error owner-missing Part2
	// Part2 A-1「VPN 装置の脆弱性対応」: 主担当（◎）がいません。医療機関、事業者A（株式会社ソラ）のいずれか1者の欄に◎を入力してください。
}
