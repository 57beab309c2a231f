package checklist

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/annexgen/annexgen/checklist/wareki"
)

// Field is a value of an item that a finding can point at.
type Field int

// The fields of an item, in the blank form's order. FieldRole is a
// party's role mark: the party is given beside it.
const (
	FieldNumber    Field = iota // 項番
	FieldTitle                  // 項目
	FieldContent                // 内容
	FieldCheck                  // 初回確認
	FieldDone                   // 完了日
	FieldAgreement              // 合意内容
	FieldRemarks                // 備考
	FieldRole                   // a party's role mark (医療機関, 事業者A, …)
)

// Locator says where in its workbook a value of a checklist was read, so
// that findings point at cells. The xlsx reader implements it; the rules
// never see a column.
type Locator interface {
	// ItemCell returns the cell of an item's field (party names the role
	// column of FieldRole), or a Cell with an empty Ref when the workbook
	// has no such column.
	ItemCell(it *Item, f Field, party string) Cell
	// HeaderCell returns where a Part's header row starts, or the Part's
	// sheet alone.
	HeaderCell(p *Part) Cell
	// LevelCell returns the 関連項番 cell of a service level.
	LevelCell(lv *ServiceLevel) Cell
	// Unread reports a Part sheet the workbook has but that could not be
	// read: references to its items are not reported as unknown.
	Unread(part string) bool
}

// Validate applies the rules that need the whole checklist. The findings
// are in the order of the items; at says where each value was read (nil:
// findings name the sheet and the item, but no cell).
func Validate(c *Checklist, opt Options, at Locator) Findings {
	if at == nil {
		at = sheetsOnly{}
	}
	v := &validator{c: c, opt: opt, at: at}
	ids := map[string]bool{}
	for i := range c.Parts {
		p := &c.Parts[i]
		items := p.Items()
		for _, it := range items {
			ids[it.ID] = true
			v.item(p, it)
			v.dates(it)
		}
		v.vendorColumns(p, items)
	}
	v.levels(ids)
	return v.findings
}

// validator applies the rules.
type validator struct {
	c        *Checklist
	opt      Options
	at       Locator
	findings Findings
}

func (v *validator) add(m Message, at Cell, it *Item, args ...any) {
	v.findings = append(v.findings, NewFinding(m, at, it, args...))
}

// cell returns the cell of an item's field.
func (v *validator) cell(it *Item, f Field) Cell { return v.at.ItemCell(it, f, "") }

// role returns the cell of a party's mark on an item.
func (v *validator) role(it *Item, party string) Cell { return v.at.ItemCell(it, FieldRole, party) }

// item applies the per-item rules.
func (v *validator) item(p *Part, it *Item) {
	info := &v.c.Info
	owners := it.Owners()
	var marked []string // parties with any mark
	for _, r := range it.Roles {
		if r.Mark != MarkNone {
			marked = append(marked, r.Party)
		}
	}
	if it.Check == CheckBlank {
		v.add(MsgBlankCheck, v.cell(it, FieldCheck), it)
	}
	if it.Open() {
		f := NewFinding(MsgOpenItem, v.cell(it, FieldDone), it)
		if v.opt.Strict {
			f = NewFinding(MsgOpenItemStrict, v.cell(it, FieldDone), it)
			f.Severity = SeverityError
		}
		v.findings = append(v.findings, f)
	}
	if !it.Done.IsZero() && !info.FirstDate.IsZero() && it.Done.Before(info.FirstDate) {
		v.add(MsgDateOrder, v.cell(it, FieldDone), it,
			wareki.Format(it.Done.Year, it.Done.Month, it.Done.Day),
			wareki.Format(info.FirstDate.Year, info.FirstDate.Month, info.FirstDate.Day))
	}
	switch {
	case len(owners) == 0 && it.Applicable():
		var names []string
		for _, r := range it.Roles {
			names = append(names, PartyLabel(info, r.Party))
		}
		if len(names) == 0 {
			names = append(names, HospitalKey)
		}
		v.add(MsgOwnerMissing, v.role(it, firstParty(it)), it, joinJa(names))
	case len(owners) > 1:
		var names []string
		for _, k := range owners {
			names = append(names, PartyLabel(info, k))
		}
		v.add(MsgOwnerMultiple, v.role(it, owners[1]), it, len(owners), joinJa(names))
	}
	if p.Name == SheetPart1 {
		for _, k := range owners {
			if k != HospitalKey {
				v.add(MsgPart1VendorOwner, v.role(it, k), it, PartyLabel(info, k))
			}
		}
	}
	if p.Name == SheetPart2 && it.Applicable() && len(marked) == 1 && len(it.Roles) > 1 {
		var others []string
		other := ""
		for _, r := range it.Roles {
			if r.Party != marked[0] {
				others = append(others, PartyLabel(info, r.Party))
				if other == "" {
					other = r.Party
				}
			}
		}
		v.add(MsgJointOneParty, v.role(it, other), it, PartyLabel(info, marked[0]), joinJa(others))
	}
	if it.Applicable() && it.Agreement == "" {
		f := NewFinding(MsgAgreementMissing, v.cell(it, FieldAgreement), it)
		if v.opt.Strict {
			f.Severity = SeverityError
		}
		v.findings = append(v.findings, f)
	}
	v.agreementText(it)
	if it.Check == CheckNA && it.Remarks == "" {
		at := v.cell(it, FieldRemarks)
		if at.Ref == "" {
			at = v.cell(it, FieldCheck) // no 備考 column: the 対象外 itself
		}
		v.add(MsgNANoReason, at, it)
	}
}

