package xlsx

import (
	"bytes"
	"errors"
	"github.com/annexgen/annexgen/checklist"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		kind   numberKind
		number string
		title  string
	}{
		{"1", numberItem, "1", ""},
		{"１２", numberItem, "12", ""},
		{"01", numberItem, "1", ""},
		{"3.0", numberItem, "3", ""},
		{"A-1", numberItem, "A-1", ""},
		{"Ａ－１", numberItem, "A-1", ""},
		{"a‐2", numberItem, "A-2", ""},
		{"B1", numberItem, "B-1", ""},
		{"1-2", numberItem, "1-2", ""},
		{"A", numberSection, "A", ""},
		{"ｂ", numberSection, "B", ""},
		{"A 共通", numberSection, "A", "共通"},
		{"Ｃ．運用", numberSection, "C", "運用"},
		{"A 1", numberItem, "A-1", ""},
		{"二", numberInvalid, "", ""},
		{"1.5", numberInvalid, "", ""},
		{"①", numberInvalid, "", ""},
		{"ABC-", numberInvalid, "", ""},
	}
	for _, tt := range tests {
		kind, number, title := parseNumber(tt.in)
		if kind != tt.kind || number != tt.number || title != tt.title {
			t.Errorf("parseNumber(%q) = %v %q %q, want %v %q %q", tt.in, kind, number, title, tt.kind, tt.number, tt.title)
		}
	}
}

func TestParseMarkAndCheck(t *testing.T) {
	marks := map[string]checklist.Mark{"◎": checklist.MarkOwner, "○": checklist.MarkDo, "〇": checklist.MarkDo, "◯": checklist.MarkDo, "△": checklist.MarkSupport, "▲": checklist.MarkSupport,
		"": checklist.MarkNone, "-": checklist.MarkNone, "－": checklist.MarkNone, "ー": checklist.MarkNone, "―": checklist.MarkNone, "　◎　": checklist.MarkOwner}
	for in, want := range marks {
		if m, ok := parseMark(in); !ok || m != want {
			t.Errorf("parseMark(%q) = %v %v", in, m, ok)
		}
	}
	for _, in := range []string{"x", "◎○", "主担当", "O", "0", "×"} {
		if _, ok := parseMark(in); ok {
			t.Errorf("parseMark(%q) accepted", in)
		}
	}
	checks := map[string]checklist.Check{"はい": checklist.CheckYes, " いいえ ": checklist.CheckNo, "対象外": checklist.CheckNA, "": checklist.CheckBlank, "　": checklist.CheckBlank}
	for in, want := range checks {
		if c, ok := parseCheck(in); !ok || c != want {
			t.Errorf("parseCheck(%q) = %v %v", in, c, ok)
		}
	}
	for _, in := range []string{"済", "yes", "-", "はい。"} {
		if _, ok := parseCheck(in); ok {
			t.Errorf("parseCheck(%q) accepted", in)
		}
	}
}

func TestIsDateFormat(t *testing.T) {
	for _, id := range []int{14, 15, 17, 22, 27, 31, 36, 50, 57, 58} {
		if !isDateFormat(id, nil) {
			t.Errorf("built-in %d is a date", id)
		}
	}
	for _, id := range []int{0, 1, 2, 9, 10, 37, 49} {
		if isDateFormat(id, nil) {
			t.Errorf("built-in %d is not a date", id)
		}
	}
	dates := []string{"yyyy/mm/dd", "YYYY-MM-DD", `[$-411]ggge"年"m"月"d"日"`, `[$-411]gyy\年m\月d\日`, "d-mmm-yy", "yyyy/m/d h:mm", "ge.m.d"}
	for _, code := range dates {
		if !isDateFormat(164, &code) {
			t.Errorf("%q is a date format", code)
		}
	}
	others := []string{"0.0%", "General", `"day "0`, "#,##0", "0.00E+00", `[Red]0`, "@", "h:mm:ss"}
	for _, code := range others {
		if isDateFormat(164, &code) {
			t.Errorf("%q is not a date format", code)
		}
	}
}

