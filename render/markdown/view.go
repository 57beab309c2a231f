package markdown

import (
	"strings"

	"github.com/annexgen/annexgen/document"
)

// Text is text from a workbook cell. Printed by a template ({{.Title}}) it
// comes out escaped (see Escape), so it always reads literally; {{line .Title}}
// prints it on one line (for headings and table cells), {{raw .Title}} as is.
type Text string

// String returns the text escaped as Markdown inline text.
func (t Text) String() string { return Escape(string(t)) }

// View is the data a document template receives: a document.Document with
// its cell text as Text and its heading depths as Markdown heading markers.
// Templates print it; they never see the checklist itself.
type View struct {
	Doc       string // "annex", "memorandum" or "sla"
	Title     Text   // the document's title, see document.Title
	Self      string // how the document names itself: "本別紙", "本覚書" or "本合意書"
	Signed    bool   // the document has its own signature block (覚書, SLA)
	System    Text   // 対象システム
	Contract  Text   // 契約名, may be empty
	MainDate  string // 本契約の締結日 in 和暦, or ""
	SignDate  string // 締結日 in 和暦, or "令和　　年　　月　　日" when blank
	Effective string // 効力発生日 in 和暦, or "" (effective when signed)
	// Electronic is true when the document is signed electronically
	// (締結方法 電子契約).
	Electronic bool
	Deadline   string // 協議期限 in 和暦, or "令和　　年　　月　　日" when blank
	// The checklist's bookkeeping, for the non-binding 参考 appendix only.
	Version   Text   // 版数, may be empty
	Created   string // 作成日 in 和暦, or ""
	FirstDate string // 初回確認日 in 和暦, or ""

	Hospital     Party   // 甲
	Vendors      []Party // the vendors in this document: 乙, 丙, … (a vendor keeps its label in its own document)
	Parties      []Party // Hospital, then Vendors
	Related      []Party // 関係事業者: other vendors a per-vendor document names, not parties
	PerVendor    bool    // the document covers one vendor of several
	VendorLabels string  // the vendors' labels as a phrase: "乙", "乙及び丙", "乙、丙及び丁"
	Between      string  // "甲乙間", "甲乙丙間"; "各当事者間" for more than four parties

	Parts  []Part  // the items, by Part and section, in workbook order
	Items  []*Item // the same items in one list
	Open   []*Item // items still being negotiated (いいえ without 完了日)
	NA     []*Item // items set aside as 対象外
	Levels []Level // service-level targets (サービスレベル sheet)
	// LevelsTable is the appended table of the levels in an SLA ("別表1").
	LevelsTable string
	Unwritten   []*Item // applicable items with a blank 合意内容
}

// Party is the hospital or a vendor as named in the document.
type Party struct {
	Label          string // 甲, 乙, 丙, … 癸, then 第11当事者, 第12当事者, …
	Key            string // checklist.HospitalKey or the vendor's key ("A")
	Name           Text   // 医療機関名 or the vendor's name
	Contact        Text   // 担当者, may be empty
	Address        Text   // 所在地, may be empty
	Representative Text   // 代表者 (役職 氏名), may be empty
	Conj           string // "", "と", "、" or "及び": see document.Party
}

// Part is Part1 or Part2.
type Part struct {
	Name     Text   // "Part1"
	Table    string // the appended table that holds it: "別表1"
	Title    Text   // the part's description, e.g. 主に医療機関が実施する項目
	Heading  string // Markdown heading marker: "##"
	Sections []Section
}

// Section is a lettered group of items; Letter is empty for items that
// come before any section row.
type Section struct {
	Letter  Text   // "A"
	Title   Text   // "共通"
	Heading string // "###"
	Items   []*Item
}

// Item is one checklist item.
type Item struct {
	ID        Text   // "Part2 A-1"
	Number    Text   // "A-1"
	Title     Text   // 項目
	Content   Text   // 内容
	Agreement Text   // 合意内容
	Remarks   Text   // 備考; for 対象外 items, the reason
	Heading   string // "####" in a lettered section, "###" otherwise
	Table     string // the appended table that holds it: "別表1"
	Check     string // 初回確認: "はい", "いいえ", "対象外" or "" (not yet checked)
	Done      string // 完了日 in 和暦, or ""
	Roles     []Role // one per party of the document, in party order
	// Applicable is false for 対象外 items; Open is true for items still
	// being negotiated (いいえ without 完了日).
	Applicable, Open bool
	// RolesOnly: 合意内容 says the roles alone are agreed; Unwritten: an
	// applicable item whose 合意内容 is blank.
	RolesOnly, Unwritten bool
	// Others is true when a vendor outside this document has a role in the
	// item (per-vendor documents only); OtherRoles are those roles.
	Others     bool
	OtherRoles []Role
	Levels     []*Level // service levels naming this item (SLA only)
}

