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

// zipOf returns a zip archive of name, content pairs.
func zipOf(files ...string) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		f, err := w.CreateHeader(&zip.FileHeader{Name: files[i], Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(f, files[i+1]); err != nil {
			return nil, err
		}
	}
	err := w.Close()
	return buf.Bytes(), err
}

// patch saves x and replaces parts of the saved zip (name -> new XML).
func patch(x *excelize.File, parts map[string]string) ([]byte, error) {
	b, err := bookBytes(x, nil)
	if err != nil {
		return nil, err
	}
	return repack(b, func(name string, data []byte) []byte {
		if p, ok := parts[name]; ok {
			return []byte(p)
		}
		return data
	})
}

// repack rewrites every part of a zip through edit, in the original order.
func repack(b []byte, edit func(name string, data []byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
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
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(edit(f.Name, data)); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// replacePart returns the zip b with the part name holding data.
func replacePart(b []byte, name, data string) ([]byte, error) {
	return repack(b, func(n string, old []byte) []byte {
		if n == name {
			return []byte(data)
		}
		return old
	})
}

// part returns one part of a saved workbook.
func part(b []byte, name string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", err
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return "", err
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			return string(data), err
		}
	}
	return "", fmt.Errorf("no part %s", name)
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

// editParts saves good(2) and passes every part through edit, which may
// rename it.
func editParts(edit func(name string, data []byte) (string, []byte)) ([]byte, error) {
	b, err := bookBytes(good(2), nil)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
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
		name, data := edit(f.Name, data)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// editSheet edits one sheet part of good(2).
func editSheet(part string, edit func(string) string) ([]byte, error) {
	return editParts(func(name string, data []byte) (string, []byte) {
		if name == part {
			data = []byte(edit(string(data)))
		}
		return name, data
	})
}

// editSheets edits the Part1 and Part2 sheet parts of good(2).
func editSheets(edit func(string) string) ([]byte, error) {
	return editParts(func(name string, data []byte) (string, []byte) {
		if name == "xl/worksheets/sheet2.xml" || name == "xl/worksheets/sheet3.xml" {
			data = []byte(edit(string(data)))
		}
		return name, data
	})
}