func TestTextDate(t *testing.T) {
	good := map[string]checklist.Date{
		"2024/6/1": {Year: 2024, Month: 6, Day: 1}, "2024-06-01": {Year: 2024, Month: 6, Day: 1}, "2024年6月1日": {Year: 2024, Month: 6, Day: 1},
		"令和6年6月1日": {Year: 2024, Month: 6, Day: 1}, "R6.6.1": {Year: 2024, Month: 6, Day: 1}, "R6/6/1": {Year: 2024, Month: 6, Day: 1}, "２０２４／６／１": {Year: 2024, Month: 6, Day: 1},
		"令和元年5月1日": {Year: 2019, Month: 5, Day: 1}, "2024-06-01T00:00:00Z": {Year: 2024, Month: 6, Day: 1}, " 2024/2/29 ": {Year: 2024, Month: 2, Day: 29},
	}
	for in, want := range good {
		if d, ok := textDate(in); !ok || d != want {
			t.Errorf("textDate(%q) = %v %v", in, d, ok)
		}
	}
	for _, in := range []string{"2023/2/29", "2024/4/31", "2024/13/1", "来月", "6/1", "2024/6/1 10:00", "99999/1/1"} {
		if d, ok := textDate(in); ok {
			t.Errorf("textDate(%q) = %v", in, d)
		}
	}
}

func TestSerialDate(t *testing.T) {
	tests := []struct {
		raw      string
		date1904 bool
		want     checklist.Date
		ok       bool
	}{
		{"45444", false, checklist.Date{Year: 2024, Month: 6, Day: 1}, true},
		{"45444.99", false, checklist.Date{Year: 2024, Month: 6, Day: 1}, true},
		{"43982", true, checklist.Date{Year: 2024, Month: 6, Day: 1}, true},
		{"61", false, checklist.Date{Year: 1900, Month: 3, Day: 1}, true},
		{"0", false, checklist.Date{}, false},
		{"-5", false, checklist.Date{}, false},
		{"1e300", false, checklist.Date{}, false},
	}
	for _, tt := range tests {
		if d, ok := serialDate(tt.raw, tt.date1904); ok != tt.ok || d != tt.want {
			t.Errorf("serialDate(%s, %v) = %v %v", tt.raw, tt.date1904, d, ok)
		}
	}
}

func TestItemRefs(t *testing.T) {
	tests := map[string]string{
		"Part2 B-2":         "Part2 B-2",
		"Part2 B-2、Part1 3": "Part2 B-2|Part1 3",
		"Ｐａｒｔ２　Ｂ－２，part1 ３":  "Part2 B-2|Part1 3",
		"B-2 A-1\nPart2:C-1": "B-2|A-1|Part2 C-1",
		"Part2B-2・b2":        "Part2 B-2|B-2",
		"":                   "",
		"なし":                 "なし",
	}
	for in, want := range tests {
		if got := strings.Join(itemRefs(in), "|"); got != want {
			t.Errorf("itemRefs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanTextAndKeys(t *testing.T) {
	if got := cleanText("\u3000 a\r\nb\rc _x000D_\n\t"); got != "a\nb\nc _x000D_" {
		t.Errorf("cleanText = %q", got)
	}
	if got := cleanText("  #見出し  |  {{.X}} "); got != "#見出し  |  {{.X}}" {
		t.Errorf("cleanText = %q", got)
	}
	keys := map[string]string{"初回\n確認": "初回確認", "完了日（合意した日）": "完了日", "合意内容*": "合意内容",
		"事業者ａ": "事業者A", "ｻｰﾋﾞｽﾚﾍﾞﾙ": "サービスレベル", " Part 1 ": "PART1", "【必須】医療機関名": "医療機関名"}
	for in, want := range keys {
		if got := bareKey(in); got != want {
			t.Errorf("bareKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPanicBecomesFileError(t *testing.T) {
	data := validBook().bytes(t)
	defer func(open func(io.Reader, ...excelize.Options) (*excelize.File, error)) { openReader = open }(openReader)
	openReader = func(io.Reader, ...excelize.Options) (*excelize.File, error) { panic("index out of range") }
	_, _, err := readWorkbook("壊れた.xlsx", bytes.NewReader(data), int64(len(data)), checklist.Options{})
	var fe *FileError
	var pe *panicError
	if !errors.As(err, &fe) || fe.Reason != reasonBroken || !errors.As(err, &pe) {
		t.Fatalf("err = %v", err)
	}
	if pe.Error() != "panic: index out of range" || !strings.Contains(panicSite(pe.stack), "TestPanicBecomesFileError") {
		t.Errorf("panic %q at %q", pe.Error(), panicSite(pe.stack))
	}
	if reason, _ := sniff(bytes.NewReader(nil), maxFileBytes+1, checklist.Options{}); reason != reasonTooLarge {
		t.Errorf("sniff of a huge file = %s", reason)
	}
}
