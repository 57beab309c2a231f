package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// span is an element's bytes in a part, and its row or column number.
type span struct {
	start, end int64
	n          int
	cells      []span // a row's cells
	body       int64  // a row: where its content starts
}

// partScan streams one XML part within the bounds, and for a worksheet
// notes where its rows and cells are, to put them in order.
type partScan struct {
	name                  string
	elements, rows, cells int
	merges                int
	sheet                 bool  // the root is <worksheet>
	dataStart, dataEnd    int64 // content of <sheetData>
	rowSpans              []span
	rowSeen               map[int]bool
	row                   *span // the row being read
	nextRow               int
	unordered             bool
	duplicateRow          int
}

// scanPart reads a part and checks it against the bounds. A worksheet
// whose rows or cells are out of order comes back in order (sorted);
// otherwise sorted is nil. A part that is not well-formed XML is left to
// excelize, which says which sheet is broken.
func scanPart(f *zip.File, name string) (sorted []byte, reason string, err error) {
	rc, err := f.Open()
	if err != nil {
		return nil, "", nil
	}
	data, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
	rc.Close()
	if err != nil {
		return nil, "", nil // a damaged entry: excelize reports it
	}
	if len(data) > maxPartBytes {
		return nil, fmt.Sprintf(reasonPartLarge, name), nil
	}
	s := &partScan{name: name}
	if reason := s.scan(data); reason != "" {
		return nil, reason, nil
	}
	if s.duplicateRow > 0 {
		return nil, fmt.Sprintf(reasonRowTwice, name, s.duplicateRow), nil
	}
	if !s.sheet || !s.unordered || s.dataEnd == 0 {
		return nil, "", nil
	}
	return s.sorted(data), "", nil
}

// scan streams the tokens of data.
func (s *partScan) scan(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	depth := 0
	for {
		before := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			return "" // end of part, or not XML: excelize judges
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			s.elements++
			if depth > maxXMLDepth {
				return fmt.Sprintf(reasonPartDeep, s.name, maxXMLDepth)
			}
			if r := s.start(t, depth, before, d.InputOffset()); r != "" {
				return r
			}
		case xml.EndElement:
			s.end(t, depth, before, d.InputOffset())
			depth--
		}
	}
}

// start notes an element that opens at offset before, its tag ending at after.
func (s *partScan) start(t xml.StartElement, depth int, before, after int64) string {
	switch {
	case s.elements > maxPartElements:
		return fmt.Sprintf(reasonPartElements, s.name, fmt.Sprintf("%d個超", maxPartElements))
	case depth == 1:
		s.sheet = t.Name.Local == "worksheet"
	case !s.sheet:
	case depth == 2 && t.Name.Local == "sheetData":
		s.dataStart = after
	case depth == 2 && t.Name.Local == "mergeCells":
	case depth == 3 && t.Name.Local == "mergeCell":
		if s.merges++; s.merges > maxSheetMerges {
			return fmt.Sprintf(reasonPartElements, s.name, fmt.Sprintf("結合セル%d個超", maxSheetMerges))
		}
	case depth == 3 && t.Name.Local == "row" && s.dataStart > 0:
		if s.rows++; s.rows > maxSheetRows {
			return fmt.Sprintf(reasonPartElements, s.name, fmt.Sprintf("行%d個超", maxSheetRows))
		}
		n := s.nextRow
		if v, ok := attr(t, "r"); ok {
			if r, err := strconv.Atoi(v); err == nil && r > 0 {
				n = r
			}
		}
		if n == 0 {
			n = 1
		}
		if s.rowSeen == nil {
			s.rowSeen = map[int]bool{}
		}
		switch {
		case s.rowSeen[n]:
			if s.duplicateRow == 0 {
				s.duplicateRow = n
			}
		case len(s.rowSpans) > 0 && n < s.rowSpans[len(s.rowSpans)-1].n:
			s.unordered = true
		}
		s.rowSeen[n] = true
		s.nextRow = n + 1
		s.rowSpans = append(s.rowSpans, span{start: before, n: n, body: after})
		s.row = &s.rowSpans[len(s.rowSpans)-1]
	case depth == 4 && t.Name.Local == "c" && s.row != nil:
		if s.cells++; s.cells > maxSheetCells {
			return fmt.Sprintf(reasonPartElements, s.name, fmt.Sprintf("セル%d個超", maxSheetCells))
		}
		col := 1
		if k := len(s.row.cells); k > 0 {
			col = s.row.cells[k-1].n + 1
		}
		if v, ok := attr(t, "r"); ok {
			if c := columnOf(v); c > 0 {
				col = c
			}
		}
		if k := len(s.row.cells); k > 0 && col <= s.row.cells[k-1].n {
			s.unordered = true
		}
		s.row.cells = append(s.row.cells, span{start: before, n: col})
	}
	return ""
}

// end notes the end of an element, at offset after.
func (s *partScan) end(t xml.EndElement, depth int, before, after int64) {
	switch {
	case !s.sheet:
	case depth == 2 && t.Name.Local == "sheetData" && s.dataStart > 0:
		s.dataEnd = before
		if after == before { // <sheetData/>
			s.dataEnd = 0
		}
	case depth == 3 && t.Name.Local == "row" && s.row != nil:
		s.row.end = after
		s.row = nil
	case depth == 4 && t.Name.Local == "c" && s.row != nil && len(s.row.cells) > 0:
		s.row.cells[len(s.row.cells)-1].end = after
	}
}

// sorted returns data with the rows of <sheetData> in row order and each
// row's cells in column order.
func (s *partScan) sorted(data []byte) []byte {
	rows := slices.Clone(s.rowSpans)
	slices.SortStableFunc(rows, func(a, b span) int { return a.n - b.n })
	var out bytes.Buffer
	out.Grow(len(data))
	out.Write(data[:s.dataStart])
	for _, r := range rows {
		if r.end == 0 {
			return nil // a row that never closed: excelize reports the sheet
		}
		if len(r.cells) == 0 {
			out.Write(data[r.start:r.end])
			continue
		}
		cells := slices.Clone(r.cells)
		slices.SortStableFunc(cells, func(a, b span) int { return a.n - b.n })
		out.Write(data[r.start:r.cells[0].start])
		for _, c := range cells {
			if c.end == 0 {
				return nil
			}
			out.Write(data[c.start:c.end])
		}
		out.Write(data[r.cells[len(r.cells)-1].end:r.end])
	}
	out.Write(data[s.dataEnd:])
	return out.Bytes()
}

// attr returns an attribute of an element by its local name.
func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// columnOf returns the 1-based column of a cell reference ("C12" is 3), 0
// if it has none.
func columnOf(ref string) int {
	col := 0
	for i := 0; i < len(ref) && col <= 1<<20; i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
	}
	return col
}
