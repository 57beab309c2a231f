package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// ItemRows are the rows (1-based, ascending) of the items of each Part
// sheet of a workbook, by the sheet's name as written.
type ItemRows map[string][]int

// Total returns the number of item rows of all sheets.
func (ir ItemRows) Total() int {
	n := 0
	for _, rows := range ir {
		n += len(rows)
	}
	return n
}

// CountItems counts the item rows of a workbook a second way, sharing
// nothing with Load and Read but the file: it streams the package's XML
// with archive/zip and encoding/xml, takes as a Part sheet every sheet
// with a header row of 項番, 項目, 内容 and 合意内容 or 初回確認 in its
// first 30 rows, and counts below it every row whose 項番 holds a number
// and whose other headed cells are not all blank. A pipeline compares the
// count with what was read, so that a reader's mistake cannot shorten a
// document. The workbook must have been read by Load or Read first: their
// bounds are not checked again.
func CountItems(r io.ReaderAt, size int64, password string) (ItemRows, error) {
	head := make([]byte, 8)
	if n, _ := r.ReadAt(head, 0); n == 8 && bytes.Equal(head, oleSignature) {
		raw := make([]byte, size)
		if _, err := r.ReadAt(raw, 0); err != nil && err != io.EOF {
			return nil, err
		}
		dec, err := excelize.Decrypt(raw, &excelize.Options{Password: password})
		if err != nil {
			return nil, err
		}
		r, size = bytes.NewReader(dec), int64(len(dec))
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	ct := counter{files: files}
	return ct.count()
}

// counter holds a package's entries by lower-case name.
type counter struct {
	files   map[string]*zip.File
	strings []string // the shared strings
}

var errNoWorkbook = errors.New("xlsx: no workbook part")

func (ct *counter) count() (ItemRows, error) {
	book := ""
	for _, r := range ct.relations("_rels/.rels") {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			if t := target("", r.Target); ct.files[strings.ToLower(t)] != nil && ct.root(t) == "workbook" {
				book = t
				break
			}
		}
	}
	if book == "" && ct.files["xl/workbook.xml"] != nil {
		book = "xl/workbook.xml"
	}
	if book == "" {
		return nil, errNoWorkbook
	}
	dir := path.Dir(book)
	parts := map[string]string{}
	for _, r := range ct.relations(path.Join(dir, "_rels", path.Base(book)+".rels")) {
		parts[r.ID] = target(dir, r.Target)
		if strings.HasSuffix(r.Type, "/sharedStrings") && ct.strings == nil {
			ct.strings = ct.sharedStrings(parts[r.ID])
		}
	}
	if ct.strings == nil {
		ct.strings = ct.sharedStrings("xl/sharedStrings.xml")
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := ct.decode(book, &wb); err != nil {
		return nil, err
	}
	items := ItemRows{}
	for _, s := range wb.Sheets {
		cells, err := ct.sheetCells(parts[s.RID])
		if err != nil {
			return nil, err
		}
		if rows, ok := itemRowsOf(cells); ok {
			items[s.Name] = rows
		}
	}
	return items, nil
}

// rel is one relationship.
type rel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func (ct *counter) relations(name string) []rel {
	var doc struct {
		Rels []rel `xml:"Relationship"`
	}
	if ct.decode(name, &doc) != nil {
		return nil
	}
	return doc.Rels
}

// target resolves a relationship target from the folder dir.
func target(dir, t string) string {
	t = strings.ReplaceAll(t, "\\", "/")
	if !strings.HasPrefix(t, "/") {
		t = path.Join("/", dir, t)
	}
	return strings.TrimPrefix(path.Clean(t), "/")
}

func (ct *counter) open(name string) (io.ReadCloser, error) {
	f := ct.files[strings.ToLower(name)]
	if f == nil {
		return nil, errors.New("xlsx: no part " + name)
	}
	return f.Open()
}

func (ct *counter) decode(name string, v any) error {
	rc, err := ct.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// root returns the local name of a part's root element.
func (ct *counter) root(name string) string {
	rc, err := ct.open(name)
	if err != nil {
		return ""
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if s, ok := tok.(xml.StartElement); ok {
			return s.Name.Local
		}
	}
}

// sharedStrings reads the shared strings: each <si>'s text runs, without
// the phonetic guides (<rPh>).
func (ct *counter) sharedStrings(name string) []string {
	rc, err := ct.open(name)
	if err != nil {
		return []string{}
	}
	defer rc.Close()
	var out []string
	var cur strings.Builder
	inText, phonetic := false, 0
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err != nil {
			if out == nil {
				out = []string{}
			}
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				cur.Reset()
			case "rPh":
				phonetic++
			case "t":
				inText = phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cur.String())
			case "rPh":
				phonetic--
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
}

// sheetCells reads a worksheet's cell values: row -> column -> text.
func (ct *counter) sheetCells(name string) (map[int]map[int]string, error) {
	rc, err := ct.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	cells := map[int]map[int]string{}
	row, col := 0, 0
	var kind string
	var val strings.Builder
	inValue, inCell, phonetic := false, false, 0
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return cells, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row++
				if n, err := strconv.Atoi(attrOf(t, "r")); err == nil {
					row = n
				}
				col = 0
			case "c":
				col++
				if ref := attrOf(t, "r"); ref != "" {
					if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
						col, row = c, r
					}
				}
				kind, inCell = attrOf(t, "t"), true
				val.Reset()
			case "rPh":
				phonetic++
			case "v", "t":
				inValue = inCell && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				inCell = false
				v := val.String()
				if kind == "s" {
					if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && i >= 0 && i < len(ct.strings) {
						v = ct.strings[i]
					} else {
						v = ""
					}
				}
				if kind == "e" {
					v = ""
				}
				if cells[row] == nil {
					cells[row] = map[int]string{}
				}
				cells[row][col] = v
			case "rPh":
				phonetic--
			case "v", "t":
				inValue = false
			}
		case xml.CharData:
			if inValue {
				val.Write(t)
			}
		}
	}
}

