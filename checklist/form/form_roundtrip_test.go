package form

import (
	"cmp"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// finding is the part of a Finding that tests pin down; messages are
// checked only for being there.
type finding struct {
	Code     string
	Severity checklist.Severity
	At       string // "Part2!G14"
	Item     string
}

func pin(t *testing.T, fs checklist.Findings) []finding {
	t.Helper()
	var out []finding
	for _, f := range fs {
		if f.Message == "" {
			t.Errorf("finding %s at %s has no message", f.Code, f.Location())
		}
		out = append(out, finding{string(f.Code), f.Severity, f.Location(), f.Item})
	}
	slices.SortFunc(out, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(a.Code, b.Code))
	})
	return out
}

func sortFindings(fs []finding) []finding {
	slices.SortFunc(fs, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(a.Code, b.Code))
	})
	return fs
}

// saveForm writes the workbook to a temporary .xlsx file and loads it.
func saveAndLoad(t *testing.T, x *excelize.File) (*checklist.Checklist, checklist.Findings) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "form.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	c, fs, err := xlsx.Load(path, checklist.Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c, fs
}

var roundTripItems = []SeedItem{
	{Part: "Part1", Number: "1", Title: "方針", Content: "方針を定める。"},
	{Part: "Part1", Number: "2", Title: "委託範囲", Content: "範囲を決める。"},
	{Part: "Part2", Section: "A", SectionTitle: "共通", Number: "1", Title: "窓口", Content: "窓口を決める。"},
	{Part: "Part2", Section: "A", SectionTitle: "共通", Number: "2", Title: "再委託", Content: "再委託の手続。"},
	{Part: "Part2", Section: "B", SectionTitle: "システム運用", Number: "1", Title: "バックアップ", Content: "保管場所を決める。"},
}

func TestBlankFormFindings(t *testing.T) {
	x, err := newFile(Form{Vendors: []string{"株式会社カルテ", "ネット株式会社"}, Items: roundTripItems})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	c, fs := saveAndLoad(t, x)
	// A blank form lacks the parties, the first consultation date and, on
	// every item, the check, the owner and the agreement: nothing else.
	want := []finding{
		{"basic-missing", checklist.SeverityError, "基本情報!B1", ""},
		{"basic-missing", checklist.SeverityError, "基本情報!B2", ""},
		{"first-date-missing", checklist.SeverityWarning, "基本情報!B12", ""},
	}
	rows := itemRowNumbers(t, x)
	for _, it := range roundTripItems {
		sheet, row := it.Part, rows[it.ID()]
		want = append(want,
			finding{"check-blank", checklist.SeverityWarning, fmt.Sprintf("%s!D%d", sheet, row), it.ID()},
			finding{"owner-missing", checklist.SeverityError, fmt.Sprintf("%s!F%d", sheet, row), it.ID()},
			finding{"agreement-missing", checklist.SeverityWarning, fmt.Sprintf("%s!I%d", sheet, row), it.ID()},
		)
	}
	if got := pin(t, fs); !slices.Equal(got, sortFindings(want)) {
		t.Errorf("findings of a blank form:\n got %v\nwant %v", got, sortFindings(want))
	}
	var ids []string
	for _, p := range c.Parts {
		for _, it := range p.Items() {
			ids = append(ids, it.ID)
			if it.Content == "" || it.Title == "" {
				t.Errorf("%s lost its title or content: %+v", it.ID, it)
			}
		}
	}
	if want := []string{"Part1 1", "Part1 2", "Part2 A-1", "Part2 A-2", "Part2 B-1"}; !slices.Equal(ids, want) {
		t.Errorf("item ids = %q, want %q", ids, want)
	}
	if len(c.Info.Vendors) != 2 || c.Info.Vendors[1].Name != "ネット株式会社" || c.Info.DocKind != "契約書別紙" {
		t.Errorf("info = %+v", c.Info)
	}
}

