package linebreak

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// FuzzBreak checks the invariants of Break on arbitrary text and widths.
func FuzzBreak(f *testing.F) {
	for _, s := range []string{
		"",
		"医療情報システムの契約における当事者間の役割分担等に関する確認表（以下「確認表」という。）",
		"乙は、障害発生時には2時間以内にSEを派遣する。費用は¥1,000（税込）、稼働率99.9%以上。",
		"“引用”と‘引用’、don’t stop——そして……ヽゞ々ーっゃ〜！？",
		"service level agreement, see https://example.com/a-b_c?d=1.",
		"e\u0301か\u3099👍🏽👨‍👩‍👧🇯🇵\u200b\u00a0\t\u3000 x",
		"あい\nうえ\r\nお\u2028か",
		"\xff\xfe日本\xe3\x81",
		"漢\u200d字か\u3099か字\u0301「漢」（字）。１，０００円",
	} {
		for _, w := range []uint16{0, 15, 50, 400} {
			f.Add(s, w)
		}
	}
	f.Fuzz(func(t *testing.T, text string, w uint16) {
		maxWidth := float64(w) / 2
		lines := Break(text, maxWidth, testEm, testMeasure)
		checkLines(t, text, maxWidth, lines, nil)
		checkLines(t, text, maxWidth, BreakShrink(text, maxWidth, testEm, testMeasure, testShrink), testShrink)
		if got, want := Opportunities(text), referenceOpportunities(text); !slices.Equal(got, want) {
			t.Fatalf("Opportunities(%q) = %v, uniseg alone gives %v", text, got, want)
		}
	})
}

// testShrink lets a closing bracket, comma or full stop give up half its width.
func testShrink(off int, r rune) float64 {
	switch ClassOf(r) {
	case Closing, Comma, FullStop:
		return testMeasure(off, r) / 2
	}
	return 0
}

// checkLines checks every invariant of the result of Break, or of BreakShrink with shrink.
func checkLines(t *testing.T, text string, maxWidth float64, lines []Line, shrink Measure) {
	t.Helper()
	if text == "" {
		if len(lines) != 0 {
			t.Fatalf("empty text gave %d lines", len(lines))
		}
		return
	}
	var b strings.Builder
	for k, l := range lines {
		if l.Start >= l.End || k > 0 && l.Start != lines[k-1].End {
			t.Fatalf("line %d spans [%d, %d) after [%d, %d)", k, l.Start, l.End, lines[k-1].Start, lines[k-1].End)
		}
		b.WriteString(text[l.Start:l.End])
	}
	if b.String() != text {
		t.Fatalf("lines join to %q, want %q", b.String(), text)
	}
	if !utf8.ValidString(text) {
		return
	}

	clusters := graphemeStarts(text)
	isCluster := map[int]bool{}
	for _, o := range clusters {
		isCluster[o] = true
	}
	opps := Opportunities(text)
	isOpp := map[int]bool{}
	for _, o := range opps {
		isOpp[o] = true
	}
	// naturalWidth measures text[s:e] independently of Break, with its gaps.
	naturalWidth := func(s, e int) (float64, []int) {
		solid := e // the end without trailing spaces: clusters that start with a space
		for solid > s {
			c := clusterBefore(clusters, solid)
			if r, _ := utf8.DecodeRuneInString(text[c:]); !isSpace(r) {
				break
			}
			solid = c
		}
		var w float64
		for i, r := range text[s:solid] {
			w += testMeasure(s+i, r)
		}
		var gaps []int
		prev := rune(-1)
		for _, c := range within(clusters, s, solid) {
			r, _ := utf8.DecodeRuneInString(text[c:])
			if c > s && NeedsGap(prev, r) {
				gaps = append(gaps, c)
			}
			prev = r
		}
		return w + float64(len(gaps))*testEm/4, gaps
	}
	hardBreakBefore := func(o int) bool {
		r, _ := utf8.DecodeLastRuneInString(text[:o])
		return isHardBreak(r)
	}

	for k, l := range lines {
		if !isCluster[l.Start] || !isCluster[l.End] {
			t.Fatalf("line %d [%d, %d) splits a grapheme cluster", k, l.Start, l.End)
		}
		w, gaps := naturalWidth(l.Start, l.End)
		if math.Abs(w-l.Width) > 1e-6 {
			t.Fatalf("line %d %q: Width %v, measured %v", k, text[l.Start:l.End], l.Width, w)
		}
		if !slices.Equal(gaps, l.Gaps) {
			t.Fatalf("line %d %q: Gaps %v, want %v", k, text[l.Start:l.End], l.Gaps, gaps)
		}
		inside := len(within(opps, l.Start+1, l.End)) > 0
		single := !slices.ContainsFunc(within(clusters, l.Start+1, l.End), func(c int) bool {
			r, _ := utf8.DecodeRuneInString(text[c:])
			return !isSpace(r)
		})
		var give float64
		for i, r := range text[l.Start:l.End] {
			if shrink != nil {
				give += shrink(l.Start+i, r)
			}
		}
		if l.Width > maxWidth+give+1e-9 && !single {
			t.Fatalf("line %d %q: width %v exceeds %v", k, text[l.Start:l.End], l.Width, maxWidth)
		}
		if k == len(lines)-1 {
			continue
		}
		end := l.End
		if !isOpp[end] {
			// A split inside a run without permitted breaks.
			if inside {
				t.Fatalf("line %d %q ends at %d, not a break opportunity, but holds one", k, text[l.Start:l.End], end)
			}
			continue
		}
		if hardBreakBefore(end) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		last, _ := utf8.DecodeRuneInString(text[clusterBefore(clusters, end):])
		if NotAtStart(next) || NotAtEnd(last) {
			t.Fatalf("line %d %q breaks before %q", k, text[l.Start:l.End], next)
		}
		// Greedy: the line could not have reached the next opportunity.
		nextOpp := len(text)
		if i, found := slices.BinarySearch(opps, end); found && i+1 < len(opps) {
			nextOpp = opps[i+1]
		}
		if w, _ := naturalWidth(l.Start, nextOpp); !(w > maxWidth) {
			t.Fatalf("line %d %q ends early: %q fits in %v", k, text[l.Start:l.End], text[l.Start:nextOpp], maxWidth)
		}
	}
}

