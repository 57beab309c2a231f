package markdown

import (
	"bufio"
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/document/diff"
	"github.com/annexgen/annexgen/render/mark"
)

// findItem returns the item of c with the given id.
func findItem(t *testing.T, c *checklist.Checklist, id string) *checklist.Item {
	t.Helper()
	for pi := range c.Parts {
		for _, it := range c.Parts[pi].Items() {
			if it.ID == id {
				return it
			}
		}
	}
	t.Fatalf("no item %s", id)
	return nil
}

// section returns the section of c with the given part and letter.
func section(t *testing.T, c *checklist.Checklist, part, letter string) (*checklist.Part, int) {
	t.Helper()
	for pi := range c.Parts {
		for si := range c.Parts[pi].Sections {
			if c.Parts[pi].Name == part && c.Parts[pi].Sections[si].Letter == letter {
				return &c.Parts[pi], si
			}
		}
	}
	t.Fatalf("no section %s %s", part, letter)
	return nil, 0
}

// renumber gives an item a new number in its section.
func renumber(it *checklist.Item, number string) {
	it.Number = number
	it.ID = it.Part + " " + number
}

// diffCases are the constructed pairs of the golden files: the hospital
// fixture as the old version, and the new version made from it by edit.
var diffCases = []struct {
	name string
	edit func(t *testing.T, c *checklist.Checklist)
}{
	{"identical", func(t *testing.T, c *checklist.Checklist) {}},
	{"agreement", func(t *testing.T, c *checklist.Checklist) {
		findItem(t, c, "Part2 A-2").Agreement = "乙は、障害を検知したときは、30分以内に甲に電話で報告する。\n丙は、データセンター設備の障害を乙及び甲に報告する。"
	}},
	{"roles", func(t *testing.T, c *checklist.Checklist) {
		findItem(t, c, "Part2 B-1").Roles = roles(sup, do, own)
	}},
	{"content", func(t *testing.T, c *checklist.Checklist) {
		findItem(t, c, "Part1 2").Content = "情報資産の洗い出しとリスク評価を毎年行うこと。"
	}},
	{"title", func(t *testing.T, c *checklist.Checklist) {
		findItem(t, c, "Part2 A-1").Title = "連絡窓口及び連絡先"
	}},
	{"applicability", func(t *testing.T, c *checklist.Checklist) {
		it := findItem(t, c, "Part1 3")
		it.Check, it.Agreement, it.Remarks = checklist.CheckYes, "乙は、遠隔保守の都度、甲の承認を得る。", ""
		it.Roles = roles(own, do, no)
	}},
	{"added", func(t *testing.T, c *checklist.Checklist) {
		p, si := section(t, c, "Part2", "A")
		p.Sections[si].Items = append(p.Sections[si].Items, item("Part2", "A", "A-3", "教育", "保守要員への教育を行うこと。",
			checklist.CheckYes, checklist.Date{}, "乙は、保守要員に年1回の教育を行う。", "", roles(sup, own, no)))
	}},
	{"removed", func(t *testing.T, c *checklist.Checklist) {
		p, _ := section(t, c, "Part1", "")
		p.Sections[0].Items = p.Sections[0].Items[:1]
	}},
	{"section-added", func(t *testing.T, c *checklist.Checklist) {
		p, _ := section(t, c, "Part2", "A")
		p.Sections = append(p.Sections, checklist.Section{Letter: "C", Title: "障害対応", Items: []checklist.Item{
			item("Part2", "C", "C-1", "復旧手順", "障害からの復旧手順を定めること。", checklist.CheckNo, checklist.Date{}, "", "", roles(own, do, sup)),
		}})
	}},
	{"section-removed", func(t *testing.T, c *checklist.Checklist) {
		p, _ := section(t, c, "Part2", "B")
		p.Sections = p.Sections[:1]
	}},
	{"section-renamed", func(t *testing.T, c *checklist.Checklist) {
		p, si := section(t, c, "Part2", "B")
		p.Sections[si].Title = "クラウドサービス及びデータセンター"
	}},
	{"info", func(t *testing.T, c *checklist.Checklist) {
		c.Info.Contract = "病院情報システム運用保守契約（令和7年度）"
		c.Info.Vendors[0].Contact = "保守部 伊藤 四郎"
	}},
	{"vendor-added", func(t *testing.T, c *checklist.Checklist) {
		c.Info.Vendors = append(c.Info.Vendors, checklist.Party{Key: "C", Name: "ネットワーク保守株式会社"})
		for pi := range c.Parts {
			for _, it := range c.Parts[pi].Items() {
				it.Roles = append(it.Roles, checklist.Role{Party: "C"})
			}
		}
		findItem(t, c, "Part2 A-1").Roles[3].Mark = own
	}},
	{"vendor-removed", func(t *testing.T, c *checklist.Checklist) {
		c.Info.Vendors = c.Info.Vendors[:1]
		for pi := range c.Parts {
			for _, it := range c.Parts[pi].Items() {
				it.Roles = it.Roles[:2]
			}
		}
	}},
	{"levels", func(t *testing.T, c *checklist.Checklist) {
		c.Levels[0].Target = "99.9%以上"
		c.Levels = append(c.Levels[:2], checklist.ServiceLevel{Metric: "問合せへの回答", Target: "翌営業日まで", Method: "問合せ記録による", Items: []string{"Part2 A-1"}})
	}},
	{"renumbered", func(t *testing.T, c *checklist.Checklist) {
		p, si := section(t, c, "Part2", "A")
		items := p.Sections[si].Items
		renumber(&items[0], "A-2")
		renumber(&items[1], "A-3")
		first := item("Part2", "A", "A-1", "体制", "保守の体制を定めること。", checklist.CheckYes, checklist.Date{}, "乙は、保守の責任者を置く。", "", roles(sup, own, no))
		p.Sections[si].Items = append([]checklist.Item{first}, items...)
	}},
	{"swapped", func(t *testing.T, c *checklist.Checklist) {
		p, si := section(t, c, "Part2", "A")
		items := p.Sections[si].Items
		items[0], items[1] = items[1], items[0]
		renumber(&items[0], "A-1")
		renumber(&items[1], "A-2")
	}},
	{"renumbered-changed", func(t *testing.T, c *checklist.Checklist) {
		it := findItem(t, c, "Part2 B-1")
		renumber(it, "B-3")
		it.Agreement = "丙は、データを日本国内の二つのデータセンターにのみ保管する。"
	}},
	{"bookkeeping", func(t *testing.T, c *checklist.Checklist) {
		c.Info.Version = "2.2"
		c.Info.Created = checklist.Date{Year: 2025, Month: 9, Day: 30}
		it := findItem(t, c, "Part1 2")
		it.Done = checklist.Date{Year: 2025, Month: 3, Day: 1}
		findItem(t, c, "Part2 B-2").Check = checklist.CheckYes
	}},
}

