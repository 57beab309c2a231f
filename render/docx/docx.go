// Package docx writes a Markdown document (CommonMark with GFM tables) as a Word document
// (.docx, Office Open XML WordprocessingML) that Word and LibreOffice open for editing: the same
// content as the PDF of package pdf, read from the same Markdown in the same way, so that user
// templates drive it too.
//
// Headings are Word's built-in heading styles (見出し 1 … 6, with outline levels), so Word's
// navigation pane and outline view work; a table of contents field for levels 2 and 3 stands where
// the PDF puts its table of contents, and Word fills in its page numbers on opening. Tables have
// borders and a header row that Word repeats on every page. Numbered articles and items stay text
// as the Markdown writes them (第1条, ２, （1）), never Word list numbering, so that they cannot
// renumber themselves while a document is edited. The page is A4 with the PDF's margins, the
// header text runs on every page but the first, and the footer gives "n / N" from the PAGE and
// NUMPAGES fields. Text is set in BIZ UD明朝 and headings in BIZ UDゴシック, named for Latin and
// East Asian text alike.
//
// Text is printed literally: whatever the Markdown text holds (#, *, |, <, {{, &) comes out as
// written, XML-escaped. Characters that an XML 1.0 document cannot carry, control characters
// other than tab and line breaks, are left out, as the PDF leaves them out (they draw nothing);
// U+FFFE and U+FFFF become U+FFFD.
//
// The same input gives the same bytes: nothing depends on the clock or the machine. The zip
// entries are in name order, with a fixed time stamp.
//
// The package is written with the standard library alone. Of the Go libraries for Word files,
// unioffice needs a paid licence, gooxml (its former open version) is not served by the module
// proxy, and the smaller ones (godocx and others) either have no released version or only fill in
// templates; none gives control of fields, header rows and fonts that this package needs.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// Meta is the document information.
type Meta struct {
	Title    string
	Author   string // the parties, e.g. "医療法人○○会、株式会社△△": the document's creator
	Subject  string
	Keywords string
	Created  time.Time // the workbook's 作成日, never the clock; zero leaves the date out
	Header   string    // running header text; empty means Title, else the first level-1 heading
}

// maxCells is the most table cells a document may have, so that the size of the file stays in
// proportion to the Markdown (a short GFM row stands for a whole row of empty cells). An annex of
// 3,000 items has about 24,000.
const maxCells = 200_000

// zipTime is the time stamp of every zip entry: the earliest an MS-DOS date can hold.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Render writes the Markdown document as a .docx file to w. Nothing is written when an error is
// returned.
func Render(w io.Writer, markdown []byte, meta Meta) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("DOCX を作成できませんでした（内部エラー: %v）", r)
		}
	}()
	doc := convert(markdown)
	if n := doc.cells(); n > maxCells {
		return fmt.Errorf("DOCX を作成できませんでした: 表のセルが多すぎます（%d 個。上限は %d 個です）", n, maxCells)
	}
	header := meta.Header
	if header == "" {
		header = meta.Title
	}
	if header == "" {
		header = doc.title
	}
	var b body
	b.document(doc)
	parts := map[string]string{
		"[Content_Types].xml":          contentTypesXML,
		"_rels/.rels":                  packageRelsXML,
		"docProps/app.xml":             appXML,
		"docProps/core.xml":            coreXML(meta),
		"word/_rels/document.xml.rels": documentRelsXML(b.links),
		"word/document.xml":            documentXML(b.String()),
		"word/fontTable.xml":           fontTableXML,
		"word/footer1.xml":             footerXML(),
		"word/footer2.xml":             footerXML(),
		"word/header1.xml":             headerXML(strings.Join(strings.Fields(plainText(header)), " ")),
		"word/header2.xml":             headerXML(""),
		"word/settings.xml":            settingsXML,
		"word/styles.xml":              stylesXML,
		"word/theme/theme1.xml":        themeXML,
	}
	var buf bytes.Buffer
	if err := writeZip(&buf, parts); err != nil {
		return fmt.Errorf("DOCX を作成できませんでした: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// documentXML wraps the body in word/document.xml.
func documentXML(body string) string {
	return xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` + "\n" +
		body + sectionXML + "</w:body></w:document>\n"
}

// partOrder lists the parts in name order, which puts [Content_Types].xml first.
var partOrder = []string{
	"[Content_Types].xml",
	"_rels/.rels",
	"docProps/app.xml",
	"docProps/core.xml",
	"word/_rels/document.xml.rels",
	"word/document.xml",
	"word/fontTable.xml",
	"word/footer1.xml",
	"word/footer2.xml",
	"word/header1.xml",
	"word/header2.xml",
	"word/settings.xml",
	"word/styles.xml",
	"word/theme/theme1.xml",
}

// writeZip writes the parts as a zip archive, in name order, all with the same time stamp.
func writeZip(w io.Writer, parts map[string]string) error {
	z := zip.NewWriter(w)
	for _, name := range partOrder {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, parts[name]); err != nil {
			return err
		}
	}
	return z.Close()
}