func attrOf(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// countKey normalises a header text: half-width letters and digits, no
// spaces, no remark in brackets, no trailing mark.
func countKey(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case strings.ContainsRune("([【〔<《", r):
			depth++
		case strings.ContainsRune(")]】〕>》", r):
			depth = max(depth-1, 0)
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.TrimRight(b.String(), "*※:：")
}

// reItemNumberCount matches a 項番 that numbers an item: "1", "A-1", "A1".
var reItemNumberCount = regexp.MustCompile(`^[A-Za-z]{0,2}[\s\-‐‑–—―−ーｰ_]*[0-9]`)

// itemRowsOf finds a Part sheet's header row and returns its item rows;
// ok is false for a sheet that is not a Part sheet.
func itemRowsOf(cells map[int]map[int]string) (rows []int, ok bool) {
	header, number := 0, 0
	for r := 1; r <= 30 && header == 0; r++ {
		have := map[string]int{}
		for c, v := range cells[r] {
			have[countKey(v)] = c
		}
		_, title := have["項目"]
		_, content := have["内容"]
		_, agreement := have["合意内容"]
		_, check := have["初回確認"]
		if n, ok := have["項番"]; ok && title && content && (agreement || check) {
			header, number = r, n
		}
	}
	if header == 0 {
		return nil, false
	}
	headed := map[int]bool{}
	for _, hr := range []int{header, header + 1} {
		for c, v := range cells[hr] {
			if strings.TrimSpace(v) != "" && c != number {
				headed[c] = true
			}
		}
	}
	for r, cs := range cells {
		if r <= header || !reItemNumberCount.MatchString(strings.TrimSpace(width.Fold.String(cs[number]))) {
			continue
		}
		for c, v := range cs {
			if headed[c] && !blankMark(v) {
				rows = append(rows, r)
				break
			}
		}
	}
	sort.Ints(rows)
	return rows, true
}

// blankMark reports a cell that holds nothing but spaces or a dash (no role).
func blankMark(v string) bool {
	v = strings.TrimFunc(v, unicode.IsSpace)
	switch v {
	case "", "-", "－", "ー", "―", "‐", "−", "ｰ":
		return true
	}
	return false
}
