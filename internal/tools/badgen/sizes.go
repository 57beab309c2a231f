package badgen

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"

	"github.com/xuri/excelize/v2"
)

// rows200k writes Part1 with 200,000 item rows.
func rows200k() ([]byte, error) {
	return manyRows(200000, func(i int) string { return fmt.Sprintf("合意%d", i) })
}

// manyRows writes Part1 with n item rows whose 合意内容 is agreement(i).
func manyRows(n int, agreement func(i int) string) ([]byte, error) {
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sheet.WriteString(`<row r="3">`)
	for i, h := range header(2) {
		ref, _ := excelize.CoordinatesToCellName(i+1, 3)
		fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, h)
	}
	sheet.WriteString(`</row>`)
	for i := 1; i <= n; i++ {
		r := i + 3
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>項目%d</t></is></c>`+
			`<c r="D%d" t="inlineStr"><is><t>はい</t></is></c><c r="F%d" t="inlineStr"><is><t>◎</t></is></c>`+
			`<c r="G%d" t="inlineStr"><is><t>○</t></is></c><c r="H%d" t="inlineStr"><is><t>△</t></is></c>`+
			`<c r="I%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, i, r, i, r, r, r, r, r, agreement(i))
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return editGood(nil, setPart(part1Sheet, sheet.String()))
}

// manyParts adds 20,000 empty entries to a valid workbook's zip.
func manyParts() ([]byte, error) {
	add := make([]entry, 20000)
	for i := range add {
		add[i] = entry{name: fmt.Sprintf("x/%05d", i), stored: true}
	}
	return editGood(nil, nil, add...)
}

// zipBomb writes a valid workbook whose Part1 sheet is a deflate stream of
// 4 GiB of zeros (about 4 MB compressed). declared says whether the zip
// headers give the true size or claim 1 KiB.
func zipBomb(declared bool) ([]byte, error) {
	const size = 4 << 30
	stream, crc, err := zeros(size)
	if err != nil {
		return nil, err
	}
	h := &zip.FileHeader{Method: zip.Deflate, CRC32: crc, CompressedSize64: uint64(len(stream)), UncompressedSize64: size}
	if !declared {
		h.UncompressedSize64 = 1 << 10
	}
	return editGood(nil, func(e *entry) error {
		if e.name == part1Sheet {
			e.data, e.raw = stream, h
		}
		return nil
	})
}

// zeros returns a raw deflate stream of n zero bytes (n a multiple of
// 1 MiB) and their CRC-32, without compressing n bytes: one compressed
// MiB, made after a MiB of zeros so that it refers only to zeros, is
// repeated.
func zeros(n int64) ([]byte, uint32, error) {
	const chunk = 1 << 20
	zero := make([]byte, chunk)
	var first, rest bytes.Buffer
	w, err := flate.NewWriter(&first, flate.BestCompression)
	if err != nil {
		return nil, 0, err
	}
	w.Write(zero)
	w.Flush()
	mark := first.Len()
	w.Write(zero)
	w.Flush()
	repeat := append([]byte(nil), first.Bytes()[mark:]...)
	head := append([]byte(nil), first.Bytes()[:mark]...)
	rest.Write(head)
	crc := crc32.Update(0, crc32.IEEETable, zero)
	for i := int64(1); i < n/chunk; i++ {
		rest.Write(repeat)
		crc = crc32.Update(crc, crc32.IEEETable, zero)
	}
	rest.Write([]byte{0x03, 0x00}) // an empty final block
	return rest.Bytes(), crc, nil
}
