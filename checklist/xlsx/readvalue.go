package xlsx

import (
	"github.com/annexgen/annexgen/checklist"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/annexgen/annexgen/checklist/wareki"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// cleanText turns a cell's text into the value kept in the model: line
// breaks as "\n", surrounding spaces (half- and full-width) trimmed,
// every other character kept as written.
func cleanText(s string) string {
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimFunc(s, unicode.IsSpace)
}

// foldKey normalises a label, header or sheet name for comparison:
// full-width letters and digits become half-width, half-width katakana
// become full-width, ASCII letters upper case, and every space and line
// break is removed.
func foldKey(s string) string {
	s = norm.NFC.String(width.Fold.String(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bareKey is foldKey without remarks in brackets and trailing marks:
// "完了日（合意した日）" and "合意内容*" become "完了日" and "合意内容".
func bareKey(s string) string {
	k := foldKey(s)
	var b strings.Builder
	depth := 0
	for _, r := range k {
		switch r {
		case '(', '[', '【', '〔', '<', '《':
			depth++
		case ')', ']', '】', '〕', '>', '》':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return strings.TrimRight(b.String(), "*※:：")
}

// looksNumeric reports whether a raw cell value is a number, as Excel
// stores numbers ("45444", "0.995", "1E-3").
func looksNumeric(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	c := s[0]
	if !(c >= '0' && c <= '9') && c != '-' && c != '.' {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// errorValues are the values of a cell whose formula failed.
var errorValues = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true,
	"#FIELD!": true, "#BLOCKED!": true, "#UNKNOWN!": true, "#CONNECT!": true, "#BUSY!": true,
}

// parseMark reads a role mark; ok is false for anything but the accepted
// spellings.
func parseMark(s string) (m checklist.Mark, ok bool) {
	switch strings.TrimFunc(s, unicode.IsSpace) {
	case "◎":
		return checklist.MarkOwner, true
	case "○", "〇", "◯":
		return checklist.MarkDo, true
	case "△", "▲":
		return checklist.MarkSupport, true
	case "", "-", "－", "ー", "―", "‐", "−", "ｰ":
		return checklist.MarkNone, true
	}
	return checklist.MarkNone, false
}

// parseCheck reads 初回確認; ok is false for anything but はい, いいえ,
// 対象外 and blank.
func parseCheck(s string) (c checklist.Check, ok bool) {
	switch foldKey(s) {
	case "":
		return checklist.CheckBlank, true
	case "はい":
		return checklist.CheckYes, true
	case "いいえ":
		return checklist.CheckNo, true
	case "対象外":
		return checklist.CheckNA, true
	}
	return checklist.CheckBlank, false
}

// numberKind is what the 項番 cell of a row says about the row.
type numberKind int

const (
	numberInvalid numberKind = iota
	numberSection            // a section row: "A"
	numberItem               // an item row: "1", "A-1"
)

var (
	reSectionTitled = regexp.MustCompile(`^([A-Za-z])[ .:、,]+(\S.*)$`)
	reItemNumber    = regexp.MustCompile(`^[0-9]+(-[0-9]+)*$`)
	reLetterNumber  = regexp.MustCompile(`^([A-Z]{1,2})-?([0-9]+(?:-[0-9]+)*)$`)
	reFloatInt      = regexp.MustCompile(`^([0-9]+)\.0+$`)
	dashes          = strings.NewReplacer("‐", "-", "‑", "-", "–", "-", "—", "-", "―", "-", "−", "-", "ー", "-", "ｰ", "-", "_", "-")
)

// parseNumber reads a 項番 cell: a section letter ("A", "Ａ", or "A 共通"
// with the section's title), or an item number ("1", "１", "A-1", "Ａ－１",
// "A1"). The number comes back normalised, with leading zeros dropped.
func parseNumber(s string) (kind numberKind, number, title string) {
	s = width.Fold.String(strings.TrimFunc(s, unicode.IsSpace))
	if m := reSectionTitled.FindStringSubmatch(s); m != nil && !reItemNumber.MatchString(m[2]) {
		return numberSection, strings.ToUpper(m[1]), strings.TrimFunc(m[2], unicode.IsSpace)
	}
	k := dashes.Replace(foldKey(s))
	if m := reFloatInt.FindStringSubmatch(k); m != nil {
		k = m[1]
	}
	switch {
	case len(k) == 1 && k[0] >= 'A' && k[0] <= 'Z':
		return numberSection, k, ""
	case reItemNumber.MatchString(k):
		return numberItem, trimZeros(k), ""
	}
	if m := reLetterNumber.FindStringSubmatch(k); m != nil {
		return numberItem, m[1] + "-" + trimZeros(m[2]), ""
	}
	return numberInvalid, "", ""
}

// trimZeros drops leading zeros from each dash-separated number: "01-02" is "1-2".
func trimZeros(s string) string {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		t := strings.TrimLeft(p, "0")
		if t == "" {
			t = "0"
		}
		parts[i] = t
	}
	return strings.Join(parts, "-")
}

// isDateFormat reports whether a number format shows a date: one of the
// built-in date formats, or a custom format with year, month-and-day or era
// codes outside quoted text.
func isDateFormat(id int, custom *string) bool {
	if custom == nil || *custom == "" {
		return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
	}
	code := strings.ToLower(*custom)
	if sec, _, ok := strings.Cut(code, ";"); ok {
		code = sec
	}
	var b strings.Builder
	quoted, bracket, escaped := false, false, false
	for _, r := range code {
		switch {
		case escaped:
			escaped = false
		case quoted:
			quoted = r != '"'
		case bracket:
			bracket = r != ']'
		case r == '\\':
			escaped = true
		case r == '"':
			quoted = true
		case r == '[':
			bracket = true
		default:
			b.WriteRune(r)
		}
	}
	c := strings.ReplaceAll(b.String(), "general", "")
	return strings.ContainsAny(c, "yd") || (strings.Contains(c, "g") && strings.Contains(c, "e"))
}

// serialDate converts an Excel serial number to a date.
func serialDate(raw string, date1904 bool) (checklist.Date, bool) {
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil || f < 1 || f > 2958465 || math.IsNaN(f) {
		return checklist.Date{}, false
	}
	t, err := excelize.ExcelDateToTime(math.Floor(f), date1904)
	if err != nil {
		return checklist.Date{}, false
	}
	return checklist.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
}

var reISODate = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})T[0-9:.]*Z?$`)

// textDate reads a date written as text ("2024/6/1", "令和6年6月1日",
// "R6.6.1") or stored as an ISO 8601 date cell. The day must exist.
func textDate(s string) (checklist.Date, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if m := reISODate.FindStringSubmatch(s); m != nil {
		s = m[1] + "-" + m[2] + "-" + m[3]
	}
	weekday := -1
	if m := reWeekday.FindStringSubmatchIndex(s); m != nil {
		weekday = strings.Index(weekdays, s[m[2]:m[3]]) / len("日")
		s = strings.TrimFunc(s[:m[0]], unicode.IsSpace)
	}
	y, m, d, ok := wareki.Parse(s)
	if !ok || y > 9999 {
		return checklist.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return checklist.Date{}, false
	}
	if weekday >= 0 && int(t.Weekday()) != weekday {
		return checklist.Date{}, false // 「2025/4/1(月)」: the date or the day is wrong
	}
	return checklist.Date{Year: y, Month: m, Day: d}, true
}

// weekdays are the days of the week as written after a date, from Sunday.
const weekdays = "日月火水木金土"

// reWeekday matches a day of the week after a date: 「（火）」, 「(火曜日)」, 「(火曜)」.
var reWeekday = regexp.MustCompile(`[（(]\s*([日月火水木金土])(?:曜日?)?\s*[)）]$`)

var (
	reItemRefPart = regexp.MustCompile(`^PART([0-9])[-:]?(.*)$`)
	refSeparators = strings.NewReplacer("、", " ", ",", " ", "，", " ", ";", " ", "；", " ", "・", " ", "/", " ", "\n", " ", "\t", " ", "　", " ")
)

// itemRefs splits a 関連項番 cell into item references: "Part2 B-2" or,
// when the Part is left out, the number alone ("B-2").
func itemRefs(s string) []string {
	fields := strings.Fields(refSeparators.Replace(width.Fold.String(s)))
	var refs []string
	for i := 0; i < len(fields); i++ {
		tok := strings.ToUpper(fields[i])
		part := ""
		if m := reItemRefPart.FindStringSubmatch(tok); m != nil {
			part, tok = "Part"+m[1], m[2]
			if tok == "" && i+1 < len(fields) {
				i++
				tok = strings.ToUpper(fields[i])
			}
		}
		if k, n, _ := parseNumber(tok); k == numberItem {
			tok = n
		}
		refs = append(refs, strings.TrimSpace(part+" "+tok))
	}
	return refs
}
