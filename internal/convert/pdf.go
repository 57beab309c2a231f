package convert

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/render/fonts"
	"github.com/annexgen/annexgen/render/pdf"
)

// pdfRenderer typesets Markdown as PDF.
type pdfRenderer struct {
	find       func() (*fonts.Set, error)
	typesetter func() (*pdf.Typesetter, error)
}

// newPDF starts finding and loading the fonts in the background: they load
// while the first workbook is read.
func newPDF(opt Options) renderer {
	find := sync.OnceValues(func() (*fonts.Set, error) {
		return fonts.Find(opt.Fonts)
	})
	load := sync.OnceValues(func() (*pdf.Typesetter, error) {
		set, err := find()
		if err != nil {
			return nil, err
		}
		return pdf.New(set)
	})
	go load()
	return &pdfRenderer{find: find, typesetter: load}
}

func (p *pdfRenderer) found() error {
	_, err := p.find()
	return err
}

func (p *pdfRenderer) ready() error {
	_, err := p.typesetter()
	return err
}

func (p *pdfRenderer) render(md []byte, meta document.Meta, glyphs *missingGlyphs) ([]byte, error) {
	ts, err := p.typesetter()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	r, err := ts.Render(&out, md, pdf.Meta{
		Title:   meta.Title,
		Author:  meta.Author,
		Subject: meta.Subject,
		Created: meta.Created,
		Header:  meta.Header,
	})
	if err != nil {
		return nil, fmt.Errorf("PDFを作成できません: %w", err)
	}
	for _, m := range r.Missing {
		glyphs.add(m.Rune, m.Context)
	}
	return out.Bytes(), nil
}
