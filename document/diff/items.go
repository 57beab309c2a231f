package diff

import (
	"sort"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/wareki"
	"github.com/annexgen/annexgen/document"
)

// pair is an item in the old version, the new one, or both.
type pair struct {
	old, new *checklist.Item
	key      [2]int // display order: the new item's place; a removed item follows its old predecessor
}

// allItems returns the items of c in workbook order.
func allItems(c *checklist.Checklist) []*checklist.Item {
	var out []*checklist.Item
	for i := range c.Parts {
		out = append(out, c.Parts[i].Items()...)
	}
	return out
}

// content identifies an item apart from its id: its title and 内容.
func content(it *checklist.Item) string {
	return document.Normalize(it.Title) + "\x00" + document.Normalize(it.Content)
}

// pairItems matches the items of the two versions: first those with the
// same id, title and 内容; then those with the same title and 内容 under
// another id (renumbered: an item inserted before them, or moved); then
// those left with the same id (changed). Pairs come in the new version's
// order, each removed item after the item its predecessor in the old
// version became.
func pairItems(old, new *checklist.Checklist) []pair {
	olds, news := allItems(old), allItems(new)
	match := make([]int, len(news)) // the old index of each new item, or -1
	for j := range match {
		match[j] = -1
	}
	used := make([]bool, len(olds))
	pass := func(key func(*checklist.Item) string) {
		free := map[string][]int{}
		for i, it := range olds {
			if !used[i] {
				free[key(it)] = append(free[key(it)], i)
			}
		}
		for j, it := range news {
			if match[j] >= 0 {
				continue
			}
			if c := free[key(it)]; len(c) > 0 {
				match[j], used[c[0]] = c[0], true
				free[key(it)] = c[1:]
			}
		}
	}
	pass(func(it *checklist.Item) string { return it.ID + "\x00" + content(it) })
	pass(content)
	pass(func(it *checklist.Item) string { return it.ID })
	newOf := make([]int, len(olds)) // the new index of each old item, or -1
	for i := range newOf {
		newOf[i] = -1
	}
	var pairs []pair
	for j, it := range news {
		p := pair{new: it, key: [2]int{j, 0}}
		if i := match[j]; i >= 0 {
			p.old = olds[i]
			newOf[i] = j
		}
		pairs = append(pairs, p)
	}
	after := -1 // the new index of the last matched old item
	for i, it := range olds {
		if newOf[i] >= 0 {
			after = newOf[i]
			continue
		}
		if !used[i] {
			pairs = append(pairs, pair{old: it, key: [2]int{after, 1 + i}})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		ka, kb := pairs[a].key, pairs[b].key
		if ka[0] != kb[0] {
			return ka[0] < kb[0]
		}
		return ka[1] < kb[1]
	})
	return pairs
}

// compareItems returns the items that changed, in the order of pairs.
func compareItems(b *budget, pairs []pair, parties []Party) []Item {
	var out []Item
	for _, p := range pairs {
		switch {
		case p.old == nil:
			out = append(out, wholeItem(Added, p.new, parties))
		case p.new == nil:
			out = append(out, wholeItem(Removed, p.old, parties))
		default:
			if it, ok := changedItem(b, p.old, p.new, parties); ok {
				out = append(out, it)
			}
		}
	}
	return out
}

// RolesLabel is the label of an item's roles, which name the parties by
// their labels (Diff.Parties).
const RolesLabel = "役割分担"

// itemValues are the values of an item that the agreement holds, labelled.
func itemValues(it *checklist.Item, parties []Party) [][2]string {
	v := [][2]string{
		{"項番", it.ID},
		{"項目", it.Title},
		{"確認事項", it.Content},
		{RolesLabel, roles(it, parties)},
		{"合意内容", it.Agreement},
		{"備考", it.Remarks},
		{"適用", applicability(it)},
	}
	return v
}

// applicability says whether an item applies or is set aside (対象外).
func applicability(it *checklist.Item) string {
	if it.Applicable() {
		return "対象"
	}
	return "対象外"
}

