package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"github.com/annexgen/annexgen/checklist"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// panicSite returns the function a recovered panic was raised in.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "panic(") {
			continue
		}
		for _, fn := range lines[i+1:] {
			if fn == "" || strings.HasPrefix(fn, "\t") || strings.HasPrefix(fn, "runtime.") {
				continue
			}
			return fn
		}
	}
	return ""
}

// FuzzRead checks that no input makes the reader panic: a panic inside
// excelize becomes a FileError, and none may come from this package.
func FuzzRead(f *testing.F) {
	f.Add(validBook().bytes(f))
	f.Add(validBook().merge(checklist.SheetPart1, "A4:A5").errorValue(checklist.SheetPart2, "H5", "#REF!", "#REF!").
		date(checklist.SheetPart1, "E5", 45474, "yyyy/mm/dd").bytes(f))
	seeds, _ := filepath.Glob("testdata/office/*.xlsx")
	bad, _ := filepath.Glob("testdata/bad/*.xls*") // the catalogue of broken and hostile files
	seeds = append(seeds, bad...)
	for _, path := range seeds {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add(append(append([]byte{}, oleSignature...), make([]byte, 600)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, fs, err := Read(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", checklist.Options{Strict: true})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Reason == "" || c != nil || fs != nil {
				t.Fatalf("bad error %#v", err)
			}
			var pe *panicError
			if errors.As(err, &pe) && strings.Contains(panicSite(pe.stack), "annexgen/checklist") {
				t.Fatalf("panic in the reader: %v\n%s", pe.value, pe.stack)
			}
			return
		}
		for _, f := range fs {
			if !slices.Contains(checklist.Codes(), f.Code) {
				t.Errorf("unknown code %s", f.Code)
			}
			if f.Message == "" {
				t.Errorf("%s without message", f.Code)
			}
		}
		_ = dump(c, fs)
	})
}

// withPart returns the workbook zip with one part replaced, so that fuzzed
// XML gets past the zip checksums.
func withPart(t testing.TB, book []byte, name string, part []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			w.Write(part)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	return buf.Bytes()
}

// FuzzReadSheet fuzzes the XML of the Part1 sheet and of the shared
// strings inside an otherwise valid workbook saved by LibreOffice.
func FuzzReadSheet(f *testing.F) {
	book := readFile(f, "testdata/office/office.xlsx")
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		f.Fatal(err)
	}
	parts := []string{"xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"}
	for i, name := range parts {
		for _, zf := range zr.File {
			if zf.Name == name {
				rc, _ := zf.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				f.Add(uint8(i), b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, part []byte) {
		data := withPart(t, book, parts[int(which)%len(parts)], part)
		_, _, err := Read(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", checklist.Options{})
		var pe *panicError
		if errors.As(err, &pe) && strings.Contains(panicSite(pe.stack), "annexgen/checklist") {
			t.Fatalf("panic in the reader: %v\n%s", pe.value, pe.stack)
		}
	})
}