func TestSampleFormFindings(t *testing.T) {
	x, err := newFile(Form{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	_, fs := saveAndLoad(t, x)
	n := len(SampleItems())
	got := map[string]int{}
	for _, f := range fs {
		got[f.Severity.String()+" "+string(f.Code)]++
	}
	want := map[string]int{
		"error basic-missing":        3, // 医療機関名, 対象システム, 事業者A
		"warning first-date-missing": 1,
		"warning check-blank":        n,
		"error owner-missing":        n,
		"warning agreement-missing":  n,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings of the blank sample form = %v, want %v", got, want)
	}
}

// itemRowNumbers maps the ids of roundTripItems to their rows.
func itemRowNumbers(t *testing.T, x *excelize.File) map[string]int {
	t.Helper()
	h1, _ := headerRow(t, x, "Part1")
	h2, _ := headerRow(t, x, "Part2")
	// Part2: section A, A-1, A-2, section B, B-1.
	return map[string]int{"Part1 1": h1 + 1, "Part1 2": h1 + 2, "Part2 A-1": h2 + 2, "Part2 A-2": h2 + 3, "Part2 B-1": h2 + 5}
}

// fillRow writes values into a row of a Part sheet by header name.
func fillRow(t *testing.T, x *excelize.File, sheet string, row int, values map[string]any) {
	t.Helper()
	_, header := headerRow(t, x, sheet)
	for name, v := range values {
		col := slices.IndexFunc(header, func(h string) bool { return h == name || strings.HasPrefix(h, name+"\n") })
		if col < 0 {
			t.Fatalf("%s has no column %s", sheet, name)
		}
		cell, _ := excelize.CoordinatesToCellName(col+1, row)
		if err := x.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFormRoundTrip(t *testing.T) {
	x, err := newFile(Form{Vendors: []string{"株式会社カルテ", "ネット株式会社"}, Items: roundTripItems})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, v := range map[string]any{"B1": "さくら病院", "B2": "電子カルテ", "B5": "SLA", "B8": "R8.6.10", "B10": "電子契約", "B12": formSerial(2026, 4, 15), "B13": "令和8年6月1日"} {
		if err := x.SetCellValue("基本情報", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	rows := itemRowNumbers(t, x)
	const markup = "窓口: 03-1234-5678 #2 | *夜間* <b>{{.Name}}</b>"
	fillRow(t, x, "Part1", rows["Part1 1"], map[string]any{"初回確認": "はい", "医療機関": "◎", "事業者A": "△", "合意内容": "甲が方針を定める。"})
	fillRow(t, x, "Part1", rows["Part1 2"], map[string]any{"初回確認": "いいえ", "完了日": "R8.5.1", "事業者A": "◎", "医療機関": "○", "合意内容": "乙が範囲表を作る。"})
	fillRow(t, x, "Part2", rows["Part2 A-1"], map[string]any{"初回確認": "いいえ", "医療機関": "○", "事業者A": "◎", "事業者B": "◎", "合意内容": markup})
	fillRow(t, x, "Part2", rows["Part2 A-2"], map[string]any{"初回確認": "対象外", "医療機関": "-", "事業者A": "-", "事業者B": "-"})
	fillRow(t, x, "Part2", rows["Part2 B-1"], map[string]any{"初回確認": "はい", "完了日": formSerial(2026, 5, 20), "医療機関": "◎", "合意内容": "テープは金庫に保管する。"})
	c, fs := saveAndLoad(t, x)

	want := sortFindings([]finding{
		{"part1-vendor-owner", checklist.SeverityWarning, fmt.Sprintf("Part1!G%d", rows["Part1 2"]), "Part1 2"},
		{"open-item", checklist.SeverityWarning, fmt.Sprintf("Part2!E%d", rows["Part2 A-1"]), "Part2 A-1"},
		{"owner-multiple", checklist.SeverityWarning, fmt.Sprintf("Part2!H%d", rows["Part2 A-1"]), "Part2 A-1"},
		{"na-no-reason", checklist.SeverityWarning, fmt.Sprintf("Part2!J%d", rows["Part2 A-2"]), "Part2 A-2"},
		{"joint-one-party", checklist.SeverityWarning, fmt.Sprintf("Part2!G%d", rows["Part2 B-1"]), "Part2 B-1"},
		{"done-without-open", checklist.SeverityInfo, fmt.Sprintf("Part2!E%d", rows["Part2 B-1"]), "Part2 B-1"},
	})
	if got := pin(t, fs); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %v\nwant %v", got, want)
	}

	if c.Info.Hospital.Name != "さくら病院" || c.Info.DocKind != "SLA" ||
		c.Info.FirstDate != (checklist.Date{Year: 2026, Month: 4, Day: 15}) || c.Info.Created != (checklist.Date{Year: 2026, Month: 6, Day: 1}) ||
		c.Info.SignDate != (checklist.Date{Year: 2026, Month: 6, Day: 10}) || !c.Info.Electronic {
		t.Errorf("info = %+v", c.Info)
	}
	items := map[string]*checklist.Item{}
	for _, p := range c.Parts {
		for _, it := range p.Items() {
			items[it.ID] = it
		}
	}
	a1 := items["Part2 A-1"]
	if a1 == nil || a1.Agreement != markup || !a1.Open() || fmt.Sprint(a1.Owners()) != "[A B]" || a1.Role(checklist.HospitalKey) != checklist.MarkDo {
		t.Errorf("Part2 A-1 = %+v", a1)
	}
	if p12 := items["Part1 2"]; p12 == nil || p12.Done != (checklist.Date{Year: 2026, Month: 5, Day: 1}) || p12.Check != checklist.CheckNo || p12.Open() {
		t.Errorf("Part1 2 = %+v", p12)
	}
	if b1 := items["Part2 B-1"]; b1 == nil || b1.Done != (checklist.Date{Year: 2026, Month: 5, Day: 20}) || b1.Role("B") != checklist.MarkNone {
		t.Errorf("Part2 B-1 = %+v", b1)
	}
	if a2 := items["Part2 A-2"]; a2 == nil || a2.Applicable() {
		t.Errorf("Part2 A-2 = %+v", a2)
	}
}

func TestSamplesLoad(t *testing.T) {
	want := map[string][]finding{
		"clinic.xlsx": nil,
		"hospital.xlsx": sortFindings([]finding{
			{"open-item", checklist.SeverityWarning, "Part1!E12", "Part1 4"},
			{"owner-multiple", checklist.SeverityWarning, "Part2!H11", "Part2 A-2"},
			{"open-item", checklist.SeverityWarning, "Part2!E21", "Part2 C-2"},
		}),
	}
	for name, wantFs := range want {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "..", "samples", name)
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("%v (run go generate ./samples)", err)
			}
			c, fs, err := xlsx.Load(path, checklist.Options{})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got := pin(t, fs); !slices.Equal(got, wantFs) {
				t.Errorf("findings:\n got %v\nwant %v", got, wantFs)
			}
			n := 0
			for _, p := range c.Parts {
				for _, it := range p.Items() {
					n++
					if it.Applicable() && it.Agreement == "" {
						t.Errorf("%s: no agreement", it.ID)
					}
				}
			}
			if n != len(SampleItems()) {
				t.Errorf("%d items, want %d", n, len(SampleItems()))
			}
		})
	}

	c, _, err := xlsx.Load(filepath.Join("..", "..", "samples", "hospital.xlsx"), checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Info.Created != (checklist.Date{Year: 2026, Month: 6, Day: 1}) || c.Info.FirstDate != (checklist.Date{Year: 2026, Month: 4, Day: 15}) || c.Info.DocKind != "SLA" || len(c.Info.Vendors) != 2 {
		t.Errorf("hospital info = %+v", c.Info)
	}
	if len(c.Levels) != 5 {
		t.Fatalf("hospital has %d service levels, want 5", len(c.Levels))
	}
	if got := c.Levels[1].Items; !slices.Equal(got, []string{"Part2 C-1", "Part2 A-1"}) {
		t.Errorf("second service level links %q", got)
	}
	for _, p := range c.Parts {
		for _, it := range p.Items() {
			if it.ID == "Part2 A-1" && !strings.Contains(it.Agreement, "03-1234-5678 #2") {
				t.Errorf("Part2 A-1 agreement = %q", it.Agreement)
			}
			if it.ID == "Part2 A-3" && it.Done != (checklist.Date{Year: 2026, Month: 5, Day: 28}) {
				t.Errorf("Part2 A-3 完了日 = %v, want 2026-05-28 from 令和8年5月28日", it.Done)
			}
		}
	}
}
