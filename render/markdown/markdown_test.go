package markdown

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	gast "github.com/yuin/goldmark/ast"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
)

var update = flag.Bool("update", false, "rewrite testdata/*.md from the current output")

// defaults caches the parsed default templates.
var defaults sync.Map // document.Kind -> *Template

func render(t *testing.T, doc document.Kind, c *checklist.Checklist, vendor string) []byte {
	t.Helper()
	v, ok := defaults.Load(doc)
	if !ok {
		tmpl, err := Parse(doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		v, _ = defaults.LoadOrStore(doc, tmpl)
	}
	tmpl := v.(*Template)
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, newDocument(t, doc, c, vendor)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// newDocument builds the document of kind k from c.
func newDocument(t testing.TB, k document.Kind, c *checklist.Checklist, vendor string) *document.Document {
	t.Helper()
	d, err := document.New(k, c, vendor)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		c      *checklist.Checklist
		doc    document.Kind
		vendor string
	}{
		{"clinic.annex", clinic(), document.Annex, ""},
		{"clinic.sla", clinic(), document.SLA, ""},
		{"clinic.memorandum", clinic(), document.Memorandum, ""},
		{"hospital.memorandum", hospital(), document.Memorandum, ""},
		{"hospital.memorandum.B", hospital(), document.Memorandum, "B"},
		{"hospital.annex", hospital(), document.Annex, ""},
		{"hospital.sla", hospital(), document.SLA, ""},
		{"hospital.annex.A", hospital(), document.Annex, "A"},
		{"hospital.sla.B", hospital(), document.SLA, "B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.doc, tt.c, tt.vendor)
			path := filepath.Join("testdata", tt.name+".md")
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
			if again := render(t, tt.doc, tt.c, tt.vendor); !bytes.Equal(got, again) {
				t.Error("two runs gave different bytes")
			}
		})
	}
}

// firstDiff shows the first differing line.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }

// headings returns the text of every heading of the given level.
func headings(t *testing.T, md []byte, level int) []string {
	t.Helper()
	var out []string
	doc := parseMarkdown(md)
	gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if h, ok := n.(*gast.Heading); ok && entering && h.Level == level {
			out = append(out, inlineText(h, md))
		}
		return gast.WalkContinue, nil
	})
	return out
}

// itemHeadings returns the headings of item sections: "Part2 A-1 連絡窓口".
func itemHeadings(t *testing.T, md []byte) []string {
	var out []string
	for _, level := range []int{3, 4} {
		for _, h := range headings(t, md, level) {
			if strings.HasPrefix(h, "Part") {
				out = append(out, h)
			}
		}
	}
	return out
}

func TestEveryItemOnce(t *testing.T) {
	for _, c := range []*checklist.Checklist{clinic(), hospital()} {
		for _, doc := range document.Kinds() {
			md := render(t, doc, c, "")
			count := map[string]int{}
			for _, h := range itemHeadings(t, md) {
				count[h]++
			}
			n := 0
			for _, p := range c.Parts {
				for _, it := range p.Items() {
					n++
					if h := it.ID + " " + it.Title; count[h] != 1 {
						t.Errorf("%s: heading %q appears %d times, want 1", doc, h, count[h])
					}
				}
			}
			if len(count) != n {
				t.Errorf("%s: %d item headings, want %d", doc, len(count), n)
			}
		}
	}
}

func TestPerVendorItems(t *testing.T) {
	c := hospital()
	want := map[string][]string{
		// A has a role, or no vendor has one (Part1 3 is 対象外 with no marks).
		"A": {"Part1 1 安全管理の体制", "Part1 2 リスク評価", "Part1 3 遠隔保守の承認", "Part2 A-1 連絡窓口", "Part2 A-2 障害時の報告", "Part2 B-2 稼働率"},
		"B": {"Part1 2 リスク評価", "Part1 3 遠隔保守の承認", "Part2 A-1 連絡窓口", "Part2 A-2 障害時の報告", "Part2 B-1 データの保管場所", "Part2 B-2 稼働率"},
	}
	for vendor, items := range want {
		md := render(t, document.Annex, c, vendor)
		got := itemHeadings(t, md)
		if strings.Join(got, "\n") != strings.Join(sortedByDoc(items, got), "\n") || len(got) != len(items) {
			t.Errorf("vendor %s: items\n%v\nwant\n%v", vendor, got, items)
		}
		// The other vendor is named only where it is defined as a 関係事業者.
		other := map[string]string{"A": "クラウドデータセンター株式会社", "B": "株式会社ホスピタルソリューションズ"}[vendor]
		if n := bytes.Count(md, []byte(other)); n > 1 || n == 1 && !bytes.Contains(md, []byte("において「関係事業者」とは")) {
			t.Errorf("vendor %s: document names the other vendor %s %d times", vendor, other, n)
		}
		// A vendor keeps its label from the whole document: A is 乙, B is 丙.
		label := map[string]string{"A": "乙", "B": "丙"}[vendor]
		var defined []string
		for _, l := range []string{"甲", "乙", "丙"} {
			if bytes.Contains(md, []byte("（以下「"+l+"」という。）")) {
				defined = append(defined, l)
			}
		}
		if strings.Join(defined, "") != "甲"+label {
			t.Errorf("vendor %s: parties %v, want 甲 and %s", vendor, defined, label)
		}
	}
}

