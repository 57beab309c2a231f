package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// layOut typesets markdown up to the pages, without drawing them.
func layOut(tb testing.TB, md string) []*page {
	tb.Helper()
	ts := typesetter(tb)
	root := ts.markdown.Parser().Parse(text.NewReader([]byte(md)))
	conv := newConverter(ts, []byte(md))
	lay := newLayouter(ts, conv)
	lay.document(conv.document(root))
	return lay.paginate()
}

// plainRich is s in the body font.
func plainRich(s string) rich { return rich{text: s, spans: []span{{end: len(s), face: body}}} }

// textOps returns the text operations of a page in drawing order.
func textOps(p *page) []op {
	var out []op
	for _, o := range p.ops {
		if o.kind == opText {
			out = append(out, o)
		}
	}
	return out
}

// lineStarts returns the x of the first text of every baseline of a page, top to bottom.
func lineStarts(p *page) (ys []float64, xs map[float64]float64) {
	xs = map[float64]float64{}
	for _, o := range textOps(p) {
		if x, ok := xs[o.y]; !ok || o.x < x {
			if !ok {
				ys = append(ys, o.y)
			}
			xs[o.y] = o.x
		}
	}
	return ys, xs
}

func TestPunctuationRunIsSqueezed(t *testing.T) {
	ts := typesetter(t)
	for _, tc := range []struct {
		run  string
		want float64 // em
	}{
		{"。）、", 2},  // full stop, closing bracket, comma: half width each but the last
		{"」「", 1.5}, // closing then opening: half an em between them
		{"、「", 1.5}, // comma then opening
		{"「「", 1.5}, // two opening brackets
		{"）・", 1.5}, // a quarter em between a bracket and a middle dot
		{"あいう", 3},  // no punctuation, nothing to squeeze
	} {
		lines := ts.setText(plainRich(tc.run), 400, bodySize, alignLeft)
		if got := lines[0].width / bodySize; math.Abs(got-tc.want) > 0.01 {
			t.Errorf("%s: %.2f em, want %.2f", tc.run, got, tc.want)
		}
	}
	// The room freed in a justified line goes to the letter spacing: the line still fills the
	// measure, and the marks after the squeezed one move half an em left.
	s := strings.Repeat("あ", 30) + "という。）、" + strings.Repeat("い", 20)
	lines := ts.setText(plainRich(s), textWidth, bodySize, alignJustify)
	first := lines[0]
	if first.width > textWidth || len([]rune(s))-countRunes(lines[1:]) <= charsPerLine {
		t.Errorf("first line holds %d characters in %.1f pt: squeezing should let it hold more than %d",
			len([]rune(s))-countRunes(lines[1:]), first.width, charsPerLine)
	}
}

func countRunes(lines []textLine) int {
	n := 0
	for _, l := range lines {
		for _, s := range l.segs {
			n += len([]rune(s.text))
		}
	}
	return n
}

func TestMultiLineItemsHang(t *testing.T) {
	long := strings.Repeat("当該項目について責任を負う当事者", 8)
	for _, tc := range []struct {
		marker string
		indent float64 // em
	}{
		{"（1）", 2.5},
		{"（１）", 3},
		{"２　", 2},
		{"一　", 2},
		{"理由：", 3},
		{"対象システム：", 7},
	} {
		pages := layOut(t, tc.marker+long+"\n")
		ys, xs := lineStarts(pages[0])
		if len(ys) < 3 {
			t.Fatalf("%s: %d lines", tc.marker, len(ys))
		}
		for _, y := range ys[1:] {
			if got := (xs[y] - marginLeft) / bodySize; math.Abs(got-tc.indent) > 0.05 {
				t.Errorf("%s: continuation line at %.2f em, want %.2f", tc.marker, got, tc.indent)
			}
		}
	}
	// A paragraph without a marker does not hang.
	pages := layOut(t, long+"\n")
	ys, xs := lineStarts(pages[0])
	if xs[ys[1]] != marginLeft {
		t.Errorf("plain paragraph: continuation at %.2f", xs[ys[1]]-marginLeft)
	}
}

func TestLastLineHasTwoCharacters(t *testing.T) {
	ts := typesetter(t)
	for _, n := range []int{45, 46, 89, 90} {
		s := strings.Repeat("あ", n) + "る。"
		lines := ts.setText(plainRich(s), textWidth, bodySize, alignJustify)
		last := lines[len(lines)-1]
		if got := []rune(last.segs[0].text); len(lines) > 1 && shortLast(string(got)) {
			t.Errorf("%d characters: last line %q", n+2, string(got))
		}
		if got := len([]rune(s)) - countRunes(lines); got != 0 {
			t.Errorf("%d characters: %d lost", n+2, got)
		}
	}
}
