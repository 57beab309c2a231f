// Package diff compares two versions of a checklist, as at a renewal or
// when systems are added, and returns what changed as a format-neutral
// model of a 新旧対照表: for every change, the value after (改正後) and
// before (改正前) with the changed words marked.
//
// Items are matched by id; an item whose id changed but whose title and
// 内容 are the same is renumbered, not removed and added. The agreement
// (基本情報 values, sections, items, service levels) is kept apart from
// the checklist's bookkeeping (初回確認, 完了日, 版数, 作成日, 初回確認日),
// which a renewal agreement does not sign. Words are compared as Japanese
// is read (see Words).
package diff

import (
	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
)

// Diff is what changed from an old to a new version of a checklist.
type Diff struct {
	Title   string         // the title of the table: the new version's 契約名 or 対象システム with 新旧対照表
	System  string         // 対象システム of the new version
	Created checklist.Date // 作成日 of the new version: the date of the files made from the table
	Parties []Party        // the labels the role rows use: the new version's parties, then those only the old one has

	Info     []Field   // 基本情報 values that changed (parties, system, contract)
	Sections []Section // sections added, removed or renamed
	Items    []Item    // items changed, renumbered, added and removed
	Levels   []Level   // service levels changed, added and removed
	Notes    []Field   // bookkeeping that changed: 版数, 作成日, 初回確認日, and each item's 初回確認 and 完了日

	Summary Summary
}

// Same reports whether the agreement is unchanged (the bookkeeping may
// have changed).
func (d *Diff) Same() bool {
	return len(d.Info) == 0 && len(d.Sections) == 0 && len(d.Items) == 0 && len(d.Levels) == 0
}

// Summary counts the changes.
type Summary struct {
	Changed    int // items whose content changed, the renumbered ones included
	Renumbered int // of Changed, items whose id changed
	Added      int
	Removed    int
	// OpenBefore and OpenAfter count the items still being negotiated
	// (初回確認 いいえ without 完了日) in each version.
	OpenBefore, OpenAfter   int
	ItemsBefore, ItemsAfter int
}

// Change is what happened to an item, a section or a service level.
type Change int

// The kinds of change.
const (
	Changed    Change = iota // in both versions, different
	Added                    // only in the new version (新設)
	Removed                  // only in the old version (削除)
	Renumbered               // in both versions under different ids
)

// Party is a party as the role rows label it.
type Party struct {
	Label string // 甲, 乙, …
	Key   string // checklist.HospitalKey or the vendor key ("A")
	Name  string // the name in the new version, else in the old one
	Gone  bool   // the party is in the old version only
}

// Field is one value in both versions. Old is nil for a value the old
// version lacks (新設), New is nil for one the new version lacks (削除).
type Field struct {
	Label    string // "合意内容", "事業者B", "Part2 A-1 初回確認"
	Old, New Text
}

// Item is an item that changed.
type Item struct {
	Change Change
	ID     string  // the id in the new version; in the old one for a removed item
	OldID  string  // the id in the old version; "" for an added item
	Title  string  // 項目, as the new version has it when it has the item
	Fields []Field // the values that changed; every value of an added or removed item
}

// Section is a lettered section added, removed or renamed.
type Section struct {
	Change Change
	Part   string // "Part2"
	Letter string // "C"
	Title  Field  // the section's name in both versions
}

// Level is a service level that changed, matched by its 指標.
type Level struct {
	Change Change
	Metric string
	Fields []Field
}

// Compare returns what changed from old to new.
func Compare(old, new *checklist.Checklist) *Diff {
	d := &Diff{
		Title:   document.Normalize(title(new)),
		System:  document.Normalize(new.Info.System),
		Created: new.Info.Created,
	}
	b := &budget{cells: maxTotalCells}
	d.Parties = parties(old, new)
	d.Info = compareInfo(b, &old.Info, &new.Info)
	d.Sections = compareSections(b, old, new)
	pairs := pairItems(old, new)
	d.Items = compareItems(b, pairs, d.Parties)
	d.Levels = compareLevels(b, old.Levels, new.Levels)
	d.Notes = append(bookkeeping(b, &old.Info, &new.Info), itemNotes(b, pairs)...)
	d.Summary = summarize(old, new, d.Items)
	return d
}

// title names the table after the new version's contract, else its system.
func title(c *checklist.Checklist) string {
	name := c.Info.Contract
	if name == "" {
		name = c.Info.System
	}
	return name + " 新旧対照表"
}

// parties labels the parties: those of the new version in its order (甲,
// 乙, …), then the vendors only the old version has.
func parties(old, new *checklist.Checklist) []Party {
	var out []Party
	seen := map[string]bool{}
	add := func(p checklist.Party) {
		if seen[p.Key] {
			return
		}
		seen[p.Key] = true
		out = append(out, Party{Label: document.PartyLabel(len(out)), Key: p.Key, Name: document.Normalize(p.Name)})
	}
	for _, p := range new.Info.Parties() {
		add(p)
	}
	for _, p := range old.Info.Parties() {
		if !seen[p.Key] {
			add(p)
			out[len(out)-1].Gone = true
		}
	}
	return out
}

// summarize counts the changes and the open items.
func summarize(old, new *checklist.Checklist, items []Item) Summary {
	var s Summary
	for _, it := range items {
		switch it.Change {
		case Changed:
			s.Changed++
		case Renumbered:
			s.Changed++
			s.Renumbered++
		case Added:
			s.Added++
		case Removed:
			s.Removed++
		}
	}
	s.OpenBefore, s.ItemsBefore = countItems(old)
	s.OpenAfter, s.ItemsAfter = countItems(new)
	return s
}

// countItems returns the number of open items and of all items.
func countItems(c *checklist.Checklist) (open, all int) {
	for i := range c.Parts {
		for _, it := range c.Parts[i].Items() {
			all++
			if it.Open() {
				open++
			}
		}
	}
	return open, all
}

// compareField returns the field when its values differ, with the changed
// words marked.
func compareField(b *budget, label, old, new string) (Field, bool) {
	old, new = document.Normalize(old), document.Normalize(new)
	if old == new {
		return Field{}, false
	}
	o, n := b.words(old, new)
	return Field{Label: label, Old: o, New: n}, true
}

// addedField is a value only the new version has, marked whole.
func addedField(label, new string) Field {
	return Field{Label: label, New: Whole(document.Normalize(new), true)}
}

// removedField is a value only the old version has, marked whole.
func removedField(label, old string) Field {
	return Field{Label: label, Old: Whole(document.Normalize(old), true)}
}
