package convert

import (
	"bytes"
	"fmt"

	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/render/docx"
)

// docxRenderer writes Markdown as a Word document. It needs no fonts: the
// document names them and Word or LibreOffice supplies them.
type docxRenderer struct{}

func newDOCX(Options) renderer { return docxRenderer{} }

func (docxRenderer) found() error { return nil }

func (docxRenderer) ready() error { return nil }

func (docxRenderer) render(md []byte, meta document.Meta, _ *missingGlyphs) ([]byte, error) {
	var out bytes.Buffer
	err := docx.Render(&out, md, docx.Meta{
		Title:   meta.Title,
		Author:  meta.Author,
		Subject: meta.Subject,
		Created: meta.Created,
		Header:  meta.Header,
	})
	if err != nil {
		return nil, fmt.Errorf("DOCXを作成できません: %w", err)
	}
	return out.Bytes(), nil
}
