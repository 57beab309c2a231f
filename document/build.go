package document

import (
	"errors"
	"fmt"
	"strings"

	"github.com/annexgen/annexgen/checklist"
)

// New builds the document of kind k from c. vendor == "" gives the whole
// document; a vendor key ("A") gives that vendor's document, whose parties
// are the hospital (甲) and that vendor (乙) and whose items are those
// where that vendor has a role (◎ ○ △) together with those where no
// vendor has one (the hospital's own part); items where only other
// vendors have a role are left out. Open and 対象外 lists and service
// levels follow the same selection (a service level is left out only when
// every item it names exists and is left out).
func New(k Kind, c *checklist.Checklist, vendor string) (*Document, error) {
	if c == nil {
		return nil, errors.New("確認表がありません")
	}
	if !k.Valid() {
		return nil, fmt.Errorf("文書の種類「%s」はありません（%s を指定してください）", k, KindNames("または"))
	}
	d := &Document{
		Kind:       k,
		Vendor:     vendor,
		Title:      Normalize(Title(k, c)),
		Self:       k.Self(),
		Signed:     k.Signed(),
		System:     Normalize(c.Info.System),
		Contract:   Normalize(c.Info.Contract),
		MainDate:   formatDate(c.Info.MainDate),
		SignDate:   orBlank(formatDate(c.Info.SignDate)),
		Effective:  formatDate(c.Info.Effective),
		Electronic: c.Info.Electronic,
		Deadline:   orBlank(formatDate(c.Info.Deadline)),
		Version:    Normalize(c.Info.Version),
		Created:    formatDate(c.Info.Created),
		FirstDate:  formatDate(c.Info.FirstDate),
	}
	if err := d.addParties(c, vendor); err != nil {
		return nil, err
	}
	byID, allIDs := d.addItems(c, vendor)
	d.addLevels(c, byID, allIDs)
	d.addRelated(c)
	d.numberTables()
	d.Meta = newMeta(d, c)
	return d, nil
}

// orBlank returns date, or the blank date to fill in by hand.
func orBlank(date string) string {
	if date == "" {
		return blankDate
	}
	return date
}

// numberTables gives each Part its appended table: 別表1, 別表2, …; in an
// SLA with service levels, 別表1 holds the levels and the Parts follow.
func (d *Document) numberTables() {
	n := 1
	if d.Kind == SLA && len(d.Levels) > 0 {
		d.LevelsTable = "別表1"
		n++
	}
	for i := range d.Parts {
		p := &d.Parts[i]
		p.Table = fmt.Sprintf("別表%d", n+i)
		for _, s := range p.Sections {
			for _, it := range s.Items {
				it.Table = p.Table
			}
		}
	}
}

// addParties sets the parties of the document. Labels follow the order of
// 基本情報 in every document of a workbook, so that 合意内容 naming a party
// by its label stays true in a vendor's document too.
func (d *Document) addParties(c *checklist.Checklist, vendor string) error {
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
			return fmt.Errorf("事業者「%s」は基本情報にありません", vendor)
		}
		d.PerVendor = len(c.Info.Vendors) > 1
	}
	for i, p := range parties {
		party := newParty(p, labelIndex[i])
		switch {
		case i == 0:
		case len(parties) == 2:
			party.Conj = "と"
		case i == len(parties)-1:
			party.Conj = "及び"
		default:
			party.Conj = "、"
		}
		d.Parties = append(d.Parties, party)
	}
	d.Hospital = d.Parties[0]
	d.Vendors = d.Parties[1:]
	var labels []string
	for _, p := range d.Vendors {
		labels = append(labels, p.Label)
	}
	d.VendorLabels = joinLabels(labels)
	if len(d.Parties) <= 4 {
		d.Between = d.Hospital.Label + strings.Join(labels, "") + "間"
	} else {
		d.Between = "各当事者間"
	}
	return nil
}

