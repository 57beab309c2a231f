package convert

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
)

// The contract lint: what a Japanese contract lawyer checks first, over
// every document the samples and random checklists give, of every kind,
// whole and per vendor.

var (
	// labelRe finds a party label used in the text.
	labelRe = regexp.MustCompile(`[甲乙丙丁戊己庚辛壬癸]|第[0-9]+当事者`)
	// addressRe is the 所在地 line of a signature block.
	addressRe = regexp.MustCompile(`(?m)^所在地　.*$`)
	// dateLineRe is a line that is a date alone: the 締結日 line.
	dateLineRe = regexp.MustCompile(`(?m)^令和[0-9０-９　 ]*年[0-9０-９　 ]*月[0-9０-９　 ]*日$`)
)

// lintDoc is one rendered document and what it was made from.
type lintDoc struct {
	name string
	kind document.Kind
	doc  *document.Document
	md   string
}

// lintContract reports what a lawyer would not sign in d.
func lintContract(d lintDoc) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	signed, appendix, _ := strings.Cut(d.md, "\n## 参考")
	if !strings.HasPrefix(appendix, "　確認の経過") && appendix != "" {
		bad("the appendix heading does not say 参考: %q", firstLine(appendix))
	}
	// Every label used is defined (addresses say 一丁目 and are not labels).
	used := map[string]bool{}
	for _, l := range labelRe.FindAllString(addressRe.ReplaceAllString(d.md, ""), -1) {
		used[l] = true
	}
	for l := range used {
		if !strings.Contains(d.md, "（以下「"+l+"」という。）") && !regexp.MustCompile(`（[０-９]+）「`+l+`」　`).MatchString(d.md) {
			bad("label %s is used but not defined", l)
		}
	}
	// Every defined term used is defined.
	for _, term := range []string{"本契約", "対象システム", "本サービス", "協議中の事項", "関係事業者", "書面"} {
		if strings.Contains(d.md, term) && !strings.Contains(d.md, "（以下「"+term+"」という。）") &&
			!strings.Contains(d.md, "において「"+term+"」") {
			bad("term %s is used but not defined", term)
		}
	}
	// No bookkeeping in the signed text, nor the checklist it came from.
	for _, w := range []string{"初回確認", "完了日", "版数", "作成日", "確認表"} {
		if strings.Contains(signed, w) {
			bad("%s appears outside the 参考 appendix", w)
		}
	}
	problems = append(problems, lintSignature(d, signed)...)
	if d.kind == document.SLA && strings.Contains(d.md, "努め") {
		bad("the SLA speaks of best efforts (努める)")
	}
	problems = append(problems, lintAgreements(d, signed)...)
	return problems
}

// lintSignature checks the signature block: none in an annex; in a 覚書
// or SLA one 締結日 line and per party 所在地, 名称, 代表者 and, on paper, 印.
func lintSignature(d lintDoc, signed string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	sigLines := strings.Count(signed, "\n所在地　")
	switch d.kind {
	case document.Annex:
		for _, w := range []string{"本契約の一部を構成", "別表1"} {
			if !strings.Contains(signed, w) {
				bad("the annex lacks %s", w)
			}
		}
		if sigLines > 0 || strings.Contains(signed, "記名押印") || strings.Contains(signed, "電子署名") || len(dateLineRe.FindAllString(signed, -1)) > 0 {
			bad("the annex has a signature block")
		}
	default:
		if n := len(dateLineRe.FindAllString(signed, -1)); n != 1 {
			bad("%d 締結日 lines, want 1", n)
		}
		if !strings.Contains(signed, "\n"+d.doc.SignDate+"\n") {
			bad("the 締結日 line is not %s", d.doc.SignDate)
		}
		for _, p := range d.doc.Parties {
			block := "\n" + p.Label + "\\\n所在地　"
			if !strings.Contains(signed, block) {
				bad("no signature block for %s", p.Label)
			}
		}
		for _, w := range []string{"\n所在地　", "\n名称　　", "\n代表者　"} {
			if n := strings.Count(signed, w); n != len(d.doc.Parties) {
				bad("%d lines %q, want one per party (%d)", n, strings.TrimSpace(w), len(d.doc.Parties))
			}
		}
		seals := strings.Count(signed, "印\n") + strings.Count(signed, "印\\\n")
		if strings.HasSuffix(signed, "印") {
			seals++
		}
		want := len(d.doc.Parties)
		if d.doc.Electronic {
			want = 0
		}
		if seals != want {
			bad("%d seals (印), want %d", seals, want)
		}
	}
	return problems
}

