package gopdf

import (
	"compress/zlib"
	"fmt"
	"io"
)

// CIDToGIDMapObj is the stream that maps the CIDs of a subset font (the
// glyph indices of the original font) to the glyph indices of the compact
// subset embedded in the PDF.
type CIDToGIDMapObj struct {
	PtrToPdfDictionaryObj *PdfDictionaryObj
	pdfProtection         *PDFProtection
}

func (c *CIDToGIDMapObj) init(funcGetRoot func() *GoPdf) {}

func (c *CIDToGIDMapObj) getType() string {
	return "CIDToGIDMap"
}

func (c *CIDToGIDMapObj) setProtection(p *PDFProtection) {
	c.pdfProtection = p
}

func (c *CIDToGIDMapObj) write(w io.Writer, objID int) error {
	zbuff := GetBuffer()
	defer PutBuffer(zbuff)
	zw, err := getZlibWriter(zbuff, zlib.BestSpeed)
	if err != nil {
		return err
	}
	if _, err := zw.Write(c.PtrToPdfDictionaryObj.cidToGIDMap()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	putZlibWriter(zw, zlib.BestSpeed)
	data := zbuff.Bytes()
	if c.pdfProtection != nil {
		if data, err = rc4Cip(c.pdfProtection.objectkey(objID), data); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "<</Length %d\n/Filter /FlateDecode\n>>\nstream\n", len(data))
	w.Write(data)
	io.WriteString(w, "\nendstream\n")
	return nil
}