// newParty returns the party p of a checklist with the label of the i-th
// party of the workbook.
func newParty(p checklist.Party, i int) Party {
	return Party{
		Label:          PartyLabel(i),
		Key:            p.Key,
		Name:           Normalize(p.Name),
		Contact:        Normalize(p.Contact),
		Address:        Normalize(p.Address),
		Representative: Normalize(p.Representative),
	}
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

// addItems adds the parts, sections and items the document holds, and
// returns them by id (the first of a duplicated id) together with the ids
// of every item of the checklist.
func (d *Document) addItems(c *checklist.Checklist, vendor string) (byID map[string]*Item, allIDs map[string]bool) {
	byID, allIDs = map[string]*Item{}, map[string]bool{}
	inDoc := map[string]bool{}
	for _, p := range d.Parties {
		inDoc[p.Key] = true
	}
	for _, p := range c.Parts {
		part := Part{Name: Normalize(p.Name), Title: Normalize(p.Title), Depth: 2}
		if part.Title == "" {
			part.Title = defaultPartTitles[part.Name]
		}
		for _, s := range p.Sections {
			sec := Section{Letter: Normalize(s.Letter), Title: Normalize(s.Title), Depth: 3}
			for i := range s.Items {
				it := &s.Items[i]
				allIDs[it.ID] = true
				if !includes(it, vendor) {
					continue
				}
				item := newItem(it, d.Parties, inDoc)
				if s.Letter != "" {
					item.Depth = 4
				}
				sec.Items = append(sec.Items, item)
				d.Items = append(d.Items, item)
				if _, dup := byID[it.ID]; !dup {
					byID[it.ID] = item
				}
				if item.Open {
					d.Open = append(d.Open, item)
				}
				if !item.Applicable {
					d.NA = append(d.NA, item)
				}
				if item.Unwritten {
					d.Unwritten = append(d.Unwritten, item)
				}
			}
			if len(sec.Items) > 0 {
				part.Sections = append(part.Sections, sec)
			}
		}
		if len(part.Sections) > 0 {
			d.Parts = append(d.Parts, part)
		}
	}
	return byID, allIDs
}

func newItem(it *checklist.Item, parties []Party, inDoc map[string]bool) *Item {
	item := &Item{
		ID:         Normalize(it.ID),
		Number:     Normalize(it.Number),
		Title:      Normalize(it.Title),
		Content:    Normalize(it.Content),
		Agreement:  Normalize(it.Agreement),
		Remarks:    Normalize(it.Remarks),
		Depth:      3,
		Check:      it.Check.String(),
		Done:       formatDate(it.Done),
		Applicable: it.Applicable(),
		Open:       it.Open(),
		src:        it,
	}
	item.Unwritten = item.Applicable && item.Agreement == ""
	item.RolesOnly = item.Applicable && checklist.RolesOnly(item.Agreement)
	for _, p := range parties {
		item.Roles = append(item.Roles, newRole(p, it.Role(p.Key)))
	}
	for _, r := range it.Roles {
		if !inDoc[r.Party] && r.Mark != checklist.MarkNone {
			item.Others = true
		}
	}
	return item
}

// addLevels adds the service levels of the document: all of them, except
// in a vendor's document those whose items all exist and are left out.
// In an SLA each item lists the levels that name it.
func (d *Document) addLevels(c *checklist.Checklist, byID map[string]*Item, allIDs map[string]bool) {
	d.Levels = make([]*Level, 0, len(c.Levels))
	for _, l := range c.Levels {
		level := &Level{Metric: Normalize(l.Metric), Target: Normalize(l.Target), Method: Normalize(l.Method),
			Period: Normalize(l.Period), Remedy: Normalize(l.Remedy)}
		var related []*Item
		otherVendors := len(l.Items) > 0 // every id names an item left out of this document
		for _, id := range l.Items {
			level.Items = append(level.Items, Normalize(id))
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
		level.Refs = Normalize(strings.Join(l.Items, "、"))
		level.Obligors = d.obligors(related)
		level.Number = len(d.Levels) + 1
		d.Levels = append(d.Levels, level)
		if d.Kind != SLA {
			continue
		}
		for _, it := range related {
			it.Levels = append(it.Levels, level)
		}
	}
}
