package markdown

import (
	"fmt"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/wareki"
)

// Text is text from a workbook cell. Printed by a template ({{.Title}}) it
// comes out escaped (see Escape), so it always reads literally; {{line .Title}}
// prints it on one line (for headings and table cells), {{raw .Title}} as is.
type Text string

// String returns the text escaped as Markdown inline text.
func (t Text) String() string { return Escape(string(t)) }

// cellText makes cell text into Text, normalized as Markdown will read it back
// (see Normalize), so that an empty test in a template agrees with what is
// printed.
func cellText(s string) Text { return Text(Normalize(s)) }

// View is the data a document template receives. Templates print it; they
// never see the checklist itself.
type View struct {
	Doc       string // "annex" or "sla"
	Title     Text   // the document's title, see Title
	Self      string // how the document names itself: "本別紙" or "本合意書"
	System    Text   // 対象システム
	Contract  Text   // 契約名, may be empty
	Version   Text   // 版数, may be empty
	Created   string // 作成日 in 和暦, or "令和　　年　　月　　日" when blank
	FirstDate string // 初回確認日 in 和暦, or ""

	Hospital     Party   // 甲
	Vendors      []Party // the vendors in this document: 乙, 丙, … (a vendor keeps its label in its own document)
	Parties      []Party // Hospital, then Vendors
	PerVendor    bool    // the document covers one vendor of several
	VendorLabels string  // the vendors' labels as a phrase: "乙", "乙及び丙", "乙、丙及び丁"
	Between      string  // "甲乙間", "甲乙丙間"; "各当事者間" for more than four parties

	Parts  []Part  // the items, by Part and section, in workbook order
	Items  []*Item // the same items in one list
	Open   []*Item // items still being negotiated (いいえ without 完了日)
	NA     []*Item // items set aside as 対象外
	Levels []Level // service-level targets (サービスレベル sheet)
}

// Party is the hospital or a vendor as named in the document.
type Party struct {
	Label   string // 甲, 乙, 丙, … 癸, then 第11当事者, 第12当事者, …
	Key     string // checklist.HospitalKey or the vendor's key ("A")
	Name    Text   // 医療機関名 or the vendor's name
	Contact Text   // 担当者, may be empty
	// Conj joins the party to the ones before it when all are listed in
	// one sentence: "" for the first, then "と" for two parties, or "、"
	// and "及び" before the last of three or more.
	Conj string
}

// Part is Part1 or Part2.
type Part struct {
	Name     Text   // "Part1"
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
	Check     string // 初回確認: "はい", "いいえ", "対象外" or "" (not yet checked)
	Done      string // 完了日 in 和暦, or ""
	Roles     []Role // one per party of the document, in party order
	// Applicable is false for 対象外 items; Open is true for items still
	// being negotiated (いいえ without 完了日).
	Applicable, Open bool
	// Others is true when a vendor outside this document has a role in the
	// item (per-vendor documents only).
	Others bool
	Levels []*Level // service levels naming this item (SLA only)
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
	Number int    // 1, 2, … in sheet order
	Metric Text   // 指標
	Target Text   // 目標値
	Method Text   // 測定方法
	Items  []Text // 関連項番, as item ids
	Refs   Text   // the same ids joined with "、"
}

// partyLabels are the traditional labels of the parties to a contract.
var partyLabels = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}

// PartyLabel returns the label of the i-th party (0-based): 甲, 乙, … 癸,
// then 第11当事者, 第12当事者, ….
func PartyLabel(i int) string {
	if i >= 0 && i < len(partyLabels) {
		return partyLabels[i]
	}
	return fmt.Sprintf("第%d当事者", i+1)
}

// blankDate is printed for a blank date, to be filled in by hand.
const blankDate = "令和　　年　　月　　日"

func formatDate(d checklist.Date) string {
	if d.IsZero() {
		return ""
	}
	return wareki.Format(d.Year, d.Month, d.Day)
}

// joinLabels writes labels as a Japanese enumeration: "乙", "乙及び丙",
// "乙、丙及び丁".
func joinLabels(labels []string) string {
	switch len(labels) {
	case 0:
		return ""
	case 1:
		return labels[0]
	}
	return strings.Join(labels[:len(labels)-1], "、") + "及び" + labels[len(labels)-1]
}

// defaultPartTitles are used when the workbook gives no description.
var defaultPartTitles = map[string]string{
	"Part1": "主に医療機関が実施する項目",
	"Part2": "医療機関と事業者が共同で実施する項目",
}

// includes reports whether a per-vendor document for vendor holds it: the
// items where that vendor has a role, and the items where no vendor has
// one (the hospital's own part).
func includes(it *checklist.Item, vendor string) bool {
	if vendor == "" {
		return true
	}
	anyVendor := false
	for _, r := range it.Roles {
		if r.Party == checklist.HospitalKey || r.Mark == checklist.MarkNone {
			continue
		}
		if r.Party == vendor {
			return true
		}
		anyVendor = true
	}
	return !anyVendor
}

