package xlsx

import (
	"github.com/annexgen/annexgen/checklist"
	"reflect"
	"strings"
	"testing"
)

func TestReadValid(t *testing.T) {
	c, fs, err := readBook(t, validBook(), checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Fatalf("findings:\n%s", short(fs))
	}
	info := c.Info
	wantInfo := checklist.Info{
		Hospital: checklist.Party{Key: checklist.HospitalKey, Name: "さくら総合病院", Contact: "情報システム課 山田", Cell: checklist.Cell{Sheet: "基本情報", Ref: "B1"}},
		Vendors: []checklist.Party{
			{Key: "A", Name: "株式会社サンプル医療システム", Contact: "営業部 佐藤", Cell: checklist.Cell{Sheet: "基本情報", Ref: "B3"}},
			{Key: "B", Name: "クラウド運用株式会社", Cell: checklist.Cell{Sheet: "基本情報", Ref: "B4"}},
		},
		System:    "電子カルテシステム",
		DocKind:   "契約書別紙",
		FirstDate: checklist.Date{Year: 2024, Month: 6, Day: 1},
		Created:   checklist.Date{Year: 2024, Month: 7, Day: 1},
		Version:   "1.0",
	}
	if !reflect.DeepEqual(info, wantInfo) {
		t.Errorf("Info\n got %+v\nwant %+v", info, wantInfo)
	}
	if len(c.Parts) != 2 {
		t.Fatalf("%d parts", len(c.Parts))
	}
	p1, p2 := c.Parts[0], c.Parts[1]
	if p1.Name != "Part1" || p1.Title != "主に医療機関が実施する項目" || len(p1.Sections) != 1 || p1.Sections[0].Letter != "" {
		t.Errorf("Part1 = %+v", p1)
	}
	if p2.Title != "医療機関と事業者が共同で実施する項目" || len(p2.Sections) != 2 ||
		p2.Sections[0].Letter != "A" || p2.Sections[0].Title != "共通" || p2.Sections[1].Title != "運用" {
		t.Errorf("Part2 = %+v", p2)
	}
	var ids []string
	for _, p := range c.Parts {
		for _, it := range p.Items() {
			ids = append(ids, it.ID)
		}
	}
	if got := strings.Join(ids, ","); got != "Part1 1,Part1 2,Part2 A-1,Part2 A-2,Part2 B-1" {
		t.Errorf("ids = %s", got)
	}
	want := checklist.Item{
		ID: "Part1 2", Part: "Part1", Number: "2", Title: "責任者", Content: "責任者の指名",
		Check: checklist.CheckNo, Done: checklist.Date{Year: 2024, Month: 7, Day: 1},
		Roles:     []checklist.Role{{Party: checklist.HospitalKey, Mark: checklist.MarkOwner}, {Party: "A", Mark: checklist.MarkDo}, {Party: "B", Mark: checklist.MarkNone}},
		Agreement: "双方が責任者を指名する。", Sheet: "Part1", Row: 5,
	}
	if got := *p1.Items()[1]; !reflect.DeepEqual(got, want) {
		t.Errorf("item\n got %+v\nwant %+v", got, want)
	}
	a2 := p2.Items()[1]
	if a2.Section != "A" || a2.Number != "A-2" || a2.Check != checklist.CheckNA || a2.Remarks != "別契約で定める。" {
		t.Errorf("Part2 A-2 = %+v", a2)
	}
	wantLevels := []checklist.ServiceLevel{{Metric: "稼働率", Target: "99.5%以上", Method: "月間、計画停止を除く",
		Items: []string{"Part2 B-1"}, Cell: checklist.Cell{Sheet: "サービスレベル", Ref: "A2"}}}
	if !reflect.DeepEqual(c.Levels, wantLevels) {
		t.Errorf("levels = %+v", c.Levels)
	}
}
