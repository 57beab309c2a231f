package linebreak

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// testEm is the font size of the tests: a fullwidth character is one em wide, a halfwidth one
// half an em, as in a Japanese font.
const testEm = 10.0

// testMeasure gives fullwidth, wide and ambiguous characters one em and the others half an em;
// combining marks and zero-width characters take no room.
func testMeasure(_ int, r rune) float64 {
	switch {
	case r == 0x200B || r == 0x200D || r == 0xFE0F || r >= 0x300 && r <= 0x36F || r == 0x3099 || r == 0x309A:
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return testEm
	}
	return testEm / 2
}

// fixedMeasure is a cheaper measure for the benchmarks.
func fixedMeasure(_ int, r rune) float64 {
	if r < 0x1100 {
		return testEm / 2
	}
	return testEm
}

// texts returns the text of each line.
func texts(text string, lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = text[l.Start:l.End]
	}
	return out
}

type breakCase struct {
	name  string
	text  string
	width float64
	want  []string
}

func runBreakCases(t *testing.T, cases []breakCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(c.text, Break(c.text, c.width, testEm, testMeasure))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Break(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
			}
		})
	}
}

// naive breaks text as a renderer without line-breaking rules would: as many characters per
// line as fit, hanging nothing. The rule tests check that it would have broken a rule.
func naive(text string, maxWidth float64) []string {
	var lines []string
	start, w := 0, 0.0
	for i, r := range text {
		cw := testMeasure(i, r)
		if w+cw > maxWidth && i > start {
			lines = append(lines, text[start:i])
			start, w = i, 0
		}
		w += cw
	}
	return append(lines, text[start:])
}

// TestNotAtStart checks every character that must not begin a line (cl-02 to cl-07, cl-09 to
// cl-11): where naive breaking would put it first on a line, the character before it moves down.
func TestNotAtStart(t *testing.T) {
	for _, c := range []Class{Closing, Hyphen, Dividing, MiddleDot, FullStop, Comma, IterationMark, ProlongedSound, SmallKana} {
		for _, r := range Members(c) {
			text := "あいうえお" + string(r) + "かき"
			if n := naive(text, 50); !strings.HasPrefix(n[1], string(r)) {
				t.Fatalf("%s %q: naive breaking gives %q, not a line starting with it", c, r, n)
			}
			runBreakCases(t, []breakCase{{c.String() + " " + string(r), text, 50, []string{"あいうえ", "お" + string(r) + "かき"}}})
		}
	}
}

// TestNotAtEnd checks every opening bracket (cl-01): where naive breaking would leave it last on
// a line, it moves down to the next line.
func TestNotAtEnd(t *testing.T) {
	for _, r := range Members(Opening) {
		text := "あいうえ" + string(r) + "おかき"
		if n := naive(text, 50); !strings.HasSuffix(n[0], string(r)) {
			t.Fatalf("%q: naive breaking gives %q, not a line ending with it", r, n)
		}
		runBreakCases(t, []breakCase{{"cl-01 " + string(r), text, 50, []string{"あいうえ", string(r) + "おかき"}}})
	}
}

// TestInseparable checks that two identical dashes or leaders (cl-08) stay together.
func TestInseparable(t *testing.T) {
	runBreakCases(t, []breakCase{
		{"em dashes", "あいうえ——かき", 50, []string{"あいうえ", "——かき"}},
		{"horizontal bars", "あいうえ――かき", 50, []string{"あいうえ", "――かき"}},
		// UAX #14 never breaks before an ellipsis: the character before it comes along.
		{"ellipses", "あいうえ……かき", 50, []string{"あいう", "え……かき"}},
		{"two-dot leaders", "あいうえ‥‥かき", 50, []string{"あいう", "え‥‥かき"}},
	})
	for _, text := range []string{"あいうえ——かき", "あいうえ……かき"} {
		if n := naive(text, 50); n[0] != "あいうえ"+text[12:15] {
			t.Fatalf("naive breaking of %q gives %q, not a split pair", text, n)
		}
	}
}

