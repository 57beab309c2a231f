package convert

import (
	"strings"
	"testing"

	"github.com/annexgen/annexgen/checklist"
)

// TestMissingGlyphs checks that each character is reported once, in the
// order first met, under the first section it was met in, and that a
// character beyond the BMP gets the message with an example of a common
// substitute.
func TestMissingGlyphs(t *testing.T) {
	var g missingGlyphs
	g.add('𠮷', "")
	g.add('髙', "Part1 1 事業継続計画")
	g.add('𠮷', "Part2 A-1 バックアップ")
	g.add('髙', "Part2 A-2 リモート保守")
	fs := g.findings()
	if len(fs) != 2 {
		t.Fatalf("%d findings, want one a character:\n%v", len(fs), fs)
	}
	for i, want := range []struct{ char, where, hint string }{
		{"「𠮷」（U+20BB7）", "「Part2 A-1 バックアップ」などにある", "𠮷→吉"},
		{"「髙」（U+9AD9）", "「Part1 1 事業継続計画」などにある", "別の文字に置き換える"},
	} {
		f := fs[i]
		if f.Code != checklist.GlyphMissing || f.Severity != checklist.SeverityWarning {
			t.Errorf("finding %d: %s %s, want a glyph-missing warning", i, f.Code, f.Severity)
		}
		for _, s := range []string{want.char, want.where, want.hint} {
			if !strings.Contains(f.Message, s) {
				t.Errorf("finding %d lacks %q: %s", i, s, f.Message)
			}
		}
	}
}
