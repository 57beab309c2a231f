package form

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// SeedItem is an item to pre-fill in a blank form: 部, 項番, 項目, 内容.
type SeedItem struct {
	Part         string // "Part1" or "Part2"
	Section      string // section letter, "A"; empty for items outside any section
	SectionTitle string // "共通"
	Number       string // 項番 within the section, "1"
	Title        string // 項目
	Content      string // 内容
}

// ID returns the item id the reader builds for the seeded row: "Part1 1", "Part2 A-1".
func (s SeedItem) ID() string {
	if s.Section == "" || strings.Contains(s.Number, "-") {
		return s.Part + " " + s.Number
	}
	return s.Part + " " + s.Section + "-" + s.Number
}

//go:embed sampleitems.tsv
var sampleItemsTSV []byte

// SampleItems returns the project's own illustrative items. They are
// samples written for annexgen, not the official wording of the form;
// the blank form says so where they are printed.
func SampleItems() []SeedItem {
	items, err := ReadSeedItems(bytes.NewReader(sampleItemsTSV), "sampleitems.tsv")
	if err != nil {
		panic("checklist: embedded sample items: " + err.Error())
	}
	return items
}

// seedColumns are the header names of an item list, in the usual order.
var seedColumns = []string{"部", "項番", "項目", "内容"}

// ReadSeedItems reads an item list: UTF-8 text, tab-separated (TSV) or
// comma-separated (CSV), whose first line names the columns 部, 項番, 項目
// and 内容 in any order. A line whose 項番 is a single letter starts a
// section (項目 is then the section's title); the items below it belong to
// that section. The separator follows the extension of name (.tsv, .csv),
// or else the first line. Errors are in Japanese and name the line.
func ReadSeedItems(r io.Reader, name string) ([]SeedItem, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s を読み込めませんでした: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s の %d 行目: 文字コードが UTF-8 ではありません。Excel では「CSV UTF-8（コンマ区切り）」の形式で保存してください", name, seedInvalidLine(data))
	}
	records, err := seedRecords(data, name)
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("%s: 項目が1行もありません。1行目に「部」「項番」「項目」「内容」の見出しを書き、2行目から項目を書いてください", name)
	}
	col, err := seedHeader(records[0].fields, name)
	if err != nil {
		return nil, err
	}
	sr := seedReader{name: name, col: col, ids: map[string]int{}, section: map[string][2]string{}}
	for _, rec := range records[1:] {
		if err := sr.record(rec); err != nil {
			return nil, err
		}
	}
	if len(sr.items) == 0 {
		return nil, fmt.Errorf("%s: 項目が1行もありません。2行目から「部」「項番」「項目」「内容」を書いてください", name)
	}
	return sr.items, nil
}

// seedHeader maps the headings of an item list's first line to their
// columns (the first of two alike), or says which are missing.
func seedHeader(header []string, name string) (map[string]int, error) {
	col := map[string]int{}
	for i, h := range header {
		h = normalizeSeedText(h)
		if _, seen := col[h]; !seen {
			col[h] = i
		}
	}
	var missing []string
	for _, c := range seedColumns {
		if _, ok := col[c]; !ok {
			missing = append(missing, "「"+c+"」")
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s の 1 行目: 見出しに%sがありません。1行目には「部」「項番」「項目」「内容」の見出しが必要です", name, strings.Join(missing, ""))
	}
	return col, nil
}

// seedReader reads the lines of an item list after its headings.
type seedReader struct {
	name    string
	col     map[string]int // heading -> column
	items   []SeedItem
	ids     map[string]int       // item id -> the line that gave it
	section map[string][2]string // part -> current section letter, title
}

// record reads one line: an item, a section's line, or a blank line.
func (sr *seedReader) record(r seedRecord) error {
	name, line := sr.name, r.line
	field := func(c string) string {
		i := sr.col[c]
		if i >= len(r.fields) {
			return ""
		}
		return strings.Trim(strings.ReplaceAll(r.fields[i], "\r\n", "\n"), " \t\r\n\u3000")
	}
	part, number, title, content := field("部"), field("項番"), field("項目"), field("内容")
	if part == "" && number == "" && title == "" && content == "" {
		return nil
	}
	p, ok := seedPart(part)
	if !ok {
		if part == "" {
			return fmt.Errorf("%s の %d 行目: 「部」が空です。Part1 か Part2 と書いてください", name, line)
		}
		return fmt.Errorf("%s の %d 行目: 「部」の「%s」が読み取れません。Part1 か Part2 と書いてください", name, line, part)
	}
	number = normalizeSeedText(number)
	if number == "" {
		return fmt.Errorf("%s の %d 行目: 「項番」が空です。項目の番号（1、2、…）か、区分の記号（A、B、…）を書いてください", name, line)
	}
	if title == "" {
		return fmt.Errorf("%s の %d 行目: 「項目」が空です。項目の名前（区分の行では区分の名前）を書いてください", name, line)
	}
	if letter, ok := seedSectionLetter(number); ok {
		if content != "" {
			return fmt.Errorf("%s の %d 行目: 区分の行（項番「%s」）に「内容」が書かれています。区分の行には「項目」に区分の名前だけを書き、項目は次の行から書いてください", name, line, letter)
		}
		sr.section[p] = [2]string{letter, title}
		return nil
	}
	if !seedNumberOK(number) {
		return fmt.Errorf("%s の %d 行目: 項番「%s」が読み取れません。項目の番号は 1、2、… のように、区分の記号は A、B、… のように書いてください", name, line, number)
	}
	it := SeedItem{
		Part:         p,
		Section:      sr.section[p][0],
		SectionTitle: sr.section[p][1],
		Number:       number,
		Title:        title,
		Content:      content,
	}
	id := it.ID()
	if first, dup := sr.ids[id]; dup {
		return fmt.Errorf("%s の %d 行目: 項番「%s」は %d 行目と重複しています。同じ部・区分の中では項番を重ねないでください", name, line, id, first)
	}
	sr.ids[id] = line
	sr.items = append(sr.items, it)
	return nil
}

// seedRecord is one line of an item list (a quoted field may span lines).
type seedRecord struct {
	line   int // 1-based line where the record starts
	fields []string
}

// seedRecords splits the file into records: CSV as RFC 4180, TSV with
// the quoting that spreadsheet programs write (a field wholly enclosed in
// quotes, "" for a quote inside), other quotes taken literally.
func seedRecords(data []byte, name string) ([]seedRecord, error) {
	var out []seedRecord
	if seedSeparator(data, name) == '\t' {
		for _, r := range splitTSV(string(data)) {
			if len(r.fields) == 1 && strings.TrimSpace(r.fields[0]) == "" {
				continue
			}
			out = append(out, r)
		}
		return out, nil
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, seedParseError(name, err)
		}
		line, _ := cr.FieldPos(0)
		out = append(out, seedRecord{line: line, fields: rec})
	}
}