// TestAbbreviations checks prefixed (cl-12) and postfixed (cl-13) abbreviations stay with their
// numerals.
func TestAbbreviations(t *testing.T) {
	for _, r := range Members(PrefixAbbrev) {
		digits := "1000"
		if r > 0xFF00 {
			digits = "１０００"
		}
		text := "あいうえ" + string(r) + digits
		w := 40 + testMeasure(0, r)
		if n := naive(text, w); n[0] != "あいうえ"+string(r) {
			t.Fatalf("%q: naive breaking gives %q", r, n)
		}
		runBreakCases(t, []breakCase{{"cl-12 " + string(r), text, w, []string{"あいうえ", string(r) + digits}}})
	}
	for _, r := range Members(PostfixAbbrev) {
		text := "あ100" + string(r)
		w := 10 + testEm/4 + 15
		if n := naive(text, w); n[0] != "あ100" {
			t.Fatalf("%q: naive breaking gives %q", r, n)
		}
		runBreakCases(t, []breakCase{{"cl-13 " + string(r), text, w, []string{"あ", "100" + string(r)}}})
	}
}

// TestNumbersAndWords checks that numbers and Latin words are not broken inside, where naive
// breaking would break them.
func TestNumbersAndWords(t *testing.T) {
	cases := []breakCase{
		{"decimal", "あいう1,000.5です", 60, []string{"あいう", "1,000.5です"}},
		{"percent", "あいう99.5%です", 50, []string{"あいう", "99.5%です"}},
		{"yen", "あいう¥1,000です", 55, []string{"あいう", "¥1,000です"}},
		{"fullwidth number", "あいう１，０００円", 60, []string{"あいう", "１，０００円"}},
		{"fullwidth letters", "あいうえＩＴ化", 50, []string{"あいうえ", "ＩＴ化"}},
		{"word", "あいうえおcontract", 60, []string{"あいうえお", "contract"}},
		{"apostrophe", "あいうdon’t", 40, []string{"あいう", "don’t"}},
		{"words", "service level agreement", 50, []string{"service ", "level ", "agreement"}},
	}
	for _, c := range cases {
		if n := naive(c.text, c.width); reflect.DeepEqual(n, c.want) {
			t.Errorf("%s: naive breaking already gives %q", c.name, n)
		}
	}
	runBreakCases(t, cases)
}

// TestNoHanging checks that full stops and commas do not hang past the line end: the character
// before them moves down with them (oidashi).
func TestNoHanging(t *testing.T) {
	runBreakCases(t, []breakCase{
		{"full stop", "あいうえお。", 50, []string{"あいうえ", "お。"}},
		{"comma", "あいうえお、かき", 50, []string{"あいうえ", "お、かき"}},
		{"closing bracket and full stop", "あいうえお）。", 50, []string{"あいうえ", "お）。"}},
		{"fits exactly", "あいうえ。", 50, []string{"あいうえ。"}},
	})
}

// TestQuotes checks that curly quotes behave as Japanese brackets: a line may break before an
// opening quote and after a closing one, never inside.
func TestQuotes(t *testing.T) {
	runBreakCases(t, []breakCase{
		{"break before opening quote", "あいう“えお”かき", 40, []string{"あいう", "“えお”", "かき"}},
		{"break after closing quote", "あ“いう”えおかき", 50, []string{"あ“いう”", "えおかき"}},
		{"closing quote not at start", "あいうえお”かき", 50, []string{"あいうえ", "お”かき"}},
		{"single quotes", "あいう‘えお’かき", 40, []string{"あいう", "‘えお’", "かき"}},
		{"fullwidth tilde", "あいうえお～かき", 50, []string{"あいうえ", "お～かき"}},
	})
}