// clusterBefore returns the start of the grapheme cluster that ends at o.
func clusterBefore(clusters []int, o int) int {
	i, _ := slices.BinarySearch(clusters, o)
	return clusters[max(i-1, 0)]
}

// within returns the elements of the sorted offsets that lie in [s, e).
func within(offsets []int, s, e int) []int {
	i, _ := slices.BinarySearch(offsets, s)
	j, _ := slices.BinarySearch(offsets, e)
	return offsets[i:max(i, j)]
}

// referenceOpportunities finds the break opportunities with uniseg alone, without the shortcut
// Break takes between kanji and kana.
func referenceOpportunities(text string) []int {
	if text == "" {
		return nil
	}
	clusters := graphemeStarts(text)
	scan := []byte(text)
	for _, c := range clusters[:len(clusters)-1] {
		r, _ := utf8.DecodeRuneInString(text[c:])
		if s := scanRune(r); s != r {
			utf8.EncodeRune(scan[c:], s)
		}
	}
	segEnds := map[int]bool{}
	state, end := -1, 0
	for rest := string(scan); rest != ""; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		end += len(seg)
		segEnds[end] = true
	}
	runeAt := func(k int) rune {
		if k < 0 || k >= len(clusters)-1 {
			return -1
		}
		r, _ := utf8.DecodeRuneInString(text[clusters[k]:])
		return r
	}
	var offs []int
	for k := 1; k < len(clusters)-1; k++ {
		o := clusters[k]
		if isHardBreak(runeAt(k-1)) || segEnds[o] && !Forbidden(runeAt(k-2), runeAt(k-1), runeAt(k)) {
			offs = append(offs, o)
		}
	}
	return offs
}

// TestPlainIdeographs checks the characters Break decides without uniseg: each is a grapheme
// cluster of its own, and UAX #14 allows a break on both sides of it between kanji.
func TestPlainIdeographs(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if !plainIdeograph(r) {
			continue
		}
		text := "漢" + string(r) + "字"
		if got := len(graphemeStarts(text)); got != 4 {
			t.Fatalf("%U: %d grapheme clusters in %q", r, got-1, text)
		}
		n := 0
		for rest, state := text, -1; rest != ""; n++ {
			_, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		}
		if n != 3 {
			t.Fatalf("%U: UAX #14 gives %d segments for %q, want 3", r, n, text)
		}
	}
}
