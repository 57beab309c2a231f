package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment is a run of text, Changed when the other version does not have
// it at this place.
type Segment struct {
	Text    string
	Changed bool
}

// Text is a value as one version has it, with the words that differ from
// the other version marked. A nil Text is a value that version lacks.
type Text []Segment

// String returns the whole text.
func (t Text) String() string {
	var n int
	for _, s := range t {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range t {
		b = append(b, s.Text...)
	}
	return string(b)
}

// Changed reports whether some of the text is marked.
func (t Text) Changed() bool {
	for _, s := range t {
		if s.Changed && s.Text != "" {
			return true
		}
	}
	return false
}

// maxCells bounds the table of the longest common subsequence of two
// texts: past it, their differing middle is reported as replaced whole.
// Two cells of about 1,400 words each fit; memory stays under 8 MB.
const maxCells = 1 << 21

// maxTotalCells bounds the tables of one comparison of two checklists, so
// that two workbooks of long cells that all differ take a bounded time
// (about a tenth of a second); past it, cells are compared as wholes
// after their common head and tail.
const maxTotalCells = 1 << 24

// budget is what is left of the table cells of one comparison.
type budget struct{ cells int }

// Words compares two versions of a text word by word, as Japanese is
// read: by runs of one script (kanji, hiragana, katakana, Latin letters
// and digits), each punctuation mark or symbol on its own, not by spaces.
// It returns both texts with the words not in their longest common
// subsequence marked. Time and memory are bounded: texts whose differing
// middle is too long for the table are marked whole in that middle.
func Words(old, new string) (Text, Text) {
	return (&budget{cells: maxCells}).words(old, new)
}

// words is Words within the budget b, which it spends.
func (bu *budget) words(old, new string) (Text, Text) {
	a, b := tokens(old), tokens(new)
	// The common head and tail cost nothing; most edits touch a few words.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	keepA := make([]bool, len(a))
	keepB := make([]bool, len(b))
	for i := 0; i < pre; i++ {
		keepA[i], keepB[i] = true, true
	}
	for i := 0; i < suf; i++ {
		keepA[len(a)-1-i], keepB[len(b)-1-i] = true, true
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if cells := (len(ma) + 1) * (len(mb) + 1); len(ma) > 0 && len(mb) > 0 && cells <= maxCells && cells <= bu.cells {
		bu.cells -= cells
		ia, ib := intern(ma, mb)
		lcs(ia, ib, keepA[pre:], keepB[pre:])
	}
	absorb(a, b, keepA, keepB)
	slide(a, keepA)
	slide(b, keepB)
	return segments(old, a, keepA), segments(new, b, keepB)
}

// absorb marks as changed the short runs of common words that stand
// between changes on both sides, so that 「{端末}の{配備}」 reads as one
// change: a common run of at most two characters with changed words
// before and after it.
func absorb(a, b []string, keepA, keepB []bool) {
	var ka, kb []int // the common words, paired in order
	for i := range a {
		if keepA[i] {
			ka = append(ka, i)
		}
	}
	for j := range b {
		if keepB[j] {
			kb = append(kb, j)
		}
	}
	gap := func(p int) bool { // changed words before the p-th common word (p may be len)
		pa, pb := -1, -1
		if p > 0 {
			pa, pb = ka[p-1], kb[p-1]
		}
		na, nb := len(a), len(b)
		if p < len(ka) {
			na, nb = ka[p], kb[p]
		}
		return na-pa > 1 || nb-pb > 1
	}
	for p := 0; p < len(ka); {
		q := p + 1 // the common run is ka[p:q]
		n := len([]rune(a[ka[p]]))
		for q < len(ka) && ka[q] == ka[q-1]+1 && kb[q] == kb[q-1]+1 {
			n += len([]rune(a[ka[q]]))
			q++
		}
		if n <= 2 && !strings.Contains(a[ka[p]], "\n") && gap(p) && gap(q) {
			for r := p; r < q; r++ {
				keepA[ka[r]], keepB[kb[r]] = false, false
			}
		}
		p = q
	}
}

// slide moves each run of changed words right past the words that repeat
// it (「担{う。端末…行}う。」 becomes 「担う。{端末…行う。}」), so that a
// change ends at the end of a phrase or a sentence rather than inside it.
func slide(toks []string, keep []bool) {
	for i := 0; i < len(toks); {
		if keep[i] {
			i++
			continue
		}
		j := i
		for j < len(toks) && !keep[j] {
			j++
		}
		for j < len(toks) && keep[j] && toks[i] == toks[j] {
			keep[i], keep[j] = true, false
			i++
			j++
		}
		for j < len(toks) && !keep[j] {
			j++
		}
		i = j
	}
}

// intern numbers the words of a and b, equal words alike, so that the
// table compares numbers.
func intern(a, b []string) ([]int32, []int32) {
	ids := map[string]int32{}
	number := func(ws []string) []int32 {
		out := make([]int32, len(ws))
		for i, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = int32(len(ids))
				ids[w] = id
			}
			out[i] = id
		}
		return out
	}
	return number(a), number(b)
}

