package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"github.com/annexgen/annexgen/checklist"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipOf returns a zip archive of the given files.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		f, err := w.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(files[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNotAWorkbook(t *testing.T) {
	valid := validBook().bytes(t)
	book := validBook()
	book.password = "ひみつ"
	encrypted := book.bytes(t)
	ole := append(append([]byte{}, oleSignature...), make([]byte, 1024)...)
	tests := []struct {
		name   string
		data   []byte
		opt    checklist.Options
		reason string
	}{
		{"empty file", nil, checklist.Options{}, reasonEmpty},
		{"text file", []byte("項番,項目,内容\n1,契約範囲,範囲\n"), checklist.Options{}, reasonNotXLSX},
		{"PDF", []byte("%PDF-1.7\n"), checklist.Options{}, reasonNotXLSX},
		{"OLE header (.xls)", ole, checklist.Options{}, reasonXLS},
		{".xls saved by LibreOffice", readFile(t, "testdata/notxlsx/office.xls"), checklist.Options{}, reasonXLS},
		{".ods saved by LibreOffice", readFile(t, "testdata/notxlsx/office.ods"), checklist.Options{}, reasonODS},
		{"zip with an ODS mimetype", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"), checklist.Options{}, reasonODS},
		{"binary workbook (.xlsb)", zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "\x83\x01"), checklist.Options{}, reasonXLSB},
		{"Word document", zipOf(t, "word/document.xml", "<w/>"), checklist.Options{}, reasonWord},
		{"zip without a workbook", zipOf(t, "readme.txt", "確認表ではありません"), checklist.Options{}, reasonNotXLSX},
		{"broken zip", []byte("PK\x03\x04 this is not really a zip"), checklist.Options{}, reasonBroken},
		{"truncated workbook", valid[:len(valid)/2], checklist.Options{}, reasonBroken},
		{"broken workbook XML", zipOf(t, "[Content_Types].xml", "<Types", "xl/workbook.xml", "<workbook><sheets><sheet"), checklist.Options{}, reasonBroken},
		{"password missing", encrypted, checklist.Options{}, reasonPassword},
		{"password wrong", encrypted, checklist.Options{Password: "ちがう"}, reasonBadPassword},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, fs, err := readBytes(tt.data, "入力.xlsx", tt.opt)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v (%T), findings %v", err, err, short(fs))
			}
			if c != nil || fs != nil {
				t.Errorf("got a checklist or findings with an error")
			}
			if fe.Reason != tt.reason {
				t.Errorf("reason\n got %s\nwant %s", fe.Reason, tt.reason)
			}
			if want := "入力.xlsx: " + tt.reason; err.Error() != want {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
}

func TestBrokenSheet(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>`
	data := withPart(t, readFile(t, "testdata/office/office.xlsx"), "xl/worksheets/sheet2.xml", []byte(sheet))
	_, _, err := readBytes(data, "x.xlsx", checklist.Options{})
	if want := "x.xlsx: " + fmt.Sprintf(reasonBrokenSheet, "Part1"); err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// TestHostileSheet reads a sheet whose last cell is XFD1048576 and whose
// merged range covers the whole sheet: it must be refused as too large,
// not exhaust memory.
func TestHostileSheet(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>項番</t></is></c><c r="B3" t="inlineStr"><is><t>項目</t></is></c>` +
		`<c r="C3" t="inlineStr"><is><t>内容</t></is></c></row><row r="1048576"><c r="A1048576"><v>1</v></c>` +
		`<c r="XFD1048576"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`
	data := withPart(t, readFile(t, "testdata/office/office.xlsx"), "xl/worksheets/sheet2.xml", []byte(sheet))
	_, fs, err := readBytes(data, "x.xlsx", checklist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := short(fs); !strings.HasPrefix(got, "sheet-too-large error Part1\n") {
		t.Errorf("findings:\n%s", got)
	}
}

func TestPasswordRight(t *testing.T) {
	book := validBook()
	book.password = "ひみつ"
	c, fs, err := readBytes(book.bytes(t), "x.xlsx", checklist.Options{Password: "ひみつ"})
	if err != nil || len(fs) != 0 || c.Info.Hospital.Name != "さくら総合病院" {
		t.Fatalf("err %v, findings %v", err, short(fs))
	}
}

func TestLoadPaths(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path, reason string
	}{
		{filepath.Join(dir, "ない.xlsx"), reasonNotFound},
		{dir, reasonDirectory},
	}
	for _, tt := range tests {
		_, _, err := Load(tt.path, checklist.Options{})
		var fe *FileError
		if !errors.As(err, &fe) || fe.Reason != tt.reason || fe.File != tt.path {
			t.Errorf("Load(%s) = %v", tt.path, err)
		}
	}
	path := filepath.Join(dir, "ok.xlsx")
	if err := os.WriteFile(path, validBook().bytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, fs, err := Load(path, checklist.Options{}); err != nil || len(fs) != 0 {
		t.Errorf("Load = %v, %v", err, short(fs))
	}
}
