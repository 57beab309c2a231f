package xlsx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/annexgen/annexgen/checklist"
	"github.com/xuri/excelize/v2"
)

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
	ranges [][2]cellPos        // the merged ranges within the sheet's cells: top-left, bottom-right
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
		if r%256 == 0 && b.late() {
			rows.Close()
			return nil, &FileError{Reason: fmt.Sprintf(reasonTooSlow, int(maxReadTime.Seconds()))}
		}
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
			b.add(checklist.MsgSheetTooLarge, where{sheet: name}, name, maxBookRows)
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
		b.add(checklist.MsgRowsHidden, where{sheet: name, ref: cellRef(hidden[0], 0)}, name, rowList(hidden))
	}
	if err := b.mergedCells(g, width); err != nil {
		return nil, broken(err)
	}
	return g, nil
}

// mergedCells reads a sheet's merged ranges within its width columns
// into g, up to maxMergedCells cells.
func (b *bookReader) mergedCells(g *grid, width int) error {
	merges, err := b.x.GetMergeCells(g.name, true)
	if err != nil {
		return err
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
			g.ranges = append(g.ranges, [2]cellPos{top, {lastRow, lastCol}})
		}
		for r := top.row; r <= lastRow; r++ {
			for c := top.col; c <= lastCol; c++ {
				if p := (cellPos{r, c}); p != top {
					g.merged[p] = top
				}
			}
		}
	}
	return nil
}

// late reports whether the time for reading the workbook is up.
func (b *bookReader) late() bool { return !b.deadline.IsZero() && time.Now().After(b.deadline) }

// rowList names rows in a message: "5行目、7行目", "5行目、7行目ほか3行".
func rowList(rows []int) string {
	const shown = 5
	var names []string
	for _, r := range rows[:min(len(rows), shown)] {
		names = append(names, fmt.Sprintf("%d行目", r))
	}
	s := strings.Join(names, "、")
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
	b.add(checklist.MsgCellError, at, v)
	return true
}

// text returns a cell as text: numbers as displayed by their number
// format, line breaks kept, surrounding spaces trimmed.
func (b *bookReader) text(g *grid, row, col int, item *checklist.Item) string {
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
		b.add(checklist.MsgCellTooLong, at, n, maxCellChars)
	}
	if i := strings.IndexFunc(v, isControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(v[i:])
		b.add(checklist.MsgControlChar, at, r)
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
		b.add(checklist.MsgCellBroken, at)
	}
}

// rawText returns a cell as stored, for values that are codes rather
// than prose (項番, 初回確認, role marks): numbers are not formatted.
func (b *bookReader) rawText(g *grid, row, col int, item *checklist.Item) string {
	v, _, at, ok := b.stored(g, row, col, item)
	if !ok {
		return ""
	}
	return b.checkText(cleanText(v), at)
}

// stored returns a cell's value as stored, where it was read from and
// where it is reported; ok is false for a missing column, a blank cell,
// and a cell that is broken or holds an error value (both reported).
func (b *bookReader) stored(g *grid, row, col int, item *checklist.Item) (v string, src cellPos, at where, ok bool) {
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
func (b *bookReader) date(g *grid, row, col int, field string, item *checklist.Item) checklist.Date {
	if col < 0 {
		return checklist.Date{}
	}
	v, src := g.value(row, col)
	v = strings.TrimSpace(v)
	at := where{g.name, cellRef(row, col), item}
	if v == "" || b.cellError(g, v, src, at) {
		return checklist.Date{}
	}
	if looksNumeric(v) {
		if b.isDateCell(g, src) {
			if d, ok := serialDate(v, b.date1904); ok {
				return d
			}
			b.add(checklist.MsgDateOutOfRange, at, field, checklist.Quote(v))
			return checklist.Date{}
		}
		shown, err := b.x.GetCellValue(g.name, src.ref(), excelize.Options{})
		if err != nil || shown == "" {
			shown = v
		}
		b.add(checklist.MsgDateInvalidNumber, at, field, checklist.Quote(cleanText(shown)))
		return checklist.Date{}
	} else if d, ok := textDate(v); ok {
		return d
	}
	b.add(checklist.MsgDateInvalid, at, field, checklist.Quote(cleanText(v)))
	return checklist.Date{}
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
