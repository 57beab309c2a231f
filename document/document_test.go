package document

import (
	"testing"

	"github.com/annexgen/annexgen/checklist"
)

// twoVendors is a small checklist with two vendors: A owns Part2 A-1, B
// owns Part2 A-2, and Part1 1 is the hospital's alone.
func twoVendors() *checklist.Checklist {
	role := func(h, a, b checklist.Mark) []checklist.Role {
		return []checklist.Role{{Party: checklist.HospitalKey, Mark: h}, {Party: "A", Mark: a}, {Party: "B", Mark: b}}
	}
	return &checklist.Checklist{
		Info: checklist.Info{
			Hospital: checklist.Party{Key: checklist.HospitalKey, Name: "医療法人テスト会"},
			Vendors:  []checklist.Party{{Key: "A", Name: "株式会社エー"}, {Key: "B", Name: "株式会社ビー"}},
			System:   "電子カルテシステム",
			Contract: "電子カルテシステム保守契約",
			Created:  checklist.Date{Year: 2026, Month: 4, Day: 1},
		},
		Parts: []checklist.Part{
			{Name: "Part1", Sections: []checklist.Section{{Items: []checklist.Item{
				{ID: "Part1 1", Number: "1", Title: "体制", Roles: role(checklist.MarkOwner, 0, 0)},
			}}}},
			{Name: "Part2", Sections: []checklist.Section{{Letter: "A", Title: "共通", Items: []checklist.Item{
				{ID: "Part2 A-1", Number: "A-1", Title: "窓口", Roles: role(checklist.MarkDo, checklist.MarkOwner, 0), Check: checklist.CheckNo},
				{ID: "Part2 A-2", Number: "A-2", Title: "保管", Roles: role(0, 0, checklist.MarkOwner), Check: checklist.CheckNA},
			}}}},
		},
		Levels: []checklist.ServiceLevel{
			{Metric: "稼働率", Items: []string{"Part2 A-1"}},
			{Metric: "保管場所", Items: []string{"Part2 A-2"}},
		},
	}
}

func TestTitle(t *testing.T) {
	c := twoVendors()
	if got, want := Title(Annex, c), "別紙　電子カルテシステムの安全管理に係る役割分担"; got != want {
		t.Errorf("Title(Annex) = %q, want %q", got, want)
	}
	if got, want := Title(Memorandum, c), "電子カルテシステム保守契約に係る役割分担に関する覚書"; got != want {
		t.Errorf("Title(Memorandum) = %q, want %q", got, want)
	}
	if got, want := Title(SLA, c), "電子カルテシステム サービス・レベル合意書"; got != want {
		t.Errorf("Title(SLA) = %q, want %q", got, want)
	}
	c.Info.Contract = ""
	if got, want := Title(Memorandum, c), "電子カルテシステムの安全管理に係る役割分担に関する覚書"; got != want {
		t.Errorf("Title(Memorandum) without 契約名 = %q, want %q", got, want)
	}
	c.Info.Contract, c.Info.System = "\n", ""
	if got, want := Title(Annex, c), "別紙　医療情報システムの安全管理に係る役割分担"; got != want {
		t.Errorf("Title(Annex) of a blank checklist = %q, want %q", got, want)
	}
	if got, want := Title(SLA, c), "サービス・レベル合意書"; got != want {
		t.Errorf("Title(SLA) of a blank checklist = %q, want %q", got, want)
	}
}

func TestPartyLabel(t *testing.T) {
	for i, want := range []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "第11当事者", "第12当事者"} {
		if got := PartyLabel(i); got != want {
			t.Errorf("PartyLabel(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestKinds(t *testing.T) {
	for _, k := range Kinds() {
		if !k.Valid() || k.Japanese() == "" || k.Self() == "" || KindOf(k.Japanese()) != k {
			t.Errorf("kind %q: valid %v, 文書種別 %q, self %q", k, k.Valid(), k.Japanese(), k.Self())
		}
	}
	for docKind, want := range map[string]Kind{"契約書別紙": Annex, "覚書": Memorandum, "SLA": SLA, "": Annex, "覚え書き": Annex} {
		if got := KindOf(docKind); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", docKind, got, want)
		}
	}
	if Kind("memo").Valid() {
		t.Error("an unknown kind is valid")
	}
	if Annex.Signed() || !Memorandum.Signed() || !SLA.Signed() {
		t.Error("only the 覚書 and the SLA have a signature block of their own")
	}
	if got, want := KindNames("または"), "annex、memorandum または sla"; got != want {
		t.Errorf("KindNames = %q, want %q", got, want)
	}
	if Annex.File() != "annex.md.tmpl" {
		t.Errorf("Annex.File() = %q", Annex.File())
	}
}

func TestPerVendor(t *testing.T) {
	c := twoVendors()
	d, err := New(SLA, c, "B")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range d.Items {
		ids = append(ids, it.ID)
	}
	if got, want := len(ids), 2; got != want || ids[0] != "Part1 1" || ids[1] != "Part2 A-2" {
		t.Errorf("vendor B's items %v, want Part1 1 and Part2 A-2", ids)
	}
	if len(d.Parties) != 2 || d.Vendors[0].Label != "丙" || d.Between != "甲丙間" || !d.PerVendor || d.Vendors[0].Conj != "と" {
		t.Errorf("parties %+v, between %q: want 甲 and 丙 (B keeps its label)", d.Parties, d.Between)
	}
	if len(d.NA) != 1 || len(d.Open) != 0 {
		t.Errorf("open %d, 対象外 %d; want 0 and 1", len(d.Open), len(d.NA))
	}
	if len(d.Levels) != 1 || d.Levels[0].Metric != "保管場所" || d.Levels[0].Number != 1 {
		t.Errorf("levels %+v, want 保管場所 alone, numbered 1", d.Levels)
	}
	if it := d.Items[1]; len(it.Levels) != 1 || it.Depth != 4 || it.Roles[1].Mark != "◎ 主担当" {
		t.Errorf("item %+v", it)
	}
	if d.Meta.Author != "医療法人テスト会、株式会社ビー" || d.Meta.Title != d.Title || d.Meta.Created.Year() != 2026 {
		t.Errorf("meta %+v", d.Meta)
	}
	if _, err := New(Annex, c, "Z"); err == nil {
		t.Error("unknown vendor: want an error")
	}
	if _, err := New("memo", c, ""); err == nil {
		t.Error("unknown kind: want an error")
	}
}

func TestWhole(t *testing.T) {
	d, err := New(Annex, twoVendors(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 3 || len(d.Open) != 1 || d.PerVendor || d.VendorLabels != "乙及び丙" || d.Self != "本別紙" {
		t.Errorf("document %+v", d)
	}
	if d.Parts[0].Title != "主に医療機関が実施する項目" {
		t.Errorf("Part1's default title is %q", d.Parts[0].Title)
	}
	if len(d.Items[1].Levels) != 0 {
		t.Error("an annex lists levels under its items")
	}
	if got := Vendors(twoVendors(), true); len(got) != 2 || got[0] != "A" {
		t.Errorf("Vendors = %v", got)
	}
	if got := Vendors(twoVendors(), false); len(got) != 1 || got[0] != "" {
		t.Errorf("Vendors = %v", got)
	}
}
