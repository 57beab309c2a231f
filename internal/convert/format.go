package convert

import (
	"github.com/annexgen/annexgen/document"
)

// Format is an output format; its value is the file ending: "md", "pdf",
// "docx".
type Format string

// The output formats.
const (
	Markdown Format = "md"
	PDF      Format = "pdf"
	DOCX     Format = "docx"
)

// formats registers the output formats, in the order a document's outputs
// are made. Markdown is made first, from the templates; every other format
// is rendered from it by the renderer newRenderer returns.
var formats = []struct {
	format Format
	new    func(Options) renderer
}{
	{Markdown, nil},
	{PDF, newPDF},
	{DOCX, newDOCX},
}

// Formats lists the output formats.
func Formats() []Format {
	fs := make([]Format, len(formats))
	for i, f := range formats {
		fs[i] = f.format
	}
	return fs
}

// Valid reports whether f is a known format.
func (f Format) Valid() bool {
	for _, g := range formats {
		if g.format == f {
			return true
		}
	}
	return false
}

// newRenderer returns the renderer of f, or nil for Markdown.
func newRenderer(f Format, opt Options) renderer {
	for _, g := range formats {
		if g.format == f && g.new != nil {
			return g.new(opt)
		}
	}
	return nil
}

// renderer renders a document's Markdown in one format.
type renderer interface {
	// found says why the renderer cannot work when that is known before
	// it has loaded what it needs (no font found), waiting only for that.
	found() error
	// ready waits until the renderer can work and says why it cannot.
	ready() error
	// render returns the file for md, adding the characters it cannot
	// show to glyphs.
	render(md []byte, meta document.Meta, glyphs *missingGlyphs) ([]byte, error)
}

// Output is one file made from a workbook.
type Output struct {
	Kind   document.Kind
	Vendor string // the vendor key of a per-vendor document, or ""
	Format Format
	Meta   document.Meta // title, parties, date: for a page or a file's properties
	Data   []byte
}

// Name returns the output's file name after the workbook's stem:
// "annex.md", or "annex.A.pdf" for vendor A's document.
func (o Output) Name() string {
	name := string(o.Kind)
	if o.Vendor != "" {
		name += "." + o.Vendor
	}
	return name + "." + string(o.Format)
}
