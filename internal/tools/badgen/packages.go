package badgen

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`

// The sheet parts of Part1 and Part2 in good(2).
const (
	part1Sheet = "xl/worksheets/sheet2.xml"
	part2Sheet = "xl/worksheets/sheet3.xml"
)

// entry is one entry of a zip to write: data deflated under name, or kept
// as it is when stored is set. When raw is set, data is already compressed
// and raw is its header (name aside).
type entry struct {
	name   string
	data   []byte
	stored bool
	raw    *zip.FileHeader
}

// entryEdit changes the name, content or header of one entry of a zip.
type entryEdit func(e *entry) error

// zipOf returns a zip archive of name, content pairs.
func zipOf(files ...string) ([]byte, error) {
	var entries []entry
	for i := 0; i+1 < len(files); i += 2 {
		entries = append(entries, entry{name: files[i], data: []byte(files[i+1])})
	}
	return writeZip(entries)
}

// editGood saves good(2), changed by set unless it is nil, and repacks it.
func editGood(set func(*excelize.File) error, edit entryEdit, add ...entry) ([]byte, error) {
	b, err := bookBytes(good(2), set)
	if err != nil {
		return nil, err
	}
	return repack(b, edit, add...)
}

// repack rewrites the zip b: every entry, in its order, goes through edit
// (unless it is nil), and the entries of add follow.
func repack(b []byte, edit entryEdit, add ...entry) ([]byte, error) {
	entries, err := readZip(b)
	if err != nil {
		return nil, err
	}
	for i := range entries {
		if edit != nil {
			if err := edit(&entries[i]); err != nil {
				return nil, err
			}
		}
	}
	return writeZip(append(entries, add...))
}

// readZip returns the entries of the zip b, uncompressed, in their order.
func readZip(b []byte) ([]entry, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	entries := make([]entry, 0, len(zr.File))
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		entries = append(entries, entry{name: f.Name, data: data})
	}
	return entries, nil
}

// writeZip returns a zip of entries, in their order.
func writeZip(entries []entry) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		var w io.Writer
		var err error
		switch {
		case e.raw != nil:
			h := *e.raw
			h.Name = e.name
			w, err = zw.CreateRaw(&h)
		case e.stored:
			w, err = zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Store})
		default:
			w, err = zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		}
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return buf.Bytes(), err
}

// part returns one part of a saved workbook.
func part(b []byte, name string) (string, error) {
	entries, err := readZip(b)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if e.name == name {
			return string(e.data), nil
		}
	}
	return "", fmt.Errorf("no part %s", name)
}

// inPart returns an edit that passes the text of the part name through f.
func inPart(name string, f func(string) (string, error)) entryEdit {
	return func(e *entry) error {
		if e.name != name {
			return nil
		}
		s, err := f(string(e.data))
		e.data = []byte(s)
		return err
	}
}

// inParts returns an edit that passes the text of each part of names
// through f, which cannot fail.
func inParts(f func(string) string, names ...string) entryEdit {
	return func(e *entry) error {
		for _, name := range names {
			if e.name == name {
				e.data = []byte(f(string(e.data)))
			}
		}
		return nil
	}
}

// setPart returns an edit that gives the part name the content data.
func setPart(name, data string) entryEdit {
	return inParts(func(string) string { return data }, name)
}

// replaceIn returns an edit that replaces the first n old by new in the
// part name (every one when n < 0).
func replaceIn(name, old, new string, n int) entryEdit {
	return inParts(func(s string) string { return strings.Replace(s, old, new, n) }, name)
}

// rename returns an edit that renames the part name to newName.
func rename(name, newName string) entryEdit {
	return func(e *entry) error {
		if e.name == name {
			e.name = newName
		}
		return nil
	}
}

// part1Cells returns an edit that replaces <c> elements of Part1's sheet
// part, given as pairs of a cell reference and its new element.
func part1Cells(cells ...string) entryEdit {
	return inPart(part1Sheet, func(s string) (string, error) {
		var err error
		for i := 0; i+1 < len(cells) && err == nil; i += 2 {
			s, err = replaceCell(s, cells[i], cells[i+1])
		}
		return s, err
	})
}

// edits returns an edit that applies each of list in turn.
func edits(list ...entryEdit) entryEdit {
	return func(e *entry) error {
		for _, edit := range list {
			if err := edit(e); err != nil {
				return err
			}
		}
		return nil
	}
}

// replaceCell replaces the <c> element of ref in a sheet's XML.
func replaceCell(sheet, ref, cell string) (string, error) {
	start := strings.Index(sheet, `<c r="`+ref+`"`)
	if start < 0 {
		return "", fmt.Errorf("no cell %s", ref)
	}
	rest := sheet[start:]
	end := strings.Index(rest, "</c>")
	if selfClose := strings.Index(rest, "/>"); selfClose >= 0 && (end < 0 || selfClose < end) && !strings.Contains(rest[:selfClose], ">") {
		end = selfClose + len("/>")
	} else {
		end += len("</c>")
	}
	return sheet[:start] + cell + sheet[start+end:], nil
}

// editSheets edits the text of the Part1 and Part2 sheet parts of good(2).
func editSheets(f func(string) string) ([]byte, error) {
	return editGood(nil, inParts(f, part1Sheet, part2Sheet))
}