// sortedByDoc returns want in the order the items appear in got, so that
// the comparison checks the set; order is checked by the goldens.
func sortedByDoc(want, got []string) []string {
	in := map[string]bool{}
	for _, w := range want {
		in[w] = true
	}
	var out []string
	for _, g := range got {
		if in[g] {
			out = append(out, g)
		}
	}
	return out
}

func TestBlankDatesAndManyParties(t *testing.T) {
	c := clinic()
	c.Info.Created, c.Info.SignDate, c.Info.MainDate = checklist.Date{}, checklist.Date{}, checklist.Date{}
	c.Info.Electronic = false
	c.Info.Contract = ""
	c.Info.Vendors = nil
	for i := range 11 {
		c.Info.Vendors = append(c.Info.Vendors, checklist.Party{Key: string(rune('A' + i)), Name: "事業者" + string(rune('Ａ'+i))})
	}
	md := string(render(t, document.Memorandum, c, ""))
	for _, want := range []string{
		"確認表の作成日：（記載なし）",
		"# 電子カルテシステムの安全管理に係る役割分担に関する覚書",
		"事業者Ｉ（以下「癸」という。）、事業者Ｊ（以下「第11当事者」という。）及び事業者Ｋ（以下「第12当事者」という。）は",
		"癸、第11当事者及び第12当事者の間で締結した電子カルテシステムに関する契約（以下「本契約」という。）",
		"本書１２通を作成し",
		"\n令和　　年　　月　　日\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(md, "、事業者Ｋ（以下「第12当事者」という。）") {
		t.Error("last party must be joined with 及び")
	}
}

func TestOverride(t *testing.T) {
	override := fstest.MapFS{
		"item.md.tmpl":  {Data: []byte("#### {{line .ID}}\n\n独自：{{.Agreement}}\n")},
		"extra.md.tmpl": {Data: []byte("{{define \"unused\"}}x{{end}}")},
		"notes.txt":     {Data: []byte("{{ not a template")},
	}
	tmpl, err := Parse(document.Annex, override)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, newDocument(t, document.Annex, clinic(), "")); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if !strings.Contains(md, "独自：甲は、院長を安全管理の責任者とする。") {
		t.Error("override item.md.tmpl not used")
	}
	if !strings.Contains(md, "### 第1条（本別紙の位置付け及び目的）") {
		t.Error("default annex.md.tmpl not used")
	}
	// A file saved by a Windows editor (BOM, CRLF) gives the same output.
	override["item.md.tmpl"] = &fstest.MapFile{Data: []byte("\uFEFF#### {{line .ID}}\r\n\r\n独自：{{.Agreement}}\r\n")}
	tmpl, err = Parse(document.Annex, override)
	if err != nil {
		t.Fatal(err)
	}
	var crlf bytes.Buffer
	if err := tmpl.Execute(&crlf, newDocument(t, document.Annex, clinic(), "")); err != nil {
		t.Fatal(err)
	}
	if crlf.String() != md {
		t.Error("a template with a BOM and CRLF line ends gave different output")
	}

	// A broken document.SLA main file does not stop the annex.
	override["sla.md.tmpl"] = &fstest.MapFile{Data: []byte("{{if}}")}
	if _, err := Parse(document.Annex, override); err != nil {
		t.Errorf("annex with a broken sla.md.tmpl: %v", err)
	}
}

