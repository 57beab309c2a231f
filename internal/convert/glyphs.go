package convert

import (
	"fmt"

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
		msg := fmt.Sprintf("%s文字「%c」（U+%04X）はフォントにないため、PDFでは〓と表示されます。別の文字に置き換えるか、この文字を含むフォントを --font で指定してください", where, r, r)
		if r > 0xFFFF {
			msg = fmt.Sprintf("%s文字「%c」（U+%04X）は、PDFに書き込めない種類の文字（絵文字や一部の異体字など）のため、〓と表示されます。通常の文字に置き換えてください（例: 𠮷→吉）", where, r, r)
		}
		fs = append(fs, checklist.Finding{Code: "glyph-missing", Severity: checklist.SeverityWarning, Message: msg})
	}
	return fs
}
