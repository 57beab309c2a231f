package checklist

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Options control reading and validation.
type Options struct {
	Password string // for encrypted workbooks
	Strict   bool   // open-item becomes an error
}

// headerSearchRows is how far down a sheet its header row is looked for.
const headerSearchRows = 30

// Load reads and validates the workbook at path. err != nil only when the
// file is not a readable workbook at all; it is then a *FileError.
// Findings are in workbook order (sheet, row, column).
//
// Hidden rows and hidden sheets are read like visible ones: they are part
// of the agreement, and an info finding says they were read. A workbook
// beyond the bounds of a real checklist (5,000 rows, about a million
// cells or 4 MB of text in all, 32,767 characters in a cell, 10,000 zip
// parts, 128 MB unzipped) gives a finding or a *FileError, never an
// exhausted machine.
func Load(path string, opt Options) (*Checklist, Findings, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(path, osReason(err), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fileError(path, osReason(err), err)
	}
	if st.IsDir() {
		return nil, nil, fileError(path, reasonDirectory, nil)
	}
	return readWorkbook(path, f, st.Size(), opt, func(o excelize.Options) (*excelize.File, error) {
		return excelize.OpenFile(path, o)
	})
}

// Read is Load for an already-open stream (name is used in messages).
func Read(r io.Reader, name string, opt Options) (*Checklist, Findings, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, nil, fileError(name, reasonUnreadable, err)
	}
	return readWorkbook(name, bytes.NewReader(b), int64(len(b)), opt, func(o excelize.Options) (*excelize.File, error) {
		return excelize.OpenReader(bytes.NewReader(b), o)
	})
}

// readWorkbook checks what the file is, opens it with excelize and reads
// it. A panic inside excelize makes the file unreadable, never a crash.
func readWorkbook(name string, ra io.ReaderAt, size int64, opt Options,
	open func(excelize.Options) (*excelize.File, error)) (c *Checklist, fs Findings, err error) {
	defer func() {
		if p := recover(); p != nil {
			c, fs, err = nil, nil, fileError(name, reasonBroken, &panicError{p, debug.Stack()})
		}
	}()
	reason, encrypted := sniff(ra, size, opt)
	if reason != "" {
		var err error
		if reason == reasonPassword {
			err = ErrPasswordMissing
		}
		return nil, nil, fileError(name, reason, err)
	}
	x, err := open(excelizeOptions(opt))
	if err != nil {
		if x != nil {
			x.Close()
		}
		reason := openReason(err, encrypted)
		if reason == reasonBadPassword {
			err = fmt.Errorf("%w: %w", ErrPasswordWrong, err)
		}
		return nil, nil, fileError(name, reason, err)
	}
	defer x.Close()
	r := newBookReader(x)
	c, err = r.read()
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) {
			fe = fileError(name, reasonBroken, err)
		}
		fe.File = name
		return nil, nil, fe
	}
	fs = mergeFindings(r.findings, validate(c, opt, &r.layout))
	orderFindings(fs, r.sheetIndex)
	return c, fs, nil
}

