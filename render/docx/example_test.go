package docx_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/annexgen/annexgen/render/docx"
)

// A document is rendered from the same Markdown as the PDF; the .docx file is a zip archive of
// XML parts.
func Example() {
	var buf bytes.Buffer
	err := docx.Render(&buf, []byte("# 契約書別紙\n\n## 前文\n\n甲及び乙は、次のとおり合意する。\n"), docx.Meta{
		Title:   "契約書別紙",
		Author:  "医療法人○○会、株式会社△△",
		Created: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		log.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range z.File {
		fmt.Println(f.Name)
	}
	// Output:
	// [Content_Types].xml
	// _rels/.rels
	// docProps/app.xml
	// docProps/core.xml
	// word/_rels/document.xml.rels
	// word/document.xml
	// word/fontTable.xml
	// word/footer1.xml
	// word/footer2.xml
	// word/header1.xml
	// word/header2.xml
	// word/settings.xml
	// word/styles.xml
	// word/theme/theme1.xml
}
