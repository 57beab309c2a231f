package xlsx

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/checklist"
)

func TestSheets(t *testing.T) {
	data, err := os.ReadFile("../../samples/hospital.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	r := bytes.NewReader(data)
	sheets, err := Sheets(r, int64(len(data)), checklist.Options{}, []string{"Part2", "無いシート", "基本情報"},
		SheetBounds{Rows: 1000, Cols: 50, CellChars: 1000, Text: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) != 2 || sheets[0].Name != "Part2" || sheets[1].Name != "基本情報" {
		t.Fatalf("sheets %v", sheets)
	}
	c, _, err := Read(r, int64(len(data)), "hospital.xlsx", checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	it := c.Parts[len(c.Parts)-1].Items()[0]
	row := sheets[0].Rows[it.Row-1]
	if !strings.Contains(strings.Join(row, "|"), it.Title) {
		t.Errorf("row %d of Part2 %q lacks the item's title %q", it.Row, row, it.Title)
	}

	// Bounds cut rows, columns and long text.
	small, err := Sheets(r, int64(len(data)), checklist.Options{}, []string{"Part2"}, SheetBounds{Rows: 3, Cols: 2, CellChars: 4, Text: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	s := small[0]
	if !s.Cut || len(s.Rows) > 3 {
		t.Errorf("not cut: %d rows, cut %v", len(s.Rows), s.Cut)
	}
	for _, row := range s.Rows {
		if len(row) > 2 {
			t.Errorf("row of %d columns", len(row))
		}
		for _, v := range row {
			if len([]rune(v)) > 5 {
				t.Errorf("cell %q longer than 4 characters and …", v)
			}
		}
	}

	// Not a workbook.
	if _, err := Sheets(strings.NewReader("not"), 3, checklist.Options{}, []string{"Part2"}, SheetBounds{}); err == nil {
		t.Error("no error for a text file")
	}
}
