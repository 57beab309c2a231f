package pdf

import (
	"strings"
	"testing"
)

// A character beyond the BMP that the font has (𠀋 U+2000B in BIZ UD Mincho) is drawn and
// extracts as typed from the text, the bookmarks and the document information; one the font
// lacks (𠮷 U+20BB7) is still drawn as 〓 and reported.
func TestSupplementaryCharacters(t *testing.T) {
	md := "# 𠀋の題\n\n## 第1条 𠀋と𠮷\n\n株式会社𠀋商事と𠮷田。\n"
	_, res, path := render(t, []byte(md), Meta{Title: "𠀋商事との契約", Author: "𠀋商事"})
	for _, m := range res.Missing {
		if m.Rune != 0x20BB7 {
			t.Errorf("unexpected report %v", m)
		}
	}
	if len(res.Missing) == 0 {
		t.Error("𠮷 U+20BB7 not reported")
	}
	text := squeeze(run(t, "pdftotext", path, "-"))
	if !strings.Contains(text, "株式会社𠀋商事と〓田。") {
		t.Errorf("body text: %s", text)
	}
	info := run(t, "pdfinfo", path)
	for _, want := range []string{"Title:           𠀋商事との契約\n", "Author:          𠀋商事\n"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	outlines := run(t, "qpdf", "--json=2", "--json-key=outlines", path)
	if !strings.Contains(outlines, `"title": "𠀋の題"`) || !strings.Contains(outlines, `"title": "第1条 𠀋と〓"`) {
		t.Errorf("bookmarks:\n%s", outlines)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Error(out)
	}
}
