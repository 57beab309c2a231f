package pdf

import (
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The checks in this file read a PDF back through poppler's character positions
// (pdftotext -bbox-layout), independently of the layout engine.

// bboxWord is a word as poppler extracts it. Poppler starts a new word where a character
// overlaps the one before it by more than a fifth of the type size, so a pair of punctuation
// marks set at half width shows as two words that overlap by half an em.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

type bboxLine struct {
	XMin  float64    `xml:"xMin,attr"`
	YMin  float64    `xml:"yMin,attr"`
	XMax  float64    `xml:"xMax,attr"`
	YMax  float64    `xml:"yMax,attr"`
	Words []bboxWord `xml:"word"`
}

func (l bboxLine) text() string {
	var b strings.Builder
	for _, w := range l.Words {
		b.WriteString(w.Text)
	}
	return b.String()
}

func (l bboxLine) size() float64 { return l.YMax - l.YMin }

type bboxPage struct {
	Flows []struct {
		Blocks []struct {
			Lines []bboxLine `xml:"line"`
		} `xml:"block"`
	} `xml:"flow"`
}

// bodyLines returns the lines between the running header and the footer, top to bottom.
func (p bboxPage) bodyLines() []bboxLine {
	var out []bboxLine
	for _, f := range p.Flows {
		for _, b := range f.Blocks {
			for _, l := range b.Lines {
				if l.YMin > bodyTop-12 && l.YMax < bodyBottom+2 {
					out = append(out, l)
				}
			}
		}
	}
	// Poppler groups lines into flows; put them back in reading order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j].YMin < out[j-1].YMin-1 || math.Abs(out[j].YMin-out[j-1].YMin) <= 1 && out[j].XMin < out[j-1].XMin); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// readBBox extracts the pages of a PDF with the position of every word.
func readBBox(tb testing.TB, path string) []bboxPage {
	tb.Helper()
	out := run(tb, "pdftotext", "-bbox-layout", path, "-")
	var doc struct {
		Pages []bboxPage `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return doc.Pages
}

// layoutReport counts the faults of a PDF's layout that the rules of this package prevent.
type layoutReport struct {
	pages     int
	stranded  []string // a label alone at the foot of a page, or a trailer alone at the head
	unhung    []string // a continuation line of an item that does not hang under its text
	squeezed  int      // adjacent punctuation pairs set at half width
	undecided int      // pairs on justified lines whose width does not tell
	loose     []string // adjacent punctuation pairs set at full width
	nearEmpty []string // a page but the last with fewer than minBodyLines lines of body
	signature []string // a signature block split between pages
	shortLast []string // a last line of a paragraph with fewer than two characters
}

// minBodyLines is the fewest lines of body a page but the last should hold.
const minBodyLines = 8

var (
	labelLine   = regexp.MustCompile(`^【[^】]+】$`)
	trailerLine = regexp.MustCompile(`^【状況】`)
	markerLine  = regexp.MustCompile(`^(（[0-9０-９]+）|[０-９]+　|[一二三四五六七八九十]+　|[^：　 ]{1,12}：)`)
)

// inspect reads a PDF and reports its faults.
func inspect(tb testing.TB, path string) layoutReport {
	tb.Helper()
	pages := readBBox(tb, path)
	t := typesetter(tb)
	rep := layoutReport{pages: len(pages)}
	closing, lastParty := -1, -1 // pages of the closing sentence and of the last 代表者 line
	for p, page := range pages {
		lines := page.bodyLines()
		for _, l := range lines {
			switch text := l.text(); {
			case closing < 0 && strings.Contains(text, "締結を証するため"):
				closing = p
			case closing >= 0 && strings.HasPrefix(text, "代表者"):
				lastParty = p
			}
		}
		where := func(l bboxLine) string { return fmt.Sprintf("p.%d %q", p+1, l.text()) }
		if n := len(lines); n > 0 && p < len(pages)-1 {
			if last := lines[n-1]; labelLine.MatchString(last.text()) {
				rep.stranded = append(rep.stranded, where(last))
			}
		}
		if len(lines) > 0 && p > 0 && trailerLine.MatchString(lines[0].text()) {
			rep.stranded = append(rep.stranded, where(lines[0]))
		}
		if len(lines) < minBodyLines && p < len(pages)-1 {
			rep.nearEmpty = append(rep.nearEmpty, fmt.Sprintf("p.%d: %d lines", p+1, len(lines)))
		}
		rep.checkHanging(lines, where)
		rep.checkShortLast(lines, where)
		for _, l := range lines {
			rep.checkPunctuation(t, l, where)
		}
	}
	if closing >= 0 && lastParty != closing {
		rep.signature = append(rep.signature, fmt.Sprintf("closing sentence on p.%d, last party on p.%d", closing+1, lastParty+1))
	}
	return rep
}

// joinFragments joins the lines poppler extracts on one baseline into the line a reader sees.
// Poppler starts a new line at a wide gap such as a full-width space, so that in
// 「（１）Part2 A-4　再委託の管理　理由：…」 the fragment 「理由：…」 would look like an item of
// its own whose continuation fails to hang; the marker that counts is the one the line starts
// with.
func joinFragments(lines []bboxLine) []bboxLine {
	var out []bboxLine
	for _, l := range lines {
		if n := len(out); n > 0 && math.Abs(l.YMin-out[n-1].YMin) <= 1 && l.XMin > out[n-1].XMax {
			prev := &out[n-1]
			prev.Words = append(append([]bboxWord(nil), prev.Words...), l.Words...)
			prev.XMax = l.XMax
			continue
		}
		out = append(out, l)
	}
	return out
}

// checkHanging finds continuation lines of body-size items that start at or left of the item's
// marker instead of under its text.
func (rep *layoutReport) checkHanging(lines []bboxLine, where func(bboxLine) string) {
	lines = joinFragments(lines)
	pitch := bodySize * bodyLeading
	for i := 0; i < len(lines); i++ {
		first := lines[i]
		if math.Abs(first.size()-bodySize) > 0.3 || !markerLine.MatchString(first.text()) {
			continue
		}
		prev := first
		for j := i + 1; j < len(lines); j++ {
			l := lines[j]
			if math.Abs(l.size()-bodySize) > 0.3 || math.Abs(l.YMin-prev.YMin-pitch) > 0.5 || markerLine.MatchString(l.text()) {
				break
			}
			if l.XMin < first.XMin+bodySize-0.5 {
				rep.unhung = append(rep.unhung, where(l))
			}
			prev = l
		}
	}
}

// checkShortLast finds lines of body text that continue a full line with fewer than two
// characters besides closing punctuation (「間）。」).
func (rep *layoutReport) checkShortLast(lines []bboxLine, where func(bboxLine) string) {
	lines = joinFragments(lines)
	for i := 1; i < len(lines); i++ {
		prev, l := lines[i-1], lines[i]
		if math.Abs(l.size()-bodySize) > 0.3 || math.Abs(l.YMin-prev.YMin-bodySize*bodyLeading) > 0.5 {
			continue
		}
		if prev.XMax > marginLeft+textWidth-0.5*bodySize && shortLast(l.text()) {
			rep.shortLast = append(rep.shortLast, where(l))
		}
	}
}

// checkPunctuation counts the adjacent punctuation pairs set at half width and those set at
// full width. Poppler reports words, not characters, so a word is measured: with p such pairs it
// is as wide as its characters' advances at full width and p/2 em narrower squeezed, plus the
// letter spacing of a justified line. A word no narrower than its advances is loose when its
// line is not justified; on a justified line it is undecided.
func (rep *layoutReport) checkPunctuation(t *Typesetter, l bboxLine, where func(bboxLine) string) {
	em := l.size()
	justified := l.XMax > marginLeft+textWidth-0.5*em
	for _, w := range l.Words {
		rs := []rune(w.Text)
		pairs := 0
		var natural float64
		for k, r := range rs {
			natural += t.advance(body, r, em)
			if k > 0 && squeezable(rs[k-1], r) && t.fullWidth(body, rs[k-1]) && t.fullWidth(body, r) {
				pairs++
			}
		}
		if pairs == 0 {
			continue
		}
		deficit := natural - (w.XMax - w.XMin)
		switch {
		case deficit > 0.25*em:
			rep.squeezed += pairs
		case !justified:
			rep.loose = append(rep.loose, where(l))
		default:
			rep.undecided += pairs
		}
	}
}

// squeezable reports whether the marks a, b have more space between them than JLReq allows
// when both are drawn at full width.
func squeezable(a, b rune) bool {
	return b != ' ' && b != '\u3000' && kernEm(a, b) < 0
}

// TestInspectSamples reads every sample PDF back and checks the layout rules on them.
func TestInspectSamples(t *testing.T) {
	dir := "../../samples"
	if d := os.Getenv("INSPECT_DIR"); d != "" {
		dir = d // to inspect other renderings
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(paths) == 0 {
		t.Skip("no sample PDFs")
	}
	for _, path := range paths {
		rep := inspect(t, path)
		t.Logf("%s: %d pages, %d stranded, %d unhung, %d squeezed, %d loose, %d undecided, %d near-empty, %d split signatures, %d short last lines",
			path, rep.pages, len(rep.stranded), len(rep.unhung), rep.squeezed, len(rep.loose), rep.undecided, len(rep.nearEmpty), len(rep.signature), len(rep.shortLast))
		for _, f := range [][]string{rep.stranded, rep.unhung, rep.loose, rep.nearEmpty, rep.signature, rep.shortLast} {
			for _, s := range f {
				t.Errorf("%s: %s", path, s)
			}
		}
	}
}

// TestInspectFindsFaults checks that the inspection sees the faults it counts, on a PDF that
// has them: a line of one character after a full line (here forced by a hard line break) and a
// signature block split between pages (forced by a page that a table fills).
func TestInspectFindsFaults(t *testing.T) {
	rows := strings.Repeat("| 行 |\n", 40)
	md := "# 題\n\n" + strings.Repeat("あ", charsPerLine) + "\\\n間。\n\n本書の締結を証するため、本書２通を作成する。\n\n" +
		"| 表 |\n| --- |\n" + rows + "\n代表者　甲野 太郎\n"
	_, _, path := render(t, []byte(md), Meta{})
	rep := inspect(t, path)
	if len(rep.shortLast) != 1 || len(rep.signature) != 1 {
		t.Errorf("short last lines %q, split signatures %q: want one of each", rep.shortLast, rep.signature)
	}
}

// visualLines returns the lines of text of every page as a reader sees them: the words poppler
// extracts on one baseline, joined where they touch or overlap. Poppler starts a new word, and
// sometimes a new line, where a glyph overlaps the one before it, as a mark set at half width
// does; a gap wider than an em (between table cells) separates lines.
func visualLines(tb testing.TB, path string) [][]string {
	tb.Helper()
	var out [][]string
	for _, page := range readBBox(tb, path) {
		var words []bboxWord
		for _, f := range page.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					words = append(words, l.Words...)
				}
			}
		}
		sort.SliceStable(words, func(i, j int) bool {
			if math.Abs(words[i].YMax-words[j].YMax) > 1 {
				return words[i].YMax < words[j].YMax
			}
			return words[i].XMin < words[j].XMin
		})
		var lines []string
		var cur strings.Builder
		for i, w := range words {
			if i > 0 {
				prev := words[i-1]
				if math.Abs(w.YMax-prev.YMax) > 1 || w.XMin-prev.XMax > w.YMax-w.YMin {
					lines = append(lines, cur.String())
					cur.Reset()
				} else if w.XMin-prev.XMax > 0.1*(w.YMax-w.YMin) {
					cur.WriteByte(' ')
				}
			}
			cur.WriteString(w.Text)
		}
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
		}
		out = append(out, lines)
	}
	return out
}