// compare diffs the hospital fixture with an edited copy of it.
func compare(t *testing.T, edit func(*testing.T, *checklist.Checklist)) []byte {
	t.Helper()
	old, cur := hospital(), hospital()
	edit(t, cur)
	var buf bytes.Buffer
	if err := WriteDiff(&buf, diff.Compare(old, cur)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDiffGolden(t *testing.T) {
	for _, c := range diffCases {
		t.Run(c.name, func(t *testing.T) {
			got := compare(t, c.edit)
			path := filepath.Join("testdata", "diff", c.name+".md")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", path, firstDiff(got, want))
			}
			if again := compare(t, c.edit); !bytes.Equal(got, again) {
				t.Error("two runs gave different bytes")
			}
		})
	}
}

// markGFM reads Markdown as the PDF and DOCX renderers do.
var markGFM = goldmark.New(goldmark.WithExtensions(extension.Table, mark.Extension))

// cellTexts returns the text of every table cell of md as a reader sees
// it, <br> as "\n", with the marked runs in 〘〙.
func cellTexts(md []byte) []string {
	root := markGFM.Parser().Parse(text.NewReader(md))
	var out []string
	gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			out = append(out, cellText(c, md))
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	return out
}

func cellText(n gast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *mark.Node:
			b.WriteString("〘" + cellText(c, src) + "〙")
		case *gast.RawHTML:
			if v := string(c.Segments.Value(src)); v == "<br>" {
				b.WriteString("\n")
			} else {
				b.WriteString("«" + v + "»")
			}
		case *gast.Text:
			b.WriteString(resolveText(c.Segment.Value(src)))
			if c.HardLineBreak() || c.SoftLineBreak() {
				b.WriteString("«break»")
			}
		case *gast.String:
			b.WriteString(resolveText(c.Value))
		default:
			b.WriteString("«" + c.Kind().String() + "»")
		}
	}
	return b.String()
}

// resolveText applies goldmark's own text decoding (escapes, references).
func resolveText(v []byte) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	ghtml.DefaultWriter.Write(w, v)
	w.Flush()
	return html.UnescapeString(buf.String())
}

// TestDiffCellTextIsLiteral: whatever a cell holds, the table shows it
// literally, the marks around the changed words only.
func TestDiffCellTextIsLiteral(t *testing.T) {
	for _, s := range append(hostile, "{==x==}", "==}", "{==", "a\\", "\\==}", "<br>", "〘〙") {
		old, cur := hospital(), hospital()
		findItem(t, cur, "Part2 B-1").Agreement = s
		findItem(t, cur, "Part2 B-1").Title = s
		var buf bytes.Buffer
		if err := WriteDiff(&buf, diff.Compare(old, cur)); err != nil {
			t.Fatal(err)
		}
		want := document.Normalize(s)
		if want == document.Normalize(old.Parts[1].Sections[1].Items[0].Agreement) {
			continue
		}
		var found bool
		for _, cell := range cellTexts(buf.Bytes()) {
			if rest, ok := strings.CutPrefix(cell, "【合意内容】"); ok && !strings.Contains(rest, "丙は") {
				found = true
				plain := strings.NewReplacer("〘", "", "〙", "").Replace(rest)
				if strings.Contains(want, "〘") {
					plain = rest // the case of the markers themselves: compare the marked text
					want = "〘" + want + "〙"
				}
				if want == "" {
					want = "（空欄）"
				}
				if plain != want {
					t.Errorf("%q: the cell reads %q, want %q\n%s", s, plain, want, buf.String())
				}
			}
		}
		if !found {
			t.Errorf("%q: no cell of the new agreement in\n%s", s, buf.String())
		}
		heading := "Part2 B-1 " + strings.ReplaceAll(document.Normalize(s), "\n", " ") + "（変更）"
		var headed bool
		for _, bl := range leafBlocks(buf.Bytes()) {
			headed = headed || (bl.kind == "Heading3" && bl.text == heading)
		}
		if !headed {
			t.Errorf("%q: no heading %q in\n%s", s, heading, buf.String())
		}
	}
}