// lintAgreements checks how 合意内容 is printed and what the cover and the
// open-items article say.
func lintAgreements(d lintDoc, signed string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	// A blank 合意内容 gives the marker, never agreement wording; a dash
	// gives the roles-only sentence.
	unwritten, rolesOnly := 0, 0
	for _, it := range d.doc.Items {
		switch {
		case it.Unwritten:
			unwritten++
		case it.RolesOnly && !it.Open:
			rolesOnly++
		}
	}
	if n := strings.Count(signed, "\n| 合意内容未記入 |\n"); n != unwritten {
		bad("%d 合意内容未記入 markers, want %d", n, unwritten)
	}
	if n := strings.Count(signed, "\n役割分担欄のとおりとし、個別の合意事項はない。\n"); n != rolesOnly {
		bad("%d roles-only sentences, want %d", n, rolesOnly)
	}
	if (unwritten > 0) != strings.Contains(signed, "合意内容未記入の項目あり（") {
		bad("the cover does not say how many items lack an agreement")
	}
	if n := len(d.doc.Open); (n > 0) != strings.Contains(signed, fmt.Sprintf("協議中の事項あり（%d件）", n)) {
		bad("the cover does not say 協議中の事項あり（%d件）", n)
	}
	if len(d.doc.Open)+unwritten > 0 && !strings.Contains(signed, d.doc.Deadline+"までに合意内容を定め") {
		bad("the open items have no deadline")
	}
	return problems
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimPrefix(s, "\n"), "\n")
	return l
}

// markdownOnly converts to Markdown alone, every kind parsed once.
var markdownOnly = sync.OnceValues(func() (*Converter, error) {
	return New(Options{Formats: []Format{Markdown}})
})

// renderAll renders every kind of c, whole and per vendor.
func renderAll(t *testing.T, c *checklist.Checklist, name string) []lintDoc {
	t.Helper()
	conv, err := markdownOnly()
	if err != nil {
		t.Fatal(err)
	}
	var docs []lintDoc
	for _, k := range document.Kinds() {
		for _, perVendor := range []bool{false, true} {
			outs, _, err := conv.With(k, perVendor).Render(c)
			if err != nil {
				t.Fatalf("%s %s: %v", name, k, err)
			}
			for _, o := range outs {
				d, err := document.New(k, c, o.Vendor)
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, lintDoc{name: name + "." + o.Name(), kind: k, doc: d, md: string(o.Data)})
			}
		}
	}
	return docs
}

func TestContractLintSamples(t *testing.T) {
	conv, err := markdownOnly()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"clinic.xlsx", "hospital.xlsx"} {
		res, err := conv.File(sample(name))
		if err != nil || res.Rejected() {
			t.Fatalf("%s: %v %v", name, err, res.Findings)
		}
		for _, d := range renderAll(t, res.Checklist, name) {
			for _, p := range lintContract(d) {
				t.Errorf("%s: %s", d.name, p)
			}
		}
	}
}

func TestContractLintRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 2026))
	for i := range 150 {
		c := randomChecklist(r)
		for _, d := range renderAll(t, c, fmt.Sprintf("random%d", i)) {
			for _, p := range lintContract(d) {
				t.Errorf("%s: %s\n%s", d.name, p, d.md)
				return
			}
		}
	}
}

// TestContractLintCatches checks that the lint finds what it looks for.
func TestContractLintCatches(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := randomChecklist(r)
	c.Info.Vendors = c.Info.Vendors[:1]
	for pi := range c.Parts {
		for si := range c.Parts[pi].Sections {
			for ii := range c.Parts[pi].Sections[si].Items {
				it := &c.Parts[pi].Sections[si].Items[ii]
				it.Roles = it.Roles[:2]
				it.Agreement, it.Check = "甲が行う。", checklist.CheckYes
			}
		}
	}
	var sla lintDoc
	for _, d := range renderAll(t, c, "x") {
		if d.kind == document.SLA && d.doc.Vendor == "" {
			sla = d
		}
	}
	for _, tc := range []struct{ edit, want string }{
		{"丙が行う。", "label 丙 is used but not defined"},
		{"初回確認 はい", "初回確認 appears outside"},
		{"乙は、目標値を達成するよう努める。", "best efforts"},
	} {
		d := sla
		d.md = strings.Replace(d.md, "甲が行う。", tc.edit, 1)
		if got := strings.Join(lintContract(d), "\n"); !strings.Contains(got, tc.want) {
			t.Errorf("edit %q: lint says %q, want %q", tc.edit, got, tc.want)
		}
	}
	d := sla
	d.md = strings.Replace(d.md, "\n"+d.doc.SignDate+"\n", "\n", 1)
	if got := strings.Join(lintContract(d), "\n"); !strings.Contains(got, "締結日 lines") {
		t.Errorf("no 締結日 line: lint says %q", got)
	}
}