// newView builds the template data for doc from c; vendor == "" means the
// whole document.
func newView(doc Doc, c *checklist.Checklist, vendor string) (*View, error) {
	v := &View{
		Doc:       string(doc),
		Title:     cellText(Title(doc, c)),
		Self:      "本別紙",
		System:    cellText(c.Info.System),
		Contract:  cellText(c.Info.Contract),
		Version:   cellText(c.Info.Version),
		Created:   formatDate(c.Info.Created),
		FirstDate: formatDate(c.Info.FirstDate),
	}
	if doc == SLA {
		v.Self = "本合意書"
	}
	if v.Created == "" {
		v.Created = blankDate
	}

	// Labels follow the order of 基本情報 in every document of a workbook,
	// so that 合意内容 naming a party by its label stays true in a vendor's
	// document too.
	parties := []checklist.Party{c.Info.Hospital}
	labelIndex := []int{0}
	for i, p := range c.Info.Vendors {
		if vendor == "" || p.Key == vendor {
			parties = append(parties, p)
			labelIndex = append(labelIndex, i+1)
		}
	}
	if vendor != "" {
		if len(parties) != 2 {
			return nil, fmt.Errorf("事業者「%s」は基本情報にありません", vendor)
		}
		v.PerVendor = len(c.Info.Vendors) > 1
	}
	inDoc := map[string]bool{}
	for i, p := range parties {
		inDoc[p.Key] = true
		party := Party{
			Label:   PartyLabel(labelIndex[i]),
			Key:     p.Key,
			Name:    cellText(p.Name),
			Contact: cellText(p.Contact),
		}
		switch {
		case i == 0:
		case len(parties) == 2:
			party.Conj = "と"
		case i == len(parties)-1:
			party.Conj = "及び"
		default:
			party.Conj = "、"
		}
		v.Parties = append(v.Parties, party)
	}
	v.Hospital = v.Parties[0]
	v.Vendors = v.Parties[1:]
	var labels []string
	for _, p := range v.Vendors {
		labels = append(labels, p.Label)
	}
	v.VendorLabels = joinLabels(labels)
	if len(v.Parties) <= 4 {
		v.Between = v.Hospital.Label + strings.Join(labels, "") + "間"
	} else {
		v.Between = "各当事者間"
	}

	byID := map[string]*Item{}  // the items in this document
	allIDs := map[string]bool{} // the items of the checklist
	for _, p := range c.Parts {
		part := Part{Name: cellText(p.Name), Title: cellText(p.Title), Heading: "##"}
		if part.Title == "" {
			part.Title = Text(defaultPartTitles[string(part.Name)])
		}
		for _, s := range p.Sections {
			sec := Section{Letter: cellText(s.Letter), Title: cellText(s.Title), Heading: "###"}
			for i := range s.Items {
				it := &s.Items[i]
				allIDs[it.ID] = true
				if !includes(it, vendor) {
					continue
				}
				item := newItem(it, v.Parties, inDoc)
				if s.Letter != "" {
					item.Heading = "####"
				}
				sec.Items = append(sec.Items, item)
				v.Items = append(v.Items, item)
				if _, dup := byID[it.ID]; !dup {
					byID[it.ID] = item
				}
				if item.Open {
					v.Open = append(v.Open, item)
				}
				if !item.Applicable {
					v.NA = append(v.NA, item)
				}
			}
			if len(sec.Items) > 0 {
				part.Sections = append(part.Sections, sec)
			}
		}
		if len(part.Sections) > 0 {
			v.Parts = append(v.Parts, part)
		}
	}

	v.Levels = make([]Level, 0, len(c.Levels)) // Item.Levels point into it
	for _, l := range c.Levels {
		level := Level{Metric: cellText(l.Metric), Target: cellText(l.Target), Method: cellText(l.Method)}
		var related []*Item
		otherVendors := len(l.Items) > 0 // every id names an item left out of this document
		for _, id := range l.Items {
			level.Items = append(level.Items, cellText(id))
			if it, ok := byID[id]; ok {
				related = append(related, it)
			}
			if !allIDs[id] || byID[id] != nil {
				otherVendors = false
			}
		}
		if otherVendors {
			continue
		}
		level.Refs = cellText(strings.Join(l.Items, "、"))
		level.Number = len(v.Levels) + 1
		v.Levels = append(v.Levels, level)
		if doc != SLA {
			continue
		}
		for _, it := range related {
			it.Levels = append(it.Levels, &v.Levels[len(v.Levels)-1])
		}
	}
	return v, nil
}

func newItem(it *checklist.Item, parties []Party, inDoc map[string]bool) *Item {
	item := &Item{
		ID:         cellText(it.ID),
		Number:     cellText(it.Number),
		Title:      cellText(it.Title),
		Content:    cellText(it.Content),
		Agreement:  cellText(it.Agreement),
		Remarks:    cellText(it.Remarks),
		Heading:    "###",
		Check:      it.Check.String(),
		Done:       formatDate(it.Done),
		Applicable: it.Applicable(),
		Open:       it.Open(),
	}
	for _, p := range parties {
		m := it.Role(p.Key)
		r := Role{Party: p, Symbol: m.Symbol(), Label: m.Label(), Mark: m.Label()}
		if m != checklist.MarkNone {
			r.Mark = m.Symbol() + " " + m.Label()
		}
		item.Roles = append(item.Roles, r)
	}
	for _, r := range it.Roles {
		if !inDoc[r.Party] && r.Mark != checklist.MarkNone {
			item.Others = true
		}
	}
	return item
}