// Role is one party's role in an item.
type Role struct {
	Party  Party
	Symbol string // "◎", "○", "△" or ""
	Label  string // "主担当", "実施", "支援" or "関与なし"
	Mark   string // symbol and label: "◎ 主担当", or "関与なし"
}

// Level is one service-level target.
type Level struct {
	Number int    // 1, 2, … in the document's order
	Metric Text   // 指標
	Target Text   // 目標値
	Method Text   // 測定方法
	Period Text   // 測定期間; empty means the calendar month
	Remedy Text   // 未達時の措置; empty when the sheet states none
	Items  []Text // 関連項番, as item ids
	Refs   Text   // the same ids joined with "、"
	// Obligors are the labels of the vendors bound to meet the target.
	Obligors string
}

// heading returns the Markdown heading marker of a depth: "###" for 3.
func heading(depth int) string { return strings.Repeat("#", depth) }

// newView presents d to the templates. It copies, and decides nothing.
func newView(d *document.Document) *View {
	v := &View{
		Doc:          string(d.Kind),
		Title:        Text(d.Title),
		Self:         d.Self,
		Signed:       d.Signed,
		System:       Text(d.System),
		Contract:     Text(d.Contract),
		MainDate:     d.MainDate,
		SignDate:     d.SignDate,
		Effective:    d.Effective,
		Electronic:   d.Electronic,
		Deadline:     d.Deadline,
		LevelsTable:  d.LevelsTable,
		Version:      Text(d.Version),
		Created:      d.Created,
		FirstDate:    d.FirstDate,
		PerVendor:    d.PerVendor,
		VendorLabels: d.VendorLabels,
		Between:      d.Between,
	}
	for _, p := range d.Parties {
		v.Parties = append(v.Parties, newParty(p))
	}
	v.Hospital, v.Vendors = v.Parties[0], v.Parties[1:]
	for _, p := range d.Related {
		v.Related = append(v.Related, newParty(p))
	}

	v.Levels = make([]Level, len(d.Levels)) // Item.Levels point into it
	levels := make(map[*document.Level]*Level, len(d.Levels))
	for i, l := range d.Levels {
		v.Levels[i] = Level{Number: l.Number, Metric: Text(l.Metric), Target: Text(l.Target), Method: Text(l.Method),
			Period: Text(l.Period), Remedy: Text(l.Remedy), Refs: Text(l.Refs), Obligors: l.Obligors}
		for _, id := range l.Items {
			v.Levels[i].Items = append(v.Levels[i].Items, Text(id))
		}
		levels[l] = &v.Levels[i]
	}

	items := make(map[*document.Item]*Item, len(d.Items))
	for _, p := range d.Parts {
		part := Part{Name: Text(p.Name), Table: p.Table, Title: Text(p.Title), Heading: heading(p.Depth)}
		for _, s := range p.Sections {
			sec := Section{Letter: Text(s.Letter), Title: Text(s.Title), Heading: heading(s.Depth)}
			for _, it := range s.Items {
				item := newItem(it, levels)
				items[it] = item
				sec.Items = append(sec.Items, item)
			}
			part.Sections = append(part.Sections, sec)
		}
		v.Parts = append(v.Parts, part)
	}
	v.Items = pick(d.Items, items)
	v.Open = pick(d.Open, items)
	v.NA = pick(d.NA, items)
	v.Unwritten = pick(d.Unwritten, items)
	return v
}

func newParty(p document.Party) Party {
	return Party{Label: p.Label, Key: p.Key, Name: Text(p.Name), Contact: Text(p.Contact),
		Address: Text(p.Address), Representative: Text(p.Representative), Conj: p.Conj}
}

func newItem(it *document.Item, levels map[*document.Level]*Level) *Item {
	item := &Item{
		ID:         Text(it.ID),
		Number:     Text(it.Number),
		Title:      Text(it.Title),
		Content:    Text(it.Content),
		Agreement:  Text(it.Agreement),
		Remarks:    Text(it.Remarks),
		Heading:    heading(it.Depth),
		Table:      it.Table,
		Check:      it.Check,
		Done:       it.Done,
		Applicable: it.Applicable,
		Open:       it.Open,
		RolesOnly:  it.RolesOnly,
		Unwritten:  it.Unwritten,
		Others:     it.Others,
	}
	for _, r := range it.Roles {
		item.Roles = append(item.Roles, newRole(r))
	}
	for _, r := range it.OtherRoles {
		item.OtherRoles = append(item.OtherRoles, newRole(r))
	}
	for _, l := range it.Levels {
		item.Levels = append(item.Levels, levels[l])
	}
	return item
}

func newRole(r document.Role) Role {
	return Role{Party: newParty(r.Party), Symbol: r.Symbol, Label: r.Label, Mark: r.Mark}
}

// pick returns the view's items for a list of the document's items.
func pick(list []*document.Item, items map[*document.Item]*Item) []*Item {
	var out []*Item
	for _, it := range list {
		out = append(out, items[it])
	}
	return out
}
