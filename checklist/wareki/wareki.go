// Package wareki converts between Gregorian dates and the Japanese era
// calendar (和暦): 令和6年6月1日, R6.6.1.
package wareki

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Era is a Japanese era.
type Era struct {
	Name   string // 令和
	Letter string // R
	Year   int    // Gregorian year of the era's first year
	Month  int    // first month
	Day    int    // first day
}

// Eras lists the modern eras, newest first.
var Eras = []Era{
	{"令和", "R", 2019, 5, 1},
	{"平成", "H", 1989, 1, 8},
	{"昭和", "S", 1926, 12, 25},
	{"大正", "T", 1912, 7, 30},
	{"明治", "M", 1868, 1, 25},
}

func before(y, m, d, ey, em, ed int) bool {
	if y != ey {
		return y < ey
	}
	if m != em {
		return m < em
	}
	return d < ed
}

// Format returns the date in 和暦, "令和6年6月1日"; the first year of an era
// is written 元年 ("令和元年5月1日"). Dates before 明治 are written in the
// Gregorian calendar ("1867年1月1日").
func Format(year, month, day int) string {
	for _, e := range Eras {
		if before(year, month, day, e.Year, e.Month, e.Day) {
			continue
		}
		n := year - e.Year + 1
		ys := strconv.Itoa(n)
		if n == 1 {
			ys = "元"
		}
		return fmt.Sprintf("%s%s年%d月%d日", e.Name, ys, month, day)
	}
	return fmt.Sprintf("%d年%d月%d日", year, month, day)
}

// Parse reads a date written as text: "2024/6/1", "2024-06-01",
// "2024.6.1", "2024年6月1日", "令和6年6月1日", "令和元年5月1日", "R6.6.1",
// "R6/6/1", "R6-6-1", in half- or full-width characters. It does not check
// that the day exists in the month; ok is false for anything else.
func Parse(s string) (year, month, day int, ok bool) {
	s = strings.TrimSpace(width.Narrow.String(s))
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return 0, 0, 0, false
	}
	offset := 0
	rest := s
	for _, e := range Eras {
		switch {
		case strings.HasPrefix(rest, e.Name):
			rest = strings.TrimPrefix(rest, e.Name)
		case strings.HasPrefix(strings.ToUpper(rest), e.Letter) && len(rest) > 1 && (unicode.IsDigit(rune(rest[1])) || strings.HasPrefix(rest[1:], "元")):
			rest = rest[1:]
		default:
			continue
		}
		offset = e.Year - 1
		if strings.HasPrefix(rest, "元") {
			rest = "1" + strings.TrimPrefix(rest, "元")
		}
		break
	}
	nums, ok := splitDate(rest)
	if !ok {
		return 0, 0, 0, false
	}
	year, month, day = nums[0]+offset, nums[1], nums[2]
	if offset == 0 && nums[0] < 1000 {
		return 0, 0, 0, false
	}
	if offset != 0 && nums[0] < 1 {
		return 0, 0, 0, false
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return 0, 0, 0, false
	}
	return year, month, day, true
}

// splitDate reads three numbers separated by one kind of separator:
// "/", "-", "." or the 年月日 suffixes.
func splitDate(s string) ([3]int, bool) {
	var out [3]int
	var parts []string
	switch {
	case strings.Contains(s, "年"):
		if !strings.HasSuffix(s, "日") {
			return out, false
		}
		s = strings.TrimSuffix(s, "日")
		y, md, ok1 := strings.Cut(s, "年")
		m, d, ok2 := strings.Cut(md, "月")
		if !ok1 || !ok2 {
			return out, false
		}
		parts = []string{y, m, d}
	default:
		sep := ""
		for _, c := range []string{"/", "-", "."} {
			if strings.Count(s, c) == 2 {
				sep = c
				break
			}
		}
		if sep == "" {
			return out, false
		}
		parts = strings.Split(s, sep)
	}
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return out, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return out, false
		}
		out[i] = n
	}
	return out, true
}
