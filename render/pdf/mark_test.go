package pdf

import (
	"math"
	"strings"
	"testing"
)

// pageOps lays out markdown and returns the operations of every page.
func pageOps(tb testing.TB, md string) []op {
	tb.Helper()
	ts := typesetter(tb)
	conv := newConverter(ts)
	lay := newLayouter(ts, conv)
	lay.document(conv.document([]byte(md)))
	var ops []op
	for _, p := range lay.paginate() {
		ops = append(ops, p.ops...)
	}
	return ops
}

// underlinedTexts returns, for each text operation drawn with a 傍線 under it, its text.
func underlinedTexts(ops []op) []string {
	var out []string
	for _, t := range ops {
		if t.kind != opText {
			continue
		}
		for _, l := range ops {
			if l.kind == opLine && l.y == l.y2 && l.y > t.y && l.y-t.y < 0.3*t.size &&
				math.Abs(l.x-t.x) < 0.01 && l.x2 > l.x {
				out = append(out, t.text)
			}
		}
	}
	return out
}

func TestMarkedTextIsUnderlined(t *testing.T) {
	md := "甲は{==速やかに==}報告する。\n\n" +
		"| 改正後 | 改正前 |\n| --- | --- |\n| 【合意内容】乙が{==「確認」==}を行う | 【合意内容】乙が行う{==、==}\\{\\=\\=x\\=\\=\\} |\n"
	got := underlinedTexts(pageOps(t, md))
	want := []string{"速やかに", "「確認」", "、"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("underlined runs %q, want %q", got, want)
	}
	_, _, path := render(t, []byte(md), Meta{Title: "対照"})
	out := run(t, "pdftotext", path, "-")
	for _, s := range []string{"甲は速やかに報告する。", "乙が「確認」を行う", "{==x==}"} {
		if !strings.Contains(out, s) {
			t.Errorf("text %q not in:\n%s", s, out)
		}
	}
	if strings.Contains(out, "{==速") {
		t.Errorf("the marker is printed:\n%s", out)
	}
}

// TestUnderlineIsUnbroken: a marked run cut into segments (the quarter-em
// gap between kanji and digits) gets one unbroken line.
func TestUnderlineIsUnbroken(t *testing.T) {
	var lines []op
	for _, o := range pageOps(t, "改正後は{==令和8年7月1日==}とする。") {
		if o.kind == opLine && o.width == underlineWidth {
			lines = append(lines, o)
		}
	}
	if len(lines) < 2 {
		t.Fatalf("%d underline segments; the test expects the run to be cut at its digits", len(lines))
	}
	for i := 1; i < len(lines); i++ {
		if math.Abs(lines[i].x-lines[i-1].x2) > 0.01 || lines[i].y != lines[i-1].y {
			t.Errorf("gap in the underline between %.2f and %.2f", lines[i-1].x2, lines[i].x)
		}
	}
}