// lcs marks in keepA and keepB the words of a longest common subsequence
// of a and b.
func lcs(a, b []int32, keepA, keepB []bool) {
	w := len(b) + 1
	// t[i*w+j] is the length of the LCS of a[i:] and b[j:].
	t := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			case t[(i+1)*w+j] >= t[i*w+j+1]:
				t[i*w+j] = t[(i+1)*w+j]
			default:
				t[i*w+j] = t[i*w+j+1]
			}
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			keepA[i], keepB[j] = true, true
			i++
			j++
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			i++
		default:
			j++
		}
	}
}

// segments joins the tokens of s into runs of kept and changed text.
func segments(s string, toks []string, keep []bool) Text {
	t := Text{}
	start, end := 0, 0
	for i, tok := range toks {
		if i > 0 && keep[i] != keep[i-1] {
			t = append(t, Segment{Text: s[start:end], Changed: !keep[i-1]})
			start = end
		}
		end += len(tok)
	}
	if end > start {
		t = append(t, Segment{Text: s[start:end], Changed: !keep[len(toks)-1]})
	}
	return t
}

// Whole returns s as one segment, marked or not.
func Whole(s string, changed bool) Text {
	if s == "" {
		return Text{}
	}
	return Text{{Text: s, Changed: changed}}
}

// script is the class of a character for cutting text into words.
type script uint8

const (
	other    script = iota // punctuation, symbols: one word each
	han                    // kanji, with 々 〆 ヶ
	hiragana               //
	katakana               // with ー and half-width katakana
	latin                  // letters and digits, full width too
	space                  // spaces and tabs
	newline                //
)

func scriptOf(r rune) script {
	// The common blocks first, without table lookups.
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return latin
	case r >= 0x3041 && r <= 0x3096:
		return hiragana
	case r >= 0x30A1 && r <= 0x30FA, r == 'ー':
		return katakana
	case r >= 0x4E00 && r <= 0x9FFF:
		return han
	case r < 0x80 && r != '\n' && r != ' ' && r != '\t':
		return other
	}
	switch {
	case r == '\n':
		return newline
	case r == ' ' || r == '\t' || r == '\u3000':
		return space
	case r == '々' || r == '〆' || r == 'ヶ' || r == '〇' || unicode.Is(unicode.Han, r):
		return han
	case r == 'ー' || r == 'ｰ' || unicode.Is(unicode.Katakana, r):
		return katakana
	case unicode.Is(unicode.Hiragana, r):
		return hiragana
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return latin
	}
	return other
}

// digitAround reports whether the byte at i stands between two ASCII or
// full-width digits.
func digitAround(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsDigit(before) && unicode.IsDigit(after)
}

// tokens cuts s into words: maximal runs of one script, every other
// character alone.
func tokens(s string) []string {
	var out []string
	start := 0
	prev := script(255)
	for i, r := range s {
		sc := scriptOf(r)
		if prev == latin && (r == '.' || r == ',' || r == ':') && digitAround(s, i) {
			sc = latin // 99.95, 1,000 and 10:00 are one word
		}
		if i > 0 && (sc != prev || sc == other || sc == newline) {
			out = append(out, s[start:i])
			start = i
		}
		prev = sc
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
