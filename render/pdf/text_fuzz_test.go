package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annexgen/annexgen/render/linebreak"
)

// FuzzSetText checks the text setter on any text: every character is set exactly once, in
// order, spaces aside (a line drops those it ends with); no line is wider than the measure unless it holds a single
// piece that cannot be broken; continuation lines hang inside the measure.
func FuzzSetText(f *testing.F) {
	for _, s := range []string{
		"（1）◎（主担当）　当該項目について責任を負い、その実施の方針を決定する当事者",
		"２　一の項目について複数の当事者が主担当とされている場合には、各当事者は責任を負う。",
		"理由：乙・丙とも本契約の業務を再委託しないことを、契約本体第15条で確認済みのため。",
		"という。）、「甲」「乙」・（）",
		"あ\nる。",
		"Part2 A-1：remote_{{年月}}.csv",
	} {
		f.Add(s, 120.0)
	}
	ts := typesetter(f)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if len(s) > 2000 || !utf8.ValidString(s) || !(width >= 20 && width <= textWidth) {
			return
		}
		if strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && invisible(r) }) {
			return // the converter leaves such characters out before setting
		}
		r := rich{text: s, spans: []span{{end: len(s), face: body}}}
		if s == "" {
			r.spans = nil
		}
		lines := ts.setBlock(r, width, bodySize, alignJustify, true)
		var got strings.Builder
		for _, l := range lines {
			var lineText strings.Builder
			for _, sg := range l.segs {
				lineText.WriteString(sg.text)
				if sg.x < -0.01 {
					t.Fatalf("segment %q at x %.2f", sg.text, sg.x)
				}
			}
			if l.indent < 0 || l.indent > width*maxHang+0.01 {
				t.Fatalf("indent %.2f of %.2f", l.indent, width)
			}
			if l.width+l.indent > width+0.01 && len([]rune(lineText.String())) > 1 {
				// Allowed only for a single piece wider than the measure.
				if len(linebreak.Opportunities(lineText.String())) > 0 {
					t.Fatalf("line %q is %.2f wide in %.2f", lineText.String(), l.width+l.indent, width)
				}
			}
			got.WriteString(lineText.String())
		}
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\n' || r == '\u3000' {
					return -1
				}
				return r
			}, s)
		}
		if strip(got.String()) != strip(s) {
			t.Fatalf("set %q, want %q", got.String(), s)
		}
	})
}
