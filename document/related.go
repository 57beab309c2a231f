package document

import (
	"strings"

	"github.com/annexgen/annexgen/checklist"
)

// addRelated finds the related vendors (関係事業者) of a per-vendor
// document: the other vendors of the workbook that its text names by
// label (「乙及び丙」). They keep their labels and are defined in the
// document; each item lists their roles. Item.Others stays true only for
// items where a vendor that is neither a party nor related has a role.
func (d *Document) addRelated(c *checklist.Checklist) {
	if d.Vendor == "" {
		return
	}
	for i, v := range c.Info.Vendors {
		if v.Key == d.Vendor {
			continue
		}
		p := newParty(v, i+1)
		if d.involves(p) {
			d.Related = append(d.Related, p)
		}
	}
	if len(d.Related) == 0 {
		return
	}
	byKey := map[string]Party{}
	for _, p := range d.Related {
		byKey[p.Key] = p
	}
	for _, it := range d.Items {
		if !it.Others {
			continue
		}
		unlisted := false
		for _, r := range it.src.Roles {
			rp, related := byKey[r.Party]
			switch {
			case r.Mark == checklist.MarkNone || r.Party == checklist.HospitalKey || r.Party == d.Vendor:
			case related:
				it.OtherRoles = append(it.OtherRoles, newRole(rp, r.Mark))
			default:
				unlisted = true
			}
		}
		it.Others = unlisted
	}
}

// involves reports whether the document's text names p's label.
func (d *Document) involves(p Party) bool {
	names := func(s string) bool { return strings.Contains(s, p.Label) }
	for _, it := range d.Items {
		for _, s := range []string{it.Title, it.Content, it.Agreement, it.Remarks} {
			if names(s) {
				return true
			}
		}
	}
	for _, l := range d.Levels {
		for _, s := range []string{l.Metric, l.Target, l.Method, l.Period, l.Remedy} {
			if names(s) {
				return true
			}
		}
	}
	return false
}

// obligors returns the labels of the document's vendors bound to meet a
// service level: those with ◎ or ○ on one of its related items, else
// every vendor of the document.
func (d *Document) obligors(related []*Item) string {
	var labels []string
	for _, v := range d.Vendors {
		for _, it := range related {
			if m := roleOf(it, v.Key); m == "◎" || m == "○" {
				labels = append(labels, v.Label)
				break
			}
		}
	}
	if len(labels) == 0 {
		for _, v := range d.Vendors {
			labels = append(labels, v.Label)
		}
	}
	return joinLabels(labels)
}

// roleOf returns the symbol of a party's role in an item, or "".
func roleOf(it *Item, key string) string {
	for _, r := range it.Roles {
		if r.Party.Key == key {
			return r.Symbol
		}
	}
	return ""
}

// newRole returns the role of party p with mark m.
func newRole(p Party, m checklist.Mark) Role {
	r := Role{Party: p, Symbol: m.Symbol(), Label: m.Label(), Mark: m.Label()}
	if m != checklist.MarkNone {
		r.Mark = m.Symbol() + " " + m.Label()
	}
	return r
}
