package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
)

// The reasons for spreadsheets of other programs and older formats, each
// saying what the file is and how to save it as .xlsx.
const (
	reasonNumbers = "Apple Numbers の書類です。Numbers で開き、「ファイル」→「書き出す」→「Excel」で .xlsx として書き出してください。"
	reasonXLS95   = "Excel 5.0/95 形式の古いブックです。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"
	reasonXLSOld  = "Excel 4.0 以前の形式の古いワークシートです。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"
	reasonXML2003 = "XML スプレッドシート 2003 形式（.xml）のファイルです。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"
	reasonHTML    = "Web ページ（HTML）形式のファイルです。Excel で開き、「Excel ブック (*.xlsx)」の形式で保存し直してください。"
	reasonDoc     = "Word 文書（.doc）です。確認表の .xlsx ファイルを指定してください。"
)

// oleReason tells what an OLE container (not encrypted) holds: an Excel
// 97-2003 workbook, an Excel 5.0/95 one, or a Word document.
func oleReason(all []byte) string {
	switch {
	case bytes.Contains(all, utf16LE("Workbook")):
		return reasonXLS
	case bytes.Contains(all, utf16LE("WordDocument")):
		return reasonDoc
	case bytes.Contains(all, utf16LE("Book")):
		return reasonXLS95
	}
	return reasonXLS
}

// headReason tells what a file that is neither a zip nor an OLE container
// is, from its first bytes: an Excel 2.0-4.0 worksheet (BIFF2-4), an XML
// Spreadsheet 2003 or a web page saved with an Excel ending.
func headReason(ra io.ReaderAt, size int64) string {
	head := make([]byte, min(size, 4096))
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	if len(head) >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04 || head[1] == 0x08) && head[3] == 0x00 {
		return reasonXLSOld
	}
	lower := bytes.ToLower(head)
	switch {
	case bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")),
		bytes.Contains(lower, []byte(`progid="excel.sheet"`)):
		return reasonXML2003
	case bytes.Contains(lower, []byte("<html")), bytes.HasPrefix(bytes.TrimSpace(lower), []byte("<table")):
		return reasonHTML
	}
	return reasonNotXLSX
}

// hasOfficeDocument reports whether a package's _rels/.rels points at a
// main part that the package holds.
func hasOfficeDocument(zr *zip.Reader) bool {
	cp := &checkedPackage{}
	for _, f := range zr.File {
		cp.entries = append(cp.entries, pkgEntry{name: string(bytes.ReplaceAll([]byte(f.Name), []byte("\\"), []byte("/"))), f: f})
	}
	return cp.findWorkbook() != ""
}