// wholeItem is an item only one version has: every value it holds, marked.
func wholeItem(c Change, it *checklist.Item, parties []Party) Item {
	out := Item{Change: c, ID: it.ID, Title: document.Normalize(it.Title)}
	if c == Removed {
		out.OldID = it.ID
	}
	for _, v := range itemValues(it, parties) {
		if document.Normalize(v[1]) == "" || (v[0] == "適用" && it.Applicable()) {
			continue
		}
		if c == Added {
			out.Fields = append(out.Fields, addedField(v[0], v[1]))
		} else {
			out.Fields = append(out.Fields, removedField(v[0], v[1]))
		}
	}
	return out
}

// changedItem compares an item in both versions; ok is false when nothing
// the agreement holds changed.
func changedItem(b *budget, old, new *checklist.Item, parties []Party) (Item, bool) {
	out := Item{Change: Changed, ID: new.ID, OldID: old.ID, Title: document.Normalize(new.Title)}
	if old.ID != new.ID {
		out.Change = Renumbered
	}
	ov, nv := itemValues(old, parties), itemValues(new, parties)
	for k := range nv {
		if f, ok := compareField(b, nv[k][0], ov[k][1], nv[k][1]); ok {
			out.Fields = append(out.Fields, f)
		}
	}
	return out, len(out.Fields) > 0
}

// roles writes an item's roles, the parties with a mark in label order:
// "甲 ◎　乙 ○　丙 △", or "なし". A party without a mark is left out, so
// that a vendor added without roles changes no item.
func roles(it *checklist.Item, parties []Party) string {
	var parts []string
	for _, p := range parties {
		if mark := it.Role(p.Key).Symbol(); mark != "" {
			parts = append(parts, p.Label+" "+mark)
		}
	}
	if len(parts) == 0 {
		return "なし"
	}
	return strings.Join(parts, "　")
}

// itemNotes returns the bookkeeping of the items in both versions that
// changed: 初回確認 and 完了日.
func itemNotes(b *budget, pairs []pair) []Field {
	var out []Field
	for _, p := range pairs {
		if p.old == nil || p.new == nil {
			continue
		}
		name := p.new.ID + " " + document.Normalize(p.new.Title)
		if f, ok := compareField(b, name+" 初回確認", p.old.Check.String(), p.new.Check.String()); ok {
			out = append(out, f)
		}
		if f, ok := compareField(b, name+" 完了日", formatDate(p.old.Done), formatDate(p.new.Done)); ok {
			out = append(out, f)
		}
	}
	return out
}

// formatDate writes a date in 和暦, or "" for a blank date.
func formatDate(d checklist.Date) string {
	if d.IsZero() {
		return ""
	}
	return wareki.Format(d.Year, d.Month, d.Day)
}

// compareSections returns the lettered sections added, removed or renamed.
func compareSections(b *budget, old, new *checklist.Checklist) []Section {
	type key struct{ part, letter string }
	titles := func(c *checklist.Checklist) (map[key]string, []key) {
		m := map[key]string{}
		var order []key
		for _, p := range c.Parts {
			for _, s := range p.Sections {
				k := key{p.Name, s.Letter}
				if _, dup := m[k]; s.Letter == "" || dup {
					continue
				}
				m[k] = s.Title
				order = append(order, k)
			}
		}
		return m, order
	}
	om, oorder := titles(old)
	nm, norder := titles(new)
	var out []Section
	for _, k := range norder {
		label := k.part + " " + k.letter
		o, ok := om[k]
		switch {
		case !ok:
			out = append(out, Section{Change: Added, Part: k.part, Letter: k.letter, Title: addedField(label, nm[k])})
		default:
			if f, ok := compareField(b, label, o, nm[k]); ok {
				out = append(out, Section{Change: Changed, Part: k.part, Letter: k.letter, Title: f})
			}
		}
	}
	for _, k := range oorder {
		if _, ok := nm[k]; !ok {
			out = append(out, Section{Change: Removed, Part: k.part, Letter: k.letter, Title: removedField(k.part+" "+k.letter, om[k])})
		}
	}
	return out
}