// randomChecklist returns a checklist of 1 to 4 vendors whose items hold
// every state: agreed, roles only, blank, open, set aside; agreements name
// the parties by label, as clerks write them.
func randomChecklist(r *rand.Rand) *checklist.Checklist {
	nv := 1 + r.IntN(4)
	c := &checklist.Checklist{Info: checklist.Info{
		Hospital:   checklist.Party{Key: checklist.HospitalKey, Name: "医療法人 試験会", Address: pick(r, "", "東京都千代田区1-1"), Representative: pick(r, "", "理事長 試験 太郎")},
		System:     "電子カルテシステム",
		Contract:   pick(r, "", "保守契約"),
		Electronic: r.IntN(2) == 0,
	}}
	date := func() checklist.Date {
		if r.IntN(2) == 0 {
			return checklist.Date{}
		}
		return checklist.Date{Year: 2026, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}
	}
	c.Info.MainDate, c.Info.SignDate, c.Info.Effective, c.Info.Deadline, c.Info.Created = date(), date(), date(), date(), date()
	for i := range nv {
		c.Info.Vendors = append(c.Info.Vendors, checklist.Party{Key: checklist.VendorKey(i), Name: fmt.Sprintf("株式会社試験%d", i+1),
			Address: pick(r, "", "大阪市"), Representative: pick(r, "", "代表取締役 試験")})
	}
	labels := []string{"甲"}
	for i := range nv {
		labels = append(labels, document.PartyLabel(i+1))
	}
	marks := []checklist.Mark{checklist.MarkNone, checklist.MarkSupport, checklist.MarkDo, checklist.MarkOwner}
	for _, part := range []string{checklist.SheetPart1, checklist.SheetPart2} {
		p := checklist.Part{Name: part}
		for s := range 1 + r.IntN(2) {
			sec := checklist.Section{}
			if part == checklist.SheetPart2 {
				sec.Letter, sec.Title = string(rune('A'+s)), "区分"
			}
			for n := range 1 + r.IntN(4) {
				num := fmt.Sprint(n + 1)
				if sec.Letter != "" {
					num = sec.Letter + "-" + num
				}
				it := checklist.Item{ID: part + " " + num, Part: part, Section: sec.Letter, Number: num, Title: "項目", Content: "確認する事項",
					Check: checklist.Check(r.IntN(4)), Sheet: part}
				if it.Check == checklist.CheckNo && r.IntN(2) == 0 {
					it.Done = checklist.Date{Year: 2026, Month: 5, Day: 1}
				}
				it.Roles = append(it.Roles, checklist.Role{Party: checklist.HospitalKey, Mark: marks[r.IntN(4)]})
				for i := range nv {
					it.Roles = append(it.Roles, checklist.Role{Party: checklist.VendorKey(i), Mark: marks[r.IntN(4)]})
				}
				a, b := labels[r.IntN(len(labels))], labels[r.IntN(len(labels))]
				it.Agreement = pick(r, "", "", "-", "役割分担のとおり", a+"及び"+b+"は、協議して定める。", a+"が行い、"+b+"は支援する。")
				it.Remarks = pick(r, "", "理由")
				sec.Items = append(sec.Items, it)
			}
			p.Sections = append(p.Sections, sec)
		}
		c.Parts = append(c.Parts, p)
	}
	for range r.IntN(3) {
		c.Levels = append(c.Levels, checklist.ServiceLevel{Metric: "稼働率", Target: "99%", Method: "月間",
			Period: pick(r, "", "四半期"), Remedy: pick(r, "", "減額する。"), Items: []string{"Part2 A-1"}})
	}
	return c
}

func pick(r *rand.Rand, choices ...string) string { return choices[r.IntN(len(choices))] }
