package linebreak

import "unicode"

// Class is a character class of W3C JLReq (Requirements for Japanese Text Layout), appendix A,
// restricted to the classes that matter for line breaking and inter-script spacing.
type Class uint8

// The JLReq classes used by this package. Other is every character without a line-breaking rule
// of its own.
const (
	Other          Class = iota
	Opening              // cl-01 opening brackets: never at a line end
	Closing              // cl-02 closing brackets: never at a line start
	Hyphen               // cl-03 hyphens: never at a line start
	Dividing             // cl-04 dividing punctuation: never at a line start
	MiddleDot            // cl-05 middle dots: never at a line start
	FullStop             // cl-06 full stops: never at a line start
	Comma                // cl-07 commas: never at a line start
	Inseparable          // cl-08 inseparable characters: no break between two of the same
	IterationMark        // cl-09 iteration marks: never at a line start
	ProlongedSound       // cl-10 prolonged sound mark: never at a line start
	SmallKana            // cl-11 small kana: never at a line start
	PrefixAbbrev         // cl-12 prefixed abbreviations: no break before a following numeral
	PostfixAbbrev        // cl-13 postfixed abbreviations: no break after a preceding numeral
)

var classNames = [...]string{
	Other:          "other",
	Opening:        "cl-01 opening bracket",
	Closing:        "cl-02 closing bracket",
	Hyphen:         "cl-03 hyphen",
	Dividing:       "cl-04 dividing punctuation",
	MiddleDot:      "cl-05 middle dot",
	FullStop:       "cl-06 full stop",
	Comma:          "cl-07 comma",
	Inseparable:    "cl-08 inseparable",
	IterationMark:  "cl-09 iteration mark",
	ProlongedSound: "cl-10 prolonged sound mark",
	SmallKana:      "cl-11 small kana",
	PrefixAbbrev:   "cl-12 prefixed abbreviation",
	PostfixAbbrev:  "cl-13 postfixed abbreviation",
}

// String returns the JLReq name of the class, such as "cl-02 closing bracket".
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "unknown"
}

// classTable lists the members of each class. Besides the characters of JLReq appendix A it
// holds U+2015 (horizontal bar, commonly typed for a Japanese dash) among the inseparables and
// U+FF5E (fullwidth tilde, commonly typed for a wave dash) among the hyphens.
var classTable = map[Class]string{
	Opening:        "‘“(〔[{〈《「『【⦅〘〖«〝（［｛｟",
	Closing:        "’”)〕]}〉》」』】⦆〙〗»〟）］｝｠",
	Hyphen:         "‐〜゠–～",
	Dividing:       "!?‼⁇⁈⁉！？",
	MiddleDot:      "・:;：；",
	FullStop:       "。.．",
	Comma:          "、,，",
	Inseparable:    "—―…‥",
	IterationMark:  "ヽヾゝゞ々〻",
	ProlongedSound: "ー",
	SmallKana:      "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
	PrefixAbbrev:   "¥$£#€￥＄",
	PostfixAbbrev:  "°′″℃¢%‰％",
}

// lowClasses and fullwidthClasses hold the class of every rune below U+3200 and in the
// Halfwidth and Fullwidth Forms block (U+FF00-FFFF), where all the members of classTable lie.
var lowClasses, fullwidthClasses = func() (low *[0x3200]Class, full *[0x100]Class) {
	low, full = new([0x3200]Class), new([0x100]Class)
	for c, members := range classTable {
		for _, r := range members {
			switch {
			case r < 0x3200:
				low[r] = c
			case r >= 0xFF00 && r <= 0xFFFF:
				full[r-0xFF00] = c
			default:
				panic("linebreak: class member outside the lookup tables: " + string(r))
			}
		}
	}
	return low, full
}()

// Members returns the characters of class c, in JLReq order.
func Members(c Class) string { return classTable[c] }

// ClassOf returns the JLReq class of r, or Other.
func ClassOf(r rune) Class {
	switch {
	case r >= 0 && r < 0x3200:
		return lowClasses[r]
	case r >= 0xFF00 && r <= 0xFFFF:
		return fullwidthClasses[r-0xFF00]
	}
	return Other
}

// NotAtStart reports whether r must not begin a line (classes cl-02 to cl-07 and cl-09 to
// cl-11, the strict level of JLReq and JIS X 4051).
func NotAtStart(r rune) bool {
	switch ClassOf(r) {
	case Closing, Hyphen, Dividing, MiddleDot, FullStop, Comma, IterationMark, ProlongedSound, SmallKana:
		return true
	}
	return false
}

// NotAtEnd reports whether r must not end a line (cl-01 opening brackets).
func NotAtEnd(r rune) bool { return ClassOf(r) == Opening }

// isDigit reports whether r is a decimal digit, halfwidth or fullwidth.
func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || r > 0x7F && unicode.IsDigit(r)
}

// isFullwidthAlnum reports whether r is a fullwidth Latin letter or digit (U+FF10-FF5A).
func isFullwidthAlnum(r rune) bool {
	return r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// IsJapanese reports whether r is a kana or kanji character: the Japanese side of the
// quarter-em space between Japanese and Latin text.
func IsJapanese(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3041 && r <= 0x3096, r >= 0x309D && r <= 0x309F: // hiragana
		return true
	case r >= 0x30A1 && r <= 0x30FA, r >= 0x30FC && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF: // katakana, ー
		return true
	case r >= 0xFF66 && r <= 0xFF9D: // halfwidth katakana
		return true
	case r == 0x3005 || r == 0x3006 || r == 0x3007 || r == 0x303B: // 々 〆 〇 〻
		return true
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// IsLatin reports whether r is a Latin letter or a decimal digit that is not fullwidth: the
// Western side of the quarter-em space between Japanese and Latin text.
func IsLatin(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return true
	case r < 0xC0, r >= 0x2E80 && r < 0xA720, r >= 0xFF00 && r <= 0xFFEF: // no Latin letters in CJK blocks
		return false
	}
	return unicode.Is(unicode.Latin, r) && unicode.IsLetter(r)
}

// NeedsGap reports whether JLReq puts a quarter-em space between the adjacent characters prev
// and next: between kana or kanji and a Latin letter or numeral, in either order. Brackets,
// full stops and commas (cl-01, cl-02, cl-06, cl-07) are neither, so they never get one; the
// space is also dropped at a line start or end, which Break takes care of.
func NeedsGap(prev, next rune) bool {
	return IsJapanese(prev) && IsLatin(next) || IsLatin(prev) && IsJapanese(next)
}