// exemptWords and attackWords make a 合意内容 that exempts a party
// wholesale for cyber attacks: one of each.
var (
	exemptWords = []string{"免責", "責任を負わない", "責任を負いません", "一切の責任", "不可抗力"}
	attackWords = []string{"サイバー攻撃", "不正アクセス", "ランサムウェア"}
)

// agreementText applies the rules on the wording of 合意内容: a wholesale
// exemption for cyber attacks, and a name of another kind of document.
func (v *validator) agreementText(it *Item) {
	a := it.Agreement
	if a == "" {
		return
	}
	if attack := firstIn(a, attackWords); attack != "" && firstIn(a, exemptWords) != "" {
		v.add(MsgAgreementExempt, v.cell(it, FieldAgreement), it, Quote(excerpt(a, attack)))
	}
	v.unknownLabel(it)
	kind := v.opt.DocKind
	if kind == "" {
		kind = v.c.Info.DocKind
	}
	self := SelfName(kind)
	if self == "" {
		return
	}
	for _, k := range DocKinds {
		if k.Self != self && strings.Contains(a, k.Self) {
			v.add(MsgAgreementOtherDoc, v.cell(it, FieldAgreement), it, k.Self, kind, self, self)
			return
		}
	}
}

// labelUse is a party label used as one in a sentence: followed by a
// particle or a conjunction (「丙は」, 「乙及び丙」), not inside a word
// (「一丁目」).
var labelUse = regexp.MustCompile(`([甲乙丙丁戊己庚辛壬癸])(?:は|が|の|と|に|を|へ|も|及び|並びに|又は|、|・)`)

// unknownLabel reports a 合意内容 that names a party label beyond the
// parties of the workbook: the documents would use a label they never
// define.
func (v *validator) unknownLabel(it *Item) {
	parties := 1 + len(v.c.Info.Vendors)
	for _, m := range labelUse.FindAllStringSubmatch(it.Agreement, -1) {
		i := slices.Index(ContractLabels, m[1])
		if i >= parties {
			n := min(parties, len(ContractLabels))
			v.add(MsgAgreementNoParty, v.cell(it, FieldAgreement), it, m[1], m[1], joinLabelsJa(ContractLabels[:n]))
			return
		}
	}
}

// joinLabelsJa writes labels as 「甲と乙」, 「甲、乙及び丙」.
func joinLabelsJa(labels []string) string {
	switch len(labels) {
	case 1:
		return labels[0]
	case 2:
		return labels[0] + "と" + labels[1]
	}
	return strings.Join(labels[:len(labels)-1], "、") + "及び" + labels[len(labels)-1]
}

// firstIn returns the first of words that s contains, or "".
func firstIn(s string, words []string) string {
	for _, w := range words {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}

// excerpt returns s from the start of the sentence that holds word.
func excerpt(s, word string) string {
	i := strings.Index(s, word)
	if j := strings.LastIndexAny(s[:i], "。\n"); j >= 0 {
		_, size := utf8.DecodeRuneInString(s[j:])
		return s[j+size:]
	}
	return s
}

// firstParty returns the key of the item's first role.
func firstParty(it *Item) string {
	if len(it.Roles) > 0 {
		return it.Roles[0].Party
	}
	return HospitalKey
}

// vendorColumns reports the vendors of 基本情報 that a Part has no role
// column for.
func (v *validator) vendorColumns(p *Part, items []*Item) {
	if len(items) == 0 {
		return
	}
	has := map[string]bool{}
	for _, it := range items {
		for _, r := range it.Roles {
			has[r.Party] = true
		}
	}
	at := v.at.HeaderCell(p)
	for _, vd := range v.c.Info.Vendors {
		if !has[vd.Key] {
			v.add(MsgVendorNoColumn, at, nil, items[0].Sheet, PartyLabel(&v.c.Info, vd.Key), vd.Key)
		}
	}
}

// levels reports 関連項番 that name no item.
func (v *validator) levels(ids map[string]bool) {
	for i := range v.c.Levels {
		lv := &v.c.Levels[i]
		at := v.at.LevelCell(lv)
		for _, id := range lv.Items {
			part, _, _ := strings.Cut(id, " ")
			if !ids[id] && !v.at.Unread(part) {
				v.add(MsgLevelItemUnknown, at, nil, Quote(lv.Metric), id)
			}
		}
	}
}

// sheetsOnly locates findings by their sheet alone.
type sheetsOnly struct{}

func (sheetsOnly) ItemCell(it *Item, _ Field, _ string) Cell { return Cell{Sheet: it.Sheet} }
func (sheetsOnly) LevelCell(lv *ServiceLevel) Cell           { return Cell{Sheet: lv.Cell.Sheet} }
func (sheetsOnly) Unread(string) bool                        { return false }

func (sheetsOnly) HeaderCell(p *Part) Cell {
	for _, it := range p.Items() {
		return Cell{Sheet: it.Sheet}
	}
	return Cell{}
}