func TestParseErrorLocation(t *testing.T) {
	tests := []struct {
		name, src       string
		line, col       int
		detailSubstring string
	}{
		{"unknown function", "# 表題\n\n本文 {{.System}} と {{nosuch .System}}\n", 3, 18, "nosuch"},
		{"unclosed if", "# 表題\n\n  {{if .Open}}\n協議中\n", 3, 3, "{{if}}"},
		{"stray end", "# 表題\n{{end}}\n", 2, 1, "end"},
		{"missing range value", "一行目\n二行目 {{.System}}{{range}}{{end}}\n", 2, 16, "range"},
		{"unterminated string", "{{.System}}\n項目 {{printf \"%s .System}}\n", 2, 4, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(document.Annex, fstest.MapFS{"item.md.tmpl": {Data: []byte(tt.src)}})
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("err = %v, want a *TemplateError", err)
			}
			if te.File != "item.md.tmpl" || !te.Override || te.Line != tt.line || te.Col != tt.col {
				t.Errorf("located at %s:%d:%d (override %v), want item.md.tmpl:%d:%d\n%v", te.File, te.Line, te.Col, te.Override, tt.line, tt.col, err)
			}
			if !strings.Contains(te.Detail, tt.detailSubstring) {
				t.Errorf("detail %q lacks %q", te.Detail, tt.detailSubstring)
			}
			if prefix := "item.md.tmpl:" + itoa(tt.line) + ":"; !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("message %q does not start with %q", err, prefix)
			}
		})
	}
}

func TestExecErrorLocation(t *testing.T) {
	tmpl, err := Parse(document.Annex, fstest.MapFS{"item.md.tmpl": {Data: []byte("#### {{line .ID}}\n\n内容：{{.Contnt}}\n")}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = tmpl.Execute(&buf, newDocument(t, document.Annex, clinic(), ""))
	var te *TemplateError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want a *TemplateError", err)
	}
	if te.File != "item.md.tmpl" || te.Line != 3 || te.Col != 6 || !te.Exec {
		t.Errorf("located at %s:%d:%d, want item.md.tmpl:3:6\n%v", te.File, te.Line, te.Col, err)
	}
	if buf.Len() != 0 {
		t.Error("a failed Execute wrote output")
	}
}

func TestCellTextIsNotTemplateCode(t *testing.T) {
	c := clinic()
	c.Parts[0].Sections[0].Items[0].Agreement = "{{.Info.System}} {{template \"item.md.tmpl\" .}}"
	md := string(render(t, document.Annex, c, ""))
	if !strings.Contains(md, "\\{\\{.Info.System\\}\\} \\{\\{template \"item.md.tmpl\" .\\}\\}") {
		t.Error("cell text with template actions did not come out literally")
	}
}

func TestConcurrentExecute(t *testing.T) {
	tmpl, err := Parse(document.SLA, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := render(t, document.SLA, hospital(), "")
	d := newDocument(t, document.SLA, hospital(), "")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := tmpl.Execute(&buf, d); err != nil {
				t.Error(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Error("concurrent Execute gave different output")
			}
		})
	}
	wg.Wait()
}

func BenchmarkExecute(b *testing.B) {
	tmpl, err := Parse(document.Annex, nil)
	if err != nil {
		b.Fatal(err)
	}
	c := hospital()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		d, err := document.New(document.Annex, c, "")
		if err != nil {
			b.Fatal(err)
		}
		if err := tmpl.Execute(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(document.Annex, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPerVendorLevels(t *testing.T) {
	c := hospital()
	c.Levels = append(c.Levels, checklist.ServiceLevel{Metric: "誤記のある指標", Target: "x", Items: []string{"Part9 Z-9"}})
	md := string(render(t, document.SLA, c, "A"))
	for metric, want := range map[string]bool{
		"稼働率":        true,  // Part2 B-2 is A's
		"障害の初報":      true,  // Part2 A-2 is A's, B-1 is not
		"データ保管場所の報告": false, // only Part2 B-1, which A has no role in
		"誤記のある指標":    true,  // names no known item: kept, never dropped silently
	} {
		if got := strings.Contains(md, "　"+metric+"\n"); got != want {
			t.Errorf("vendor A: level %s shown = %v, want %v", metric, got, want)
		}
	}
	if !strings.Contains(md, "### 番号3　誤記のある指標\n") {
		t.Error("levels are not renumbered in the vendor's document")
	}
}
