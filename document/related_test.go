package document

import (
	"testing"

	"github.com/annexgen/annexgen/checklist"
)

// TestRelated checks the 関係事業者 of a per-vendor document: the other
// vendors its items give a role or its text names keep their labels and
// are defined, without being parties.
func TestRelated(t *testing.T) {
	c := twoVendors()
	items := c.Parts[0].Sections[0].Items
	items[0].Agreement = "甲は、丙の窓口にも連絡する。"
	d, err := New(Annex, c, "A")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Related) != 1 || d.Related[0].Label != "丙" || d.Related[0].Name != "株式会社ビー" || len(d.Parties) != 2 {
		t.Errorf("related %+v, parties %+v: want 丙 related, 甲 and 乙 parties", d.Related, d.Parties)
	}
	items[0].Agreement = ""
	if d, _ := New(Annex, c, "A"); len(d.Related) != 0 {
		t.Errorf("related %+v: vendor B is neither named nor involved in A's items", d.Related)
	}
	c.Parts[1].Sections[0].Items[0].Roles[2].Mark = checklist.MarkSupport
	d, _ = New(Annex, c, "A")
	if it := d.Items[1]; len(d.Related) != 0 || !it.Others || len(it.OtherRoles) != 0 {
		t.Errorf("related %+v, item %+v: want B's role noted, B not named", d.Related, it)
	}
	items[0].Agreement = "乙及び丙は、協議する。"
	d, _ = New(Annex, c, "A")
	if it := d.Items[1]; len(d.Related) != 1 || it.Others || len(it.OtherRoles) != 1 || it.OtherRoles[0].Party.Label != "丙" || it.OtherRoles[0].Mark != "△ 支援" {
		t.Errorf("related %+v, item %+v: want 丙's △ listed", d.Related, it)
	}
	if d, _ := New(Annex, c, ""); len(d.Related) != 0 {
		t.Error("the whole document has related vendors")
	}
}

// TestAgreementStates checks the items whose 合意内容 is blank or says the
// roles alone are agreed.
func TestAgreementStates(t *testing.T) {
	c := twoVendors()
	c.Parts[0].Sections[0].Items[0].Agreement = " 役割分担のとおり "
	c.Parts[1].Sections[0].Items[1].Agreement = ""
	d, err := New(Memorandum, c, "")
	if err != nil {
		t.Fatal(err)
	}
	if it := d.Items[0]; !it.RolesOnly || it.Unwritten {
		t.Errorf("Part1 1 %+v: want roles only", it)
	}
	if it := d.Items[1]; it.RolesOnly || !it.Unwritten {
		t.Errorf("Part2 A-1 %+v: want unwritten", it)
	}
	if it := d.Items[2]; it.Unwritten {
		t.Error("a 対象外 item is unwritten")
	}
	if len(d.Unwritten) != 1 || d.Unwritten[0] != d.Items[1] {
		t.Errorf("unwritten %v", d.Unwritten)
	}
	if !d.Signed || d.Self != "本覚書" || d.SignDate != "令和　　年　　月　　日" || d.Deadline != "令和　　年　　月　　日" || d.MainDate != "" {
		t.Errorf("document %+v", d)
	}
}

// TestTablesAndObligors checks the numbering of the appended tables and
// who is bound by each service level.
func TestTablesAndObligors(t *testing.T) {
	c := twoVendors()
	c.Info.SignDate = checklist.Date{Year: 2026, Month: 6, Day: 1}
	c.Info.Electronic = true
	d, _ := New(SLA, c, "")
	if d.LevelsTable != "別表1" || d.Parts[0].Table != "別表2" || d.Parts[1].Table != "別表3" || d.Items[2].Table != "別表3" {
		t.Errorf("tables: levels %q, parts %q %q", d.LevelsTable, d.Parts[0].Table, d.Parts[1].Table)
	}
	if d.Levels[0].Obligors != "乙" || d.Levels[1].Obligors != "丙" {
		t.Errorf("obligors %q %q, want 乙 and 丙", d.Levels[0].Obligors, d.Levels[1].Obligors)
	}
	if d.SignDate != "令和8年6月1日" || !d.Electronic {
		t.Errorf("signing %q %v", d.SignDate, d.Electronic)
	}
	c.Levels = append(c.Levels, checklist.ServiceLevel{Metric: "問い合わせ"})
	d, _ = New(SLA, c, "")
	if got := d.Levels[2].Obligors; got != "乙及び丙" {
		t.Errorf("a level without items binds %q, want every vendor", got)
	}
	d, _ = New(Annex, c, "")
	if d.LevelsTable != "" || d.Parts[0].Table != "別表1" || d.Parts[1].Table != "別表2" {
		t.Errorf("annex tables: levels %q, parts %q %q", d.LevelsTable, d.Parts[0].Table, d.Parts[1].Table)
	}
}
