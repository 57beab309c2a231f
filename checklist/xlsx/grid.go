package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/annexgen/annexgen/checklist"
	"github.com/xuri/excelize/v2"
)

// Sheet is the text of a sheet's cells, as Excel shows them, for showing a
// workbook as a table.
type Sheet struct {
	Name string     `json:"name"`
	Rows [][]string `json:"rows"` // Rows[i][j] is row i+1, column j+1; a row ends at its last value
	// Cut says that rows, columns or text past the bounds were left out.
	Cut bool `json:"cut,omitempty"`
}

// SheetBounds bound what Sheets returns.
type SheetBounds struct {
	Rows, Cols int // rows and columns of each sheet
	CellChars  int // characters of a cell; longer text ends in "…"
	Text       int // bytes of text in all
}

// Sheets reads the cell texts of the named sheets of a workbook held in r
// (those it has, in the order asked), within bounds. It is meant for a
// workbook that Read has read; the error says why it cannot be opened.
func Sheets(r io.ReaderAt, size int64, opt checklist.Options, names []string, b SheetBounds) (sheets []Sheet, err error) {
	defer func() {
		if p := recover(); p != nil {
			sheets, err = nil, fileError("", reasonBroken, &panicError{p, debug.Stack()})
		}
	}()
	// The package is checked and put in order as Read does it, so that no
	// part is spilled to a temporary file.
	reason, _, pkg := sniffPackage(r, size, opt)
	if reason != "" {
		return nil, fileError("", reason, nil)
	}
	src := io.NewSectionReader(r, 0, size)
	if pkg != nil {
		src = io.NewSectionReader(bytes.NewReader(pkg), 0, int64(len(pkg)))
	}
	x, err := excelize.OpenReader(src, excelizeOptions(opt, ""))
	if err != nil {
		return nil, fileError("", openReason(err, false), err)
	}
	defer x.Close()
	text := b.Text
	for _, name := range names {
		if i, err := x.GetSheetIndex(name); err != nil || i < 0 {
			continue
		}
		s, err := sheetText(x, name, b, &text)
		if err != nil {
			return nil, err
		}
		sheets = append(sheets, s)
	}
	return sheets, nil
}

// sheetText reads one sheet within b, taking its text from the budget left.
func sheetText(x *excelize.File, name string, b SheetBounds, left *int) (Sheet, error) {
	s := Sheet{Name: name, Rows: [][]string{}}
	rows, err := x.Rows(name)
	if err != nil {
		return s, fileError("", fmt.Sprintf(reasonBrokenSheet, name), err)
	}
	defer rows.Close()
	for r := 0; rows.Next(); r++ {
		if r >= b.Rows || *left <= 0 {
			s.Cut = true
			break
		}
		cols, err := rows.Columns()
		if err != nil {
			return s, fileError("", fmt.Sprintf(reasonBrokenSheet, name), err)
		}
		if len(cols) > b.Cols {
			cols, s.Cut = cols[:b.Cols], true
		}
		for j, v := range cols {
			if rs := []rune(v); len(rs) > b.CellChars {
				cols[j], s.Cut = string(rs[:b.CellChars])+"…", true
			}
			*left -= len(cols[j])
		}
		s.Rows = append(s.Rows, cols)
	}
	// Trailing empty rows say nothing.
	for len(s.Rows) > 0 && len(s.Rows[len(s.Rows)-1]) == 0 {
		s.Rows = s.Rows[:len(s.Rows)-1]
	}
	return s, nil
}
