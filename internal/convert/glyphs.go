package convert

import (
	"github.com/annexgen/annexgen/checklist"
)

// missingGlyphs collects the characters an output could not show, each
// once, with the first section heading it was found under.
type missingGlyphs struct {
	order []rune
	where map[rune]string
}

func (g *missingGlyphs) add(r rune, context string) {
	if g.where == nil {
		g.where = make(map[rune]string)
	}
	where, seen := g.where[r]
	if !seen {
		g.order = append(g.order, r)
	}
	if where == "" {
		g.where[r] = context
	}
}

// findings turns the characters into warnings that say where and what to do.
func (g *missingGlyphs) findings() checklist.Findings {
	var fs checklist.Findings
	for _, r := range g.order {
		where := ""
		if g.where[r] != "" {
			where = "「" + g.where[r] + "」などにある"
		}
		m := checklist.MsgGlyphMissing
		if r > 0xFFFF {
			m = checklist.MsgGlyphMissingOutsideBMP
		}
		fs = append(fs, checklist.NewFinding(m, checklist.Cell{}, nil, where, r, r))
	}
	return fs
}
