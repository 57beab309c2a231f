package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/annexgen/annexgen/checklist"
)

// mergesAcrossItems warns of each merged range over a mapped column that
// spans the rows of two or more items: its one value is copied into each.
func (pr *partReader) mergesAcrossItems() {
	items := pr.part.Items()
	if len(items) < 2 {
		return
	}
	mapped := map[int]bool{} // 1-based columns read
	for _, c := range pr.l.cols {
		if c >= 0 {
			mapped[c+1] = true
		}
	}
	for _, c := range pr.l.roles {
		mapped[c+1] = true
	}
	for _, rg := range pr.g.ranges {
		top, bottom := rg[0], rg[1]
		if bottom.row <= top.row || !slices.ContainsFunc(columns(top.col, bottom.col), func(c int) bool { return mapped[c] }) {
			continue
		}
		var ids []string
		for i, it := range items {
			// An item owns its rows up to the next item's.
			end := pr.g.lastRow()
			if i+1 < len(items) {
				end = items[i+1].Row - 1
			}
			if it.Row <= bottom.row && end >= top.row {
				ids = append(ids, it.ID)
			}
		}
		if len(ids) < 2 {
			continue
		}
		rng := top.ref() + ":" + bottom.ref()
		pr.b.add(checklist.MsgMergeAcrossItems, where{sheet: pr.g.name, ref: top.ref()}, pr.g.name, rng, itemList(ids))
	}
}

// columns returns the 1-based columns from first to last.
func columns(first, last int) []int {
	var cs []int
	for c := first; c <= last; c++ {
		cs = append(cs, c)
	}
	return cs
}

// lastRow returns the number of the sheet's last row.
func (g *grid) lastRow() int { return len(g.rows) }

// itemList names items in a message: "Part1 1、Part1 2 の2項目".
func itemList(ids []string) string {
	const shown = 5
	s := strings.Join(ids[:min(len(ids), shown)], "、")
	if len(ids) > shown {
		s += "ほか"
	}
	return fmt.Sprintf("%s の%d項目", s, len(ids))
}
