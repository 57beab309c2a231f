package diff

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
)

// sample is the path of a filled-in workbook of the repository.
var sample = filepath.Join("..", "..", "samples", "hospital.xlsx")

// sampleRenewal is the sample workbook and a copy with an agreement and
// a role changed.
func sampleRenewal(tb testing.TB) (old, new *checklist.Checklist) {
	old = load(tb, sample)
	new = clone(old)
	it := allItems(new)[1]
	it.Agreement = insertText(rand.New(rand.NewPCG(1, 1)), it.Agreement)
	it.Roles[0].Mark = (it.Roles[0].Mark + 1) % 4
	return old, new
}

func load(tb testing.TB, path string) *checklist.Checklist {
	tb.Helper()
	c, _, err := xlsx.Load(path, checklist.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// ids returns the ids of the items of d, sorted.
func ids(d *Diff) []string {
	var out []string
	for _, it := range d.Items {
		out = append(out, it.ID)
	}
	sort.Strings(out)
	return out
}

// clone returns a deep copy of the parts of c that edits change.
func clone(c *checklist.Checklist) *checklist.Checklist {
	out := *c
	out.Parts = slices.Clone(c.Parts)
	for pi := range out.Parts {
		out.Parts[pi].Sections = slices.Clone(out.Parts[pi].Sections)
		for si := range out.Parts[pi].Sections {
			s := &out.Parts[pi].Sections[si]
			s.Items = slices.Clone(s.Items)
			for ii := range s.Items {
				s.Items[ii].Roles = slices.Clone(s.Items[ii].Roles)
			}
		}
	}
	return &out
}

// edit is one random change to an item's agreement content.
type edit func(r *rand.Rand, it *checklist.Item)

// insertText puts a few characters somewhere in s.
func insertText(r *rand.Rand, s string) string {
	words := []string{"速やかに", "、", "乙及び丙は", "99.9%", "「確認」", "\n追記", "Backup", "ー"}
	rs := []rune(s)
	at := r.IntN(len(rs) + 1)
	return string(rs[:at]) + words[r.IntN(len(words))] + string(rs[at:])
}

var edits = []edit{
	func(r *rand.Rand, it *checklist.Item) { it.Title = insertText(r, it.Title) },
	func(r *rand.Rand, it *checklist.Item) { it.Content = insertText(r, it.Content) },
	func(r *rand.Rand, it *checklist.Item) { it.Agreement = insertText(r, it.Agreement) },
	func(r *rand.Rand, it *checklist.Item) { it.Remarks = insertText(r, it.Remarks) },
	func(r *rand.Rand, it *checklist.Item) {
		k := r.IntN(len(it.Roles))
		it.Roles[k].Mark = (it.Roles[k].Mark + checklist.Mark(1+r.IntN(3))) % 4
	},
}

// TestRandomEdits: for random edits of the items of a workbook, every
// edited item is in the diff and no other; edits of the bookkeeping only
// (初回確認 and 完了日) are notes, never items.
func TestRandomEdits(t *testing.T) {
	base := load(t, sample)
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 300; round++ {
		cur := clone(base)
		items := allItems(cur)
		var edited, noted []string
		for _, k := range r.Perm(len(items))[:1+r.IntN(4)] {
			it := items[k]
			if r.IntN(4) == 0 {
				it.Done = checklist.Date{Year: 2030, Month: 1, Day: 1 + r.IntN(28)}
				noted = append(noted, it.ID+" "+it.Title+" 完了日")
				continue
			}
			edits[r.IntN(len(edits))](r, it)
			edited = append(edited, it.ID)
		}
		sort.Strings(edited)
		d := Compare(base, cur)
		if got := ids(d); !slices.Equal(got, edited) {
			t.Fatalf("round %d: diff holds %v, edited %v", round, got, edited)
		}
		for _, it := range d.Items {
			if it.Change != Changed || len(it.Fields) == 0 {
				t.Errorf("round %d: %s is %v with %d fields", round, it.ID, it.Change, len(it.Fields))
			}
		}
		var notes []string
		for _, n := range d.Notes {
			notes = append(notes, n.Label)
		}
		if !slices.Equal(slices.Sorted(slices.Values(notes)), slices.Sorted(slices.Values(noted))) {
			t.Errorf("round %d: notes %v, want %v", round, notes, noted)
		}
		if len(d.Info) != 0 || len(d.Sections) != 0 || len(d.Levels) != 0 {
			t.Errorf("round %d: unedited values in the diff: %+v %+v %+v", round, d.Info, d.Sections, d.Levels)
		}
	}
}

// TestRandomWorkbookEdits: the same through workbooks: cells edited with
// excelize, the workbook read again.
func TestRandomWorkbookEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("writes workbooks")
	}
	base := load(t, sample)
	r := rand.New(rand.NewPCG(3, 4))
	columns := map[string]string{"項目": "B", "内容": "C", "合意内容": "I", "備考": "J", "事業者A": "G"}
	names := []string{"項目", "内容", "合意内容", "備考", "事業者A"}
	for round := 0; round < 6; round++ {
		f, err := excelize.OpenFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		checkHeader(t, f, columns)
		items := allItems(base)
		var edited []string
		for _, k := range r.Perm(len(items))[:1+r.IntN(3)] {
			it := items[k]
			col := names[r.IntN(len(names))]
			cell := fmt.Sprintf("%s%d", columns[col], it.Row)
			old, _ := f.GetCellValue(it.Sheet, cell)
			value := insertText(r, old)
			if col == "事業者A" {
				value = map[string]string{"◎": "○", "○": "△", "△": "◎"}[old]
				if value == "" {
					value = "△"
				}
			}
			if err := f.SetCellValue(it.Sheet, cell, value); err != nil {
				t.Fatal(err)
			}
			edited = append(edited, it.ID)
		}
		path := filepath.Join(t.TempDir(), "edited.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
		edited = slices.Compact(slices.Sorted(slices.Values(edited)))
		if got := ids(Compare(base, load(t, path))); !slices.Equal(got, edited) {
			t.Errorf("round %d: diff holds %v, edited %v", round, got, edited)
		}
	}
}

// checkHeader fails unless the Part sheets have the columns where the test
// edits them.
func checkHeader(t *testing.T, f *excelize.File, columns map[string]string) {
	t.Helper()
	for _, sheet := range []string{"Part1", "Part2"} {
		for name, col := range columns {
			// A role header may carry the vendor's name on a second line.
			if v, _ := f.GetCellValue(sheet, col+"8"); strings.SplitN(v, "\n", 2)[0] != name {
				t.Fatalf("%s!%s8 is %q, want %q: the sample's layout changed", sheet, col, v, name)
			}
		}
	}
}

func TestIdentical(t *testing.T) {
	d := Compare(load(t, sample), load(t, sample))
	if !d.Same() || len(d.Notes) != 0 {
		t.Errorf("identical workbooks differ: %+v", d)
	}
	if d.Summary.OpenBefore != d.Summary.OpenAfter || d.Summary.ItemsAfter == 0 {
		t.Errorf("summary %+v", d.Summary)
	}
}

// compared lists, for each model type, the fields the comparison reads
// (or leaves out on purpose: where a value was read). A field added to
// the model fails this test until the comparison covers it.
var compared = map[reflect.Type][]string{
	reflect.TypeOf(checklist.Info{}):         {"Hospital", "Vendors", "System", "DocKind", "Contract", "MainDate", "SignDate", "Effective", "Electronic", "Deadline", "FirstDate", "Created", "Version"},
	reflect.TypeOf(checklist.Party{}):        {"Key", "Name", "Contact", "Address", "Representative", "Cell"},
	reflect.TypeOf(checklist.Item{}):         {"ID", "Part", "Section", "Number", "Title", "Content", "Check", "Done", "Roles", "Agreement", "Remarks", "Sheet", "Row"},
	reflect.TypeOf(checklist.ServiceLevel{}): {"Metric", "Target", "Method", "Period", "Remedy", "Items", "Cell"},
	reflect.TypeOf(checklist.Section{}):      {"Letter", "Title", "Items"},
	reflect.TypeOf(checklist.Checklist{}):    {"Info", "Parts", "Levels"},
}

func TestEveryFieldIsCompared(t *testing.T) {
	for typ, names := range compared {
		var fields []string
		for i := 0; i < typ.NumField(); i++ {
			fields = append(fields, typ.Field(i).Name)
		}
		if !slices.Equal(fields, names) {
			t.Errorf("%s has the fields %s; the comparison knows %s: compare the new ones (info.go, items.go) and list them here",
				typ, strings.Join(fields, " "), strings.Join(names, " "))
		}
	}
}