// splitTSV splits tab-separated text into records.
func splitTSV(s string) []seedRecord {
	var (
		out    []seedRecord
		fields []string
		line   = 1
		start  = 1
	)
	for {
		var field string
		if q, rest, lines, ok := quotedTSVField(s); ok {
			field, s = q, rest
			line += lines
		} else {
			end := strings.IndexAny(s, "\t\n")
			if end < 0 {
				end = len(s)
			}
			field, s = s[:end], s[end:]
		}
		fields = append(fields, strings.TrimSuffix(field, "\r"))
		if strings.HasPrefix(s, "\t") {
			s = s[1:]
			continue
		}
		out = append(out, seedRecord{line: start, fields: fields})
		fields = nil
		if s == "" {
			return out
		}
		s = s[1:] // the line break
		line++
		start = line
		if s == "" {
			return out
		}
	}
}

// quotedTSVField reads a field wholly enclosed in quotes at the start of s,
// ending at a tab, a line break or the end of the text. ok is false when s
// does not start so; the field is then literal text.
func quotedTSVField(s string) (field, rest string, lines int, ok bool) {
	if !strings.HasPrefix(s, "\"") {
		return "", s, 0, false
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c != '"' {
			if c == '\n' {
				lines++
			}
			b.WriteByte(c)
			continue
		}
		if i+1 < len(s) && s[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		after := s[i+1:]
		if after == "" || after[0] == '\t' || after[0] == '\n' || strings.HasPrefix(after, "\r\n") {
			return strings.ReplaceAll(b.String(), "\r\n", "\n"), strings.TrimPrefix(after, "\r"), lines, true
		}
		return "", s, 0, false // a lone quote inside: not a quoted field
	}
	return "", s, 0, false // never closed
}

// seedSeparator chooses tab or comma from the file's extension, or else from
// its first line.
func seedSeparator(data []byte, name string) rune {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tsv", ".tab":
		return '\t'
	case ".csv":
		return ','
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte("\t")) >= bytes.Count(first, []byte(",")) && bytes.Contains(first, []byte("\t")) {
		return '\t'
	}
	return ','
}

// seedInvalidLine returns the 1-based line holding the first invalid UTF-8 byte.
func seedInvalidLine(data []byte) int {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	n := 0
	for sc.Scan() {
		n++
		if !utf8.Valid(sc.Bytes()) {
			return n
		}
	}
	return n
}

func seedParseError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := "書式が読み取れません"
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			msg = "「\"」（ダブルクォート）の使い方が正しくありません。文字列を「\"」で囲む場合は、中の「\"」を「\"\"」と2つ重ねてください"
		}
		return fmt.Errorf("%s の %d 行目: %s", name, pe.StartLine, msg)
	}
	return fmt.Errorf("%s を読み込めませんでした: %w", name, err)
}

// normalizeSeedText narrows full-width letters and digits and removes
// surrounding spaces.
func normalizeSeedText(s string) string {
	return strings.TrimSpace(width.Fold.String(strings.Trim(s, " \u3000\t")))
}

func seedPart(s string) (string, bool) {
	switch strings.ToLower(strings.ReplaceAll(normalizeSeedText(s), " ", "")) {
	case "part1", "1":
		return "Part1", true
	case "part2", "2":
		return "Part2", true
	}
	return "", false
}

// seedSectionLetter reports whether s is a single Latin letter, returned in upper case.
func seedSectionLetter(s string) (string, bool) {
	if len(s) == 1 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		return strings.ToUpper(s), true
	}
	return "", false
}

// seedNumberOK accepts "1", "12", "A-1", "1-2".
func seedNumberOK(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '-' && i > 0:
		default:
			return false
		}
	}
	return s[0] >= '0' && s[0] <= '9' || strings.Contains(s, "-")
}