// TestGaps checks the quarter-em space between Japanese and Latin text.
func TestGaps(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float64
		want  []Line
	}{
		{"both sides", "これはABCです", 100, []Line{{0, 18, 30 + 2.5 + 15 + 2.5 + 20, []int{9, 12}}}},
		{"numerals", "第3条", 100, []Line{{0, 7, 10 + 2.5 + 5 + 2.5 + 10, []int{3, 4}}}},
		{"none at a line end or start", "あいうえおABC", 50, []Line{{0, 15, 50, nil}, {15, 18, 15, nil}}},
		{"none next to brackets", "「ABC」と（A）、B。", 200, []Line{{0, 26, 95, nil}}},
		{"none next to spaces", "日本 ABC", 200, []Line{{0, 10, 40, nil}}},
		{"kept inside a wrapped line", "あいうえお第3条", 50, []Line{{0, 15, 50, nil}, {15, 22, 30, []int{18, 19}}}},
	}
	for _, c := range cases {
		got := Break(c.text, c.width, testEm, testMeasure)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Break(%q) = %+v, want %+v", c.name, c.text, got, c.want)
		}
	}
}

// TestSpaces checks that spaces at a break end the line and do not count toward its width.
func TestSpaces(t *testing.T) {
	got := Break("abc def  ghi", 30, testEm, testMeasure)
	want := []Line{{0, 4, 15, nil}, {4, 9, 15, nil}, {9, 12, 15, nil}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	runBreakCases(t, []breakCase{
		{"ideographic space", "あいう\u3000えおかき", 30, []string{"あいう\u3000", "えおか", "き"}},
		{"trailing spaces", "あいう   ", 30, []string{"あいう   "}},
	})
}

// TestHardBreaks checks that a hard line break left in the text still ends its line.
func TestHardBreaks(t *testing.T) {
	runBreakCases(t, []breakCase{
		{"LF", "あい\nうえ", 100, []string{"あい\n", "うえ"}},
		{"CRLF", "あい\r\nうえ", 100, []string{"あい\r\n", "うえ"}},
		{"LS", "あい\u2028うえ", 100, []string{"あい\u2028", "うえ"}},
		{"not after an emoji modifier", "あい👍🏽うえ", 100, []string{"あい👍🏽うえ"}},
	})
}

// TestOverlongRuns checks that a run without any permitted break that is wider than the line is
// split between grapheme clusters, still avoiding a forbidden line start where it can.
func TestOverlongRuns(t *testing.T) {
	runBreakCases(t, []breakCase{
		{"word", "abcdefghij", 20, []string{"abcd", "efgh", "ij"}},
		{"full stop kept off the line start", "abcd.efgh", 20, []string{"abc", "d.ef", "gh"}},
		{"single wide cluster", "あいう", 5, []string{"あ", "い", "う"}},
		{"then normal breaking", "abcdefghij あい", 20, []string{"abcd", "efgh", "ij ", "あい"}},
		{"combining marks stay", "e\u0301e\u0301e\u0301", 5, []string{"e\u0301", "e\u0301", "e\u0301"}},
		{"dakuten stays", "か\u3099か\u3099", 10, []string{"か\u3099", "か\u3099"}},
		{"zero width", "abc", 0, []string{"a", "b", "c"}},
	})
}

// TestEmpty checks that empty text gives no lines.
func TestEmpty(t *testing.T) {
	if got := Break("", 100, testEm, testMeasure); got != nil {
		t.Errorf("Break(\"\") = %+v, want nil", got)
	}
	if got := Opportunities(""); got != nil {
		t.Errorf("Opportunities(\"\") = %v, want nil", got)
	}
}

// TestMeasureOncePerRune checks that Break asks the width of each rune exactly once, at its own
// offset.
func TestMeasureOncePerRune(t *testing.T) {
	text := strings.Repeat("医療情報システム（SE）の役割分担、99.5%。", 20)
	seen := map[int]int{}
	Break(text, 100, testEm, func(off int, r rune) float64 {
		if got, _ := utf8.DecodeRuneInString(text[off:]); got != r {
			t.Fatalf("measure(%d, %q): the text has %q there", off, r, got)
		}
		seen[off]++
		return testMeasure(off, r)
	})
	if len(seen) != utf8.RuneCountInString(text) {
		t.Errorf("measured %d runes, the text has %d", len(seen), utf8.RuneCountInString(text))
	}
	for off, n := range seen {
		if n != 1 {
			t.Errorf("rune at %d measured %d times", off, n)
		}
	}
}

// TestOpportunities checks the exported opportunity finder on a mixed sentence.
func TestOpportunities(t *testing.T) {
	text := "甲は「確認表」に基づき、SE（2名）を派遣する。"
	var got []string
	prev := 0
	for _, o := range Opportunities(text) {
		got = append(got, text[prev:o])
		prev = o
	}
	got = append(got, text[prev:])
	want := []string{"甲", "は", "「確", "認", "表」", "に", "基", "づ", "き、", "SE", "（2", "名）", "を", "派", "遣", "す", "る。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("segments %q, want %q", got, want)
	}
	if !CanBreak(text, len("甲")) || CanBreak(text, len("甲は「")) || CanBreak(text, 0) || CanBreak(text, len(text)) {
		t.Error("CanBreak disagrees with Opportunities")
	}
}

// TestClasses checks the class lookups against the JLReq table.
func TestClasses(t *testing.T) {
	for c := Opening; c <= PostfixAbbrev; c++ {
		if Members(c) == "" {
			t.Errorf("%s has no members", c)
		}
		for _, r := range Members(c) {
			if got := ClassOf(r); got != c {
				t.Errorf("ClassOf(%q) = %s, want %s", r, got, c)
			}
		}
	}
	for _, r := range "あア漢Aa1 　" {
		if ClassOf(r) != Other || NotAtStart(r) || NotAtEnd(r) {
			t.Errorf("%q has a line-breaking rule", r)
		}
	}
	if !NotAtEnd('「') || NotAtStart('「') || !NotAtStart('」') || NotAtEnd('」') {
		t.Error("brackets misclassified")
	}
	if !IsJapanese('漢') || !IsJapanese('ー') || IsJapanese('Ａ') || !IsLatin('é') || IsLatin('Ａ') || IsLatin('。') {
		t.Error("script classification wrong")
	}
}

// graphemeStarts returns the byte offsets where grapheme clusters of text begin, with
// len(text) appended.
func graphemeStarts(text string) []int {
	var offs []int
	state := -1
	for rest := text; rest != ""; {
		offs = append(offs, len(text)-len(rest))
		_, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
	}
	return append(offs, len(text))
}

// TestForbidden checks the Japanese tailoring on pairs of characters.
func TestForbidden(t *testing.T) {
	cases := []struct {
		before, prev, next rune
		want               bool
	}{
		{-1, 'あ', 'い', false},
		{-1, 'あ', '。', true},
		{-1, '「', 'あ', true},
		{-1, '」', 'あ', false},
		{-1, '—', '—', true},
		{-1, '—', 'あ', false},
		{-1, '￥', '１', true},
		{-1, '9', '℃', true},
		{'1', ',', '0', true},
		{'あ', ',', '0', false},
		{'1', '，', '０', true},
		{'n', '’', 't', true},
		{'」', '’', 't', false},
		{-1, 'Ａ', 'Ｂ', true},
		{-1, 'A', 'あ', false},
	}
	for _, c := range cases {
		if got := Forbidden(c.before, c.prev, c.next); got != c.want {
			t.Errorf("Forbidden(%q, %q, %q) = %v, want %v", c.before, c.prev, c.next, got, c.want)
		}
	}
}

func TestBreakShrinkSqueezesRatherThanPushes(t *testing.T) {
	text := strings.Repeat("あ", 20) + "、" + strings.Repeat("い", 24) + "。"
	width := 45 * testEm
	if lines := Break(text, width, testEm, testMeasure); len(lines) != 2 {
		t.Fatalf("Break: %d lines, want 2 (the last two characters pushed down)", len(lines))
	}
	lines := BreakShrink(text, width, testEm, testMeasure, testShrink)
	if len(lines) != 1 || lines[0].Width != 46*testEm {
		t.Fatalf("BreakShrink: %+v, want one line of 46 em squeezed into 45", lines)
	}
	// Without enough to squeeze, the characters are pushed down as before.
	text = strings.Repeat("あ", 45) + "。"
	if lines := BreakShrink(text, width, testEm, testMeasure, testShrink); len(lines) != 2 {
		t.Fatalf("nothing to squeeze: %d lines, want 2", len(lines))
	}
}
