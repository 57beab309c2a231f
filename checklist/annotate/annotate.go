// Package annotate writes the annotated copy of a workbook: every finding's
// cell gets an Excel comment holding the message and a fill colour (errors
// and warnings differ), and a first sheet 「確認結果」 lists every finding
// with a link to its cell. Everything else of the workbook (values,
// formats, data validations, print setup, a password) is kept; the input
// itself is only read.
package annotate

import (
	"fmt"
	"io"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/xuri/excelize/v2"
)

// SheetName is the name of the sheet listing the findings. When the
// workbook already has a sheet of that name, "確認結果 (2)" and so on.
const SheetName = "確認結果"

// Fill colours of a finding's cell, by its most serious finding.
const (
	ErrorFill   = "FFC7CE" // light red
	WarningFill = "FFEB9C" // light yellow
	InfoFill    = "DDEBF7" // light blue
)

// author is the author of the comments.
const author = "annexgen"

// Limits of the copy: the reader refuses larger workbooks before they get
// here, these keep a copy made of another workbook bounded too.
const (
	maxUnzipBytes    = 128 << 20
	maxUnzipXMLBytes = 16 << 20
	maxCommentChars  = 32000 // a comment is a cell-like text: Excel keeps 32,767 characters
)

// Write writes to w a copy of the workbook of size bytes in r, annotated
// with findings (those of reading it with the same opt). A password of opt
// opens the workbook and protects the copy alike. Findings about a sheet
// the workbook does not have, or about no cell, are listed on the
// 「確認結果」 sheet only.
func Write(w io.Writer, r io.ReaderAt, size int64, findings checklist.Findings, opt checklist.Options) (err error) {
	defer func() {
		// excelize may panic on a workbook the reader could read around.
		if p := recover(); p != nil {
			err = fmt.Errorf("確認結果つきの確認表を作れません（ブックの一部が壊れています: %v）", p)
		}
	}()
	x, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		Password:          opt.Password,
		UnzipSizeLimit:    maxUnzipBytes,
		UnzipXMLSizeLimit: maxUnzipXMLBytes,
	})
	if err != nil {
		return fmt.Errorf("確認結果つきの確認表を作れません（ブックを開けません: %w）", err)
	}
	defer x.Close()
	a := &annotator{x: x, styles: map[styleKey]int{}}
	if err := a.mark(findings); err != nil {
		return fmt.Errorf("確認結果つきの確認表を作れません（%w）", err)
	}
	if err := a.summary(findings); err != nil {
		return fmt.Errorf("確認結果つきの確認表を作れません（%w）", err)
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("確認結果つきの確認表を書き込めません（%w）", err)
	}
	return nil
}

// annotator marks one workbook.
type annotator struct {
	x      *excelize.File
	styles map[styleKey]int // the fill styles made so far
}

// styleKey is a cell's own style and the severity whose fill is added to it.
type styleKey struct {
	base     int
	severity checklist.Severity
}

// spot is one cell with findings, in the order first found.
type spot struct {
	sheet, cell string
	worst       checklist.Severity
	lines       []string
}

// spots groups the findings by the cell they name, leaving out those
// without a cell or on a sheet the workbook lacks.
func (a *annotator) spots(findings checklist.Findings) []*spot {
	var out []*spot
	seen := map[[2]string]*spot{}
	for _, f := range findings {
		if f.Cell == "" || !a.hasSheet(f.Sheet) {
			continue
		}
		if _, _, err := excelize.CellNameToCoordinates(f.Cell); err != nil {
			continue
		}
		key := [2]string{f.Sheet, f.Cell}
		s := seen[key]
		if s == nil {
			s = &spot{sheet: f.Sheet, cell: f.Cell, worst: f.Severity}
			seen[key] = s
			out = append(out, s)
		}
		s.worst = max(s.worst, f.Severity)
		s.lines = append(s.lines, "【"+f.Severity.Japanese()+"】"+f.Message)
	}
	return out
}

// hasSheet reports whether the workbook has a sheet of that name.
func (a *annotator) hasSheet(name string) bool {
	i, err := a.x.GetSheetIndex(name)
	return name != "" && err == nil && i >= 0
}

// mark adds the comment and the fill of every cell with findings.
func (a *annotator) mark(findings checklist.Findings) error {
	comments := map[string]map[string]string{} // sheet → cell → the comment it has
	for _, s := range a.spots(findings) {
		have, ok := comments[s.sheet]
		if !ok {
			list, err := a.x.GetComments(s.sheet)
			if err != nil {
				return err
			}
			have = map[string]string{}
			for _, c := range list {
				have[c.Cell] = commentText(c)
			}
			comments[s.sheet] = have
		}
		if err := a.comment(s, have[s.cell]); err != nil {
			return err
		}
		if err := a.fill(s); err != nil {
			return err
		}
	}
	return nil
}

// comment puts the messages of s in the cell's comment, after the text of
// a comment the cell already has.
func (a *annotator) comment(s *spot, existing string) error {
	text := strings.Join(s.lines, "\n")
	if existing != "" {
		if err := a.x.DeleteComment(s.sheet, s.cell); err != nil {
			return err
		}
		text = existing + "\n\n" + text
	}
	if r := []rune(text); len(r) > maxCommentChars {
		text = string(r[:maxCommentChars]) + "…"
	}
	return a.x.AddComment(s.sheet, excelize.Comment{
		Cell:      s.cell,
		Author:    author,
		Paragraph: []excelize.RichTextRun{{Text: author + ":\n", Font: &excelize.Font{Bold: true}}, {Text: text}},
		Width:     320,
		Height:    40 + 20*uint(min(len(s.lines), 10)),
	})
}

// commentText is the plain text of a comment.
func commentText(c excelize.Comment) string {
	if c.Text != "" || len(c.Paragraph) == 0 {
		return c.Text
	}
	var b strings.Builder
	for _, r := range c.Paragraph {
		b.WriteString(r.Text)
	}
	return b.String()
}

// fill gives the cell of s the fill of its worst finding on top of the
// cell's own style, so that its number format, font and borders stay.
func (a *annotator) fill(s *spot) error {
	base, err := a.x.GetCellStyle(s.sheet, s.cell)
	if err != nil {
		return err
	}
	key := styleKey{base, s.worst}
	id, ok := a.styles[key]
	if !ok {
		style, err := a.x.GetStyle(base)
		if err != nil || style == nil {
			style = &excelize.Style{}
		}
		style.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillColour(s.worst)}}
		if id, err = a.x.NewStyle(style); err != nil {
			return err
		}
		a.styles[key] = id
	}
	return a.x.SetCellStyle(s.sheet, s.cell, s.cell, id)
}

// fillColour is the fill of a cell whose worst finding has severity s.
func fillColour(s checklist.Severity) string {
	switch s {
	case checklist.SeverityError:
		return ErrorFill
	case checklist.SeverityWarning:
		return WarningFill
	}
	return InfoFill
}