// mergeFindings adds the validator's findings to the reader's, leaving out
// those about a cell the reader already found an error in: a value that
// could not be read is reported once.
func mergeFindings(read, valid Findings) Findings {
	bad := map[[2]string]bool{}
	for _, f := range read {
		if f.Severity == SeverityError && f.Cell != "" {
			bad[[2]string{f.Sheet, f.Cell}] = true
		}
	}
	out := append(Findings(nil), read...)
	for _, f := range valid {
		if f.Cell != "" && bad[[2]string{f.Sheet, f.Cell}] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// bookReader reads one workbook into a Checklist.
type bookReader struct {
	x          *excelize.File
	date1904   bool
	dateStyles map[int]bool // style id: shows a date
	findings   Findings
	layout     layout
	sheets     []string // as written, in workbook order
	infoSheet  bool     // the 基本情報 sheet exists
	// What is left of the bounds on rows, cells and bytes of text.
	rowsLeft, cellsLeft, textLeft int
}

func newBookReader(x *excelize.File) *bookReader {
	return &bookReader{
		x:          x,
		dateStyles: map[int]bool{},
		layout:     layout{parts: map[string]*partLayout{}, unread: map[string]bool{}, levelItems: -1},
		rowsLeft:   maxBookRows,
		cellsLeft:  maxBookCells,
		textLeft:   maxBookText,
	}
}

// sheetIndex gives the position of a sheet in the workbook, -1 for a sheet
// it lacks (a missing 基本情報 is reported first).
func (b *bookReader) sheetIndex(name string) int {
	for i, s := range b.sheets {
		if s == name {
			return i
		}
	}
	return -1
}

func (b *bookReader) add(key string, at where, args ...any) {
	b.findings = append(b.findings, newFinding(key, at, args...))
}

// The kinds of sheet, by their normalised names.
var sheetKinds = map[string]string{
	foldKey(SheetInfo):   SheetInfo,
	foldKey(SheetPart1):  SheetPart1,
	foldKey(SheetPart2):  SheetPart2,
	foldKey(SheetLevels): SheetLevels,
}

func (b *bookReader) read() (*Checklist, error) {
	if props, err := b.x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	b.sheets = b.x.GetSheetList()
	found := map[string]string{} // kind -> sheet name as written
	ignored, more := 0, ""
	for _, name := range b.sheets {
		kind, ok := sheetKinds[foldKey(name)]
		switch {
		case !ok:
			switch ignored++; {
			case ignored <= maxIgnoredNotes:
				b.add("sheet-ignored", where{sheet: name}, name)
			case ignored == maxIgnoredNotes+1:
				more = name
			}
		case found[kind] != "":
			b.add("sheet-duplicate", where{sheet: name}, name, found[kind])
		default:
			found[kind] = name
			if visible, err := b.x.GetSheetVisible(name); err == nil && !visible {
				b.add("sheet-hidden", where{sheet: name}, name)
			}
		}
	}
	if ignored > maxIgnoredNotes {
		b.add("sheet-ignored/more", where{sheet: more}, ignored-maxIgnoredNotes)
	}
	c := &Checklist{}
	c.Info.Hospital.Key = HospitalKey
	c.Info.DocKind = "契約書別紙"
	if name := found[SheetInfo]; name != "" {
		g, err := b.grid(name)
		if err != nil {
			return nil, err
		}
		b.infoSheet = true
		if g != nil {
			b.readInfo(g, &c.Info)
		}
	} else {
		b.add("header-missing/info", where{sheet: SheetInfo})
	}
	if found[SheetPart1] == "" && found[SheetPart2] == "" {
		b.add("header-missing/parts", where{})
		b.layout.unread[SheetPart1], b.layout.unread[SheetPart2] = true, true
	}
	for _, kind := range []string{SheetPart1, SheetPart2} {
		name := found[kind]
		if name == "" {
			continue
		}
		g, err := b.grid(name)
		if err != nil {
			return nil, err
		}
		if g == nil {
			b.layout.unread[kind] = true
			continue
		}
		if p, ok := b.readPart(g, kind, &c.Info); ok {
			c.Parts = append(c.Parts, p)
		}
	}
	if name := found[SheetLevels]; name != "" {
		g, err := b.grid(name)
		if err != nil {
			return nil, err
		}
		if g != nil {
			c.Levels = b.readLevels(g, c.Parts)
		}
	}
	return c, nil
}

// cellPos is a 1-based row and column.
type cellPos struct{ row, col int }

func (p cellPos) ref() string {
	r, _ := excelize.CoordinatesToCellName(p.col, p.row)
	return r
}

// ref returns the A1 reference of a 1-based row and 0-based column.
func cellRef(row, col int) string { return cellPos{row, col + 1}.ref() }

// Bounds on what a workbook may hold, far above any real checklist (the
// official form has about a hundred items), so that a hostile file ends
// with a finding rather than exhausting time or memory, here or in the
// documents written from it.
const (
	maxMergedCells = 1 << 18 // cells in the merged-cell map of one sheet
	maxBookRows    = 5000    // rows of all sheets read, up to the last one with a value in each
	maxBookCells   = 1 << 20 // cells of those rows, blank ones before a value included
	maxBookText    = 4 << 20 // bytes of text in those cells
	maxCellChars   = 32767   // characters in one cell: Excel's own limit
	// maxIgnoredNotes is how many sheets or columns are named one by one
	// as ignored before the rest are counted in one finding.
	maxIgnoredNotes = 10
)

// grid is one sheet's raw cell values and merged ranges, read once.
type grid struct {
	name   string
	rows   [][]string          // rows[i][j] is row i+1, column j+1
	merged map[cellPos]cellPos // a cell inside a merged range, but not its top-left: the top-left
}

// grid reads a sheet with the streaming row iterator, then its merged
// ranges. A sheet beyond the bounds gives a finding and a nil grid.
func (b *bookReader) grid(name string) (*grid, error) {
	broken := func(err error) error {
		return &FileError{Reason: fmt.Sprintf(reasonBrokenSheet, name), Err: err}
	}
	rows, err := b.x.Rows(name)
	if err != nil {
		return nil, broken(err)
	}
	g := &grid{name: name, merged: map[cellPos]cellPos{}}
	raw := excelize.Options{RawCellValue: true}
	width, last := 0, 0
	rowsLeft, cellsLeft, textLeft := b.rowsLeft, b.cellsLeft, b.textLeft
	var hidden []int
	for r := 1; rows.Next(); r++ {
		cols, err := rows.Columns(raw)
		if err != nil {
			rows.Close()
			var se *xml.SyntaxError
			switch {
			case !errors.As(err, &se):
				return nil, broken(err)
			case strings.Contains(se.Msg, "UTF-8") || strings.Contains(se.Msg, "illegal character"):
				// The shared strings hold bytes that are not text.
				return nil, &FileError{Reason: reasonBadText, Err: err}
			}
			// The shared strings, which every sheet uses, are not XML.
			return nil, &FileError{Reason: reasonBroken, Err: err}
		}
		if len(cols) == 0 {
			continue // added below when a row with values follows
		}
		rowsLeft -= r - last
		last = r
		cellsLeft -= len(cols)
		for _, v := range cols {
			textLeft -= len(v)
		}
		if rowsLeft < 0 || cellsLeft < 0 || textLeft < 0 {
			rows.Close()
			b.add("sheet-too-large", where{sheet: name}, name, maxBookRows)
			return nil, nil
		}
		if rows.GetRowOpts().Hidden {
			hidden = append(hidden, r)
		}
		for len(g.rows) < r-1 {
			g.rows = append(g.rows, nil)
		}
		g.rows = append(g.rows, cols)
		width = max(width, len(cols))
	}
	if err := rows.Close(); err != nil {
		return nil, broken(err)
	}
	b.rowsLeft, b.cellsLeft, b.textLeft = rowsLeft, cellsLeft, textLeft
	if len(hidden) > 0 {
		b.add("rows-hidden", where{sheet: name, ref: cellRef(hidden[0], 0)}, name, rowList(hidden))
	}
	merges, err := b.x.GetMergeCells(name, true)
	if err != nil {
		return nil, broken(err)
	}
	budget := maxMergedCells
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		top := cellPos{min(r1, r2), min(c1, c2)}
		lastRow, lastCol := min(max(r1, r2), len(g.rows)), min(max(c1, c2), width)
		if cells := (lastRow - top.row + 1) * (lastCol - top.col + 1); cells > budget {
			break // a hostile file: the cells merged so far are enough
		} else if cells > 0 {
			budget -= cells
		}
		for r := top.row; r <= lastRow; r++ {
			for c := top.col; c <= lastCol; c++ {
				if p := (cellPos{r, c}); p != top {
					g.merged[p] = top
				}
			}
		}
	}
	return g, nil
}

// rowList names rows in a message: "5行目、7行目", "5行目、7行目ほか3行".
func rowList(rows []int) string {
	const shown = 5
	var names []string
	for _, r := range rows[:min(len(rows), shown)] {
		names = append(names, fmt.Sprintf("%d行目", r))
	}
	s := joinJa(names)
	if len(rows) > shown {
		s += fmt.Sprintf("ほか%d行", len(rows)-shown)
	}
	return s
}

// raw returns the value stored in a cell (1-based row, 0-based column).
func (g *grid) raw(row, col int) string {
	if row < 1 || row > len(g.rows) || col < 0 || col >= len(g.rows[row-1]) {
		return ""
	}
	return g.rows[row-1][col]
}

// value returns a cell's value and the cell it comes from. A blank cell
// below the top of a vertically merged range takes the range's value, so
// that one merged 合意内容 serves every item it spans.
func (g *grid) value(row, col int) (string, cellPos) {
	v := g.raw(row, col)
	at := cellPos{row, col + 1}
	if v == "" {
		if top, ok := g.merged[at]; ok && top.col == at.col {
			return g.raw(top.row, top.col-1), top
		}
	}
	return v, at
}

// continued reports whether a cell lies below the top row of a merged range.
func (g *grid) continued(row, col int) bool {
	top, ok := g.merged[cellPos{row, col + 1}]
	return ok && top.row < row
}

// cellError reports a formula error value as a finding and says whether
// there was one.
func (b *bookReader) cellError(g *grid, v string, src cellPos, at where) bool {
	if !errorValues[v] {
		return false
	}
	if t, err := b.x.GetCellType(g.name, src.ref()); err != nil || t != excelize.CellTypeError {
		return false
	}
	b.add("cell-error", at, v)
	return true
}

// text returns a cell as text: numbers as displayed by their number
// format, line breaks kept, surrounding spaces trimmed.
func (b *bookReader) text(g *grid, row, col int, item *Item) string {
	v, src, at, ok := b.stored(g, row, col, item)
	if !ok {
		return ""
	}
	if looksNumeric(v) {
		if shown, err := b.x.GetCellValue(g.name, src.ref(), excelize.Options{}); err == nil {
			v = shown
		}
	}
	return b.checkText(cleanText(v), at)
}

// checkText reports a cell's text that is longer than Excel allows, and
// takes out control characters, which no document can show, with a warning.
func (b *bookReader) checkText(v string, at where) string {
	if n := utf8.RuneCountInString(v); n > maxCellChars {
		b.add("cell-too-long", at, n, maxCellChars)
	}
	if i := strings.IndexFunc(v, isControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(v[i:])
		b.add("control-char", at, r)
		v = strings.Map(func(r rune) rune {
			if isControl(r) {
				return -1
			}
			return r
		}, v)
	}
	return v
}

// isControl reports a control character other than tab and line break.
func isControl(r rune) bool {
	return r != '\t' && r != '\n' && unicode.IsControl(r)
}

// brokenCell reports a cell that the row iterator read as blank because
// its value cannot be read: a shared string that does not exist.
func (b *bookReader) brokenCell(g *grid, src cellPos, at where) {
	if _, err := b.x.GetCellValue(g.name, src.ref(), excelize.Options{RawCellValue: true}); err != nil {
		b.add("cell-broken", at)
	}
}

// rawText returns a cell as stored, for values that are codes rather
// than prose (項番, 初回確認, role marks): numbers are not formatted.
func (b *bookReader) rawText(g *grid, row, col int, item *Item) string {
	v, _, at, ok := b.stored(g, row, col, item)
	if !ok {
		return ""
	}
	return b.checkText(cleanText(v), at)
}

// stored returns a cell's value as stored, where it was read from and
// where it is reported; ok is false for a missing column, a blank cell,
// and a cell that is broken or holds an error value (both reported).
func (b *bookReader) stored(g *grid, row, col int, item *Item) (v string, src cellPos, at where, ok bool) {
	if col < 0 {
		return "", src, at, false
	}
	v, src = g.value(row, col)
	at = where{g.name, cellRef(row, col), item}
	if v == "" {
		b.brokenCell(g, src, at)
		return "", src, at, false
	}
	if b.cellError(g, v, src, at) {
		return "", src, at, false
	}
	return v, src, at, true
}

// date returns a cell as a date: a date-formatted serial number, an ISO
// date cell or a date written as text. field names the value in messages.
func (b *bookReader) date(g *grid, row, col int, field string, item *Item) Date {
	if col < 0 {
		return Date{}
	}
	v, src := g.value(row, col)
	v = strings.TrimSpace(v)
	at := where{g.name, cellRef(row, col), item}
	if v == "" || b.cellError(g, v, src, at) {
		return Date{}
	}
	if looksNumeric(v) {
		if b.isDateCell(g, src) {
			if d, ok := serialDate(v, b.date1904); ok {
				return d
			}
		}
		shown, err := b.x.GetCellValue(g.name, src.ref(), excelize.Options{})
		if err != nil || shown == "" {
			shown = v
		}
		b.add("date-invalid/number", at, field, quoteValue(cleanText(shown)))
		return Date{}
	} else if d, ok := textDate(v); ok {
		return d
	}
	b.add("date-invalid", at, field, quoteValue(cleanText(v)))
	return Date{}
}

// isDateCell reports whether a cell's number format shows a date.
func (b *bookReader) isDateCell(g *grid, at cellPos) bool {
	id, err := b.x.GetCellStyle(g.name, at.ref())
	if err != nil {
		return false
	}
	isDate, ok := b.dateStyles[id]
	if !ok {
		if st, err := b.x.GetStyle(id); err == nil && st != nil {
			isDate = isDateFormat(st.NumFmt, st.CustomNumFmt)
		}
		b.dateStyles[id] = isDate
	}
	return isDate
}

// findHeader returns the first row within headerSearchRows whose cells
// include every name, compared by bareKey; 0 if there is none.
func findHeader(g *grid, names ...string) int {
	for r := 1; r <= min(len(g.rows), headerSearchRows); r++ {
		have := map[string]bool{}
		for _, v := range g.rows[r-1] {
			have[bareKey(v)] = true
		}
		all := true
		for _, n := range names {
			all = all && have[n]
		}
		if all {
			return r
		}
	}
	return 0
}

var (
	reVendorLabel  = regexp.MustCompile(`^事業者([A-Z]{1,2})$`)
	reContactLabel = regexp.MustCompile(`^事業者([A-Z]{1,2})担当者$`)
)

// readInfo reads 基本情報: labels in column A, values in column B.
func (b *bookReader) readInfo(g *grid, info *Info) {
	seen := map[string]int{} // label key -> row
	type contact struct {
		key, label, value string
		row               int
	}
	var contacts []contact
	var docKind string
	docRow := 0
	at := func(row int) where { return where{sheet: g.name, ref: cellRef(row, 1)} }
	for r := 1; r <= len(g.rows); r++ {
		label := b.text(g, r, 0, nil)
		key := bareKey(label)
		if key == "" {
			continue
		}
		if first, dup := seen[key]; dup {
			b.add("basic-duplicate", where{sheet: g.name, ref: cellRef(r, 0)}, label, first, r, first)
			continue
		}
		seen[key] = r
		switch key {
		case "医療機関名":
			info.Hospital.Name = b.text(g, r, 1, nil)
			info.Hospital.Cell = Cell{g.name, cellRef(r, 1)}
		case "対象システム":
			info.System = b.text(g, r, 1, nil)
		case "文書種別":
			docKind, docRow = b.text(g, r, 1, nil), r
		case "契約名":
			info.Contract = b.text(g, r, 1, nil)
		case "初回確認日":
			info.FirstDate = b.date(g, r, 1, "初回確認日", nil)
		case "作成日":
			info.Created = b.date(g, r, 1, "作成日", nil)
		case "版数":
			info.Version = b.text(g, r, 1, nil)
		case "医療機関担当者":
			info.Hospital.Contact = b.text(g, r, 1, nil)
		default:
			if m := reVendorLabel.FindStringSubmatch(key); m != nil {
				info.Vendors = append(info.Vendors, Party{Key: m[1], Name: b.text(g, r, 1, nil), Cell: Cell{g.name, cellRef(r, 1)}})
			} else if m := reContactLabel.FindStringSubmatch(key); m != nil {
				contacts = append(contacts, contact{m[1], label, b.text(g, r, 1, nil), r})
			}
		}
	}
	for _, ct := range contacts {
		found := false
		for i := range info.Vendors {
			if info.Vendors[i].Key == ct.key {
				info.Vendors[i].Contact, found = ct.value, true
			}
		}
		if !found {
			b.add("vendor-unknown/contact", where{sheet: g.name, ref: cellRef(ct.row, 0)}, ct.label, ct.key, ct.key)
		}
	}
	for _, req := range []struct{ label, what, value string }{
		{"医療機関名", "医療機関の名称", info.Hospital.Name},
		{"対象システム", "対象システムの名称", info.System},
	} {
		row, ok := seen[req.label]
		switch {
		case !ok:
			b.add("basic-missing/label", where{sheet: g.name}, req.label, req.label)
		case req.value == "":
			b.add("basic-missing/value", at(row), req.label, req.what)
		}
	}
	if len(info.Vendors) == 0 {
		b.add("basic-missing/vendor", where{sheet: g.name})
	}
	for _, v := range info.Vendors {
		if v.Name == "" {
			row, _ := seen["事業者"+v.Key]
			b.add("basic-missing/value", at(row), "事業者"+v.Key, "事業者の名称")
		}
	}
	switch foldKey(docKind) {
	case "", foldKey("契約書別紙"):
	case "SLA":
		info.DocKind = "SLA"
	default:
		b.add("basic-invalid", at(docRow), quoteValue(docKind))
	}
	if info.FirstDate.IsZero() {
		if row, ok := seen["初回確認日"]; !ok {
			b.add("first-date-missing", where{sheet: g.name})
		} else if g.raw(row, 1) == "" {
			b.add("first-date-missing/value", at(row))
		}
	}
}
