// Package convert is the pipeline from one workbook to its documents: it
// reads and validates the workbook (package checklist), builds each
// document (package document), writes it as Markdown (render/markdown) and
// renders the other formats from the Markdown (render/pdf), and reports the
// findings raised on the way, those of rendering included (characters the
// PDF fonts lack).
//
// It writes no files: the outputs come back as bytes, for the command line
// to commit to disk or a web server to send.
package convert

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/render/fonts"
	"github.com/annexgen/annexgen/render/markdown"
)

// Options say what a Converter makes.
type Options struct {
	Kind      document.Kind     // the document to make; "" follows each workbook's 文書種別
	Formats   []Format          // the outputs to make, e.g. Markdown and PDF
	PerVendor bool              // one document per vendor instead of the whole document
	Templates fs.FS             // the user's templates replacing the defaults of the same name; nil for none
	Fonts     fonts.Options     // the fonts of the PDF
	Checklist checklist.Options // password and strictness
}

// Converter turns workbooks into documents. Templates are parsed and fonts
// loaded once; it is safe for concurrent use.
type Converter struct {
	opt       Options
	templates map[document.Kind]func() (*markdown.Template, error)
	renderers map[Format]renderer
}

// New parses the user's templates, if any, and starts parsing the embedded
// ones and loading what the formats need (the fonts: see Ready) in the
// background, while the first workbook is read. The error names a template
// file, line and column.
func New(opt Options) (*Converter, error) {
	if opt.Kind != "" && !opt.Kind.Valid() {
		return nil, fmt.Errorf("文書の種類「%s」はありません（%s を指定してください）", opt.Kind, document.KindNames("または"))
	}
	opt.Checklist.DocKind = opt.Kind.Japanese()
	c := &Converter{opt: opt, templates: map[document.Kind]func() (*markdown.Template, error){}, renderers: map[Format]renderer{}}
	for _, k := range document.Kinds() {
		if opt.Kind != "" && k != opt.Kind {
			continue
		}
		parse := sync.OnceValues(func() (*markdown.Template, error) {
			t, err := markdown.Parse(k, opt.Templates)
			if err != nil {
				return nil, fmt.Errorf("ひな形に誤りがあります: %w", err)
			}
			return t, nil
		})
		c.templates[k] = parse
		if opt.Templates == nil {
			go parse() // the embedded templates, which their tests parse
		} else if _, err := parse(); err != nil {
			return nil, err
		}
	}
	for _, f := range opt.Formats {
		if !f.Valid() {
			return nil, fmt.Errorf("出力形式「%s」はありません", f)
		}
		if r := newRenderer(f, opt); r != nil {
			c.renderers[f] = r
		}
	}
	return c, nil
}

// Ready waits until every format asked for can be made and returns why one
// cannot (no font for the PDF), or nil. A Converter that is not ready
// still makes the other formats.
func (c *Converter) Ready() error {
	for _, f := range formats {
		if r, ok := c.renderers[f.format]; ok {
			if err := r.ready(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Found is Ready without the wait for the fonts to load: it returns, as
// soon as the fonts are found (about a millisecond), why a format asked for
// cannot be made when no font was found, or nil. A font found but
// unusable is reported by Ready. It lets a command stop at once without
// holding up the first workbook, which is read while the fonts load.
func (c *Converter) Found() error {
	for _, f := range formats {
		if r, ok := c.renderers[f.format]; ok {
			if err := r.found(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Options returns the options c was made with.
func (c *Converter) Options() Options { return c.opt }

// With returns a Converter that shares c's templates and fonts but makes
// documents of kind k ("" follows each workbook's 文書種別) and, with
// perVendor, one per vendor: for a server whose users choose per upload.
// c must have been made with the Kind "" (all kinds parsed) or k.
func (c *Converter) With(k document.Kind, perVendor bool) *Converter {
	w := *c
	w.opt.Kind, w.opt.PerVendor = k, perVendor
	w.opt.Checklist.DocKind = k.Japanese()
	return &w
}

// Result is what one workbook gave.
type Result struct {
	Checklist *checklist.Checklist // nil when the file is not a readable workbook
	// Findings are those of reading and validation, in workbook order,
	// then those of rendering. Never nil.
	Findings checklist.Findings
	Outputs  []Output // none when the workbook was rejected
	// Unreadable says why the file is not a readable workbook (a
	// *checklist.FileError), or is nil.
	Unreadable error
}

// Rejected reports whether the workbook gave no documents through a fault
// of its own: it is not a readable workbook, or it has errors.
func (r *Result) Rejected() bool {
	return r.Unreadable != nil || r.Findings.HasErrors()
}

// File converts the workbook at path. See Result for a workbook that is
// rejected; the error says why a valid workbook could not be rendered (a
// template that fails, a PDF that cannot be made).
func (c *Converter) File(path string) (*Result, error) {
	return c.convert(func() (*checklist.Checklist, checklist.Findings, error) {
		return xlsx.Load(path, c.opt.Checklist)
	}, func(list *checklist.Checklist, fs checklist.Findings) checklist.Findings {
		return xlsx.AccountFile(list, fs, path, c.opt.Checklist.Password)
	})
}

// Read is File for a workbook held in memory, such as an upload, of size
// bytes; name is used in messages.
func (c *Converter) Read(r io.ReaderAt, size int64, name string) (*Result, error) {
	return c.convert(func() (*checklist.Checklist, checklist.Findings, error) {
		return xlsx.Read(r, size, name, c.opt.Checklist)
	}, func(list *checklist.Checklist, fs checklist.Findings) checklist.Findings {
		return xlsx.Account(list, fs, r, size, c.opt.Checklist.Password)
	})
}

// convert loads a workbook with load and renders it while it accounts for
// its items with account (see xlsx.Account) and requires its Part2: the
// outputs are kept only when both agree. It never panics: a panic inside,
// in either, becomes an error.
func (c *Converter) convert(load func() (*checklist.Checklist, checklist.Findings, error), account func(*checklist.Checklist, checklist.Findings) checklist.Findings) (res *Result, err error) {
	res = &Result{Findings: checklist.Findings{}}
	defer func() {
		if p := recover(); p != nil {
			res.Outputs = nil
			err = fmt.Errorf("内部エラーが発生しました（%v）。このファイルは変換されていません。お手数ですが開発元に報告してください", p)
		}
	}()
	list, findings, err := load()
	res.Findings = append(res.Findings, findings...)
	if err != nil {
		res.Unreadable = err
		return res, nil
	}
	res.Checklist = list
	if res.Findings.HasErrors() {
		return res, nil
	}
	// The second count of the items runs beside rendering; what is rendered
	// is kept only when it agrees.
	accounted := make(chan accounting, 1)
	go func() {
		var a accounting
		defer func() {
			a.panicked = recover()
			accounted <- a
		}()
		a.findings = requirePart2(list, account(list, res.Findings))
	}()
	outputs, rendering, err := c.Render(list)
	a := <-accounted
	if a.panicked != nil {
		panic(a.panicked)
	}
	if res.Findings = a.findings; res.Findings.HasErrors() {
		return res, nil
	}
	if err != nil {
		return res, err
	}
	res.Findings = append(res.Findings, rendering...)
	if !res.Findings.HasErrors() {
		res.Outputs = outputs
	}
	return res, nil
}

// accounting is the result of the second count of a workbook's items.
type accounting struct {
	findings checklist.Findings
	panicked any // a panic inside, raised again where the result is read
}

// Render makes the outputs of a checklist that has been read and
// validated, and returns them with the findings of rendering: each
// character the PDF could not show, once. An item whose id is in none of
// the Markdown documents gives an error finding and no outputs.
func (c *Converter) Render(list *checklist.Checklist) ([]Output, checklist.Findings, error) {
	kind := c.opt.Kind
	if kind == "" {
		kind = document.KindOf(list.Info.DocKind)
	}
	var outputs []Output
	var glyphs missingGlyphs
	var mds [][]byte
	for _, vendor := range document.Vendors(list, c.opt.PerVendor) {
		doc, err := document.New(kind, list, vendor)
		if err != nil {
			return nil, nil, err
		}
		parse, ok := c.templates[kind]
		if !ok {
			return nil, nil, fmt.Errorf("文書の種類「%s」のひな形が読み込まれていません", kind)
		}
		tmpl, err := parse()
		if err != nil {
			return nil, nil, err
		}
		var md bytes.Buffer
		if err := tmpl.Execute(&md, doc); err != nil {
			return nil, nil, fmt.Errorf("テンプレートを適用できません: %w", err)
		}
		mds = append(mds, md.Bytes())
		for _, f := range formats {
			data, err := c.format(f.format, md.Bytes(), doc.Meta, &glyphs)
			if errors.Is(err, errSkipped) {
				continue
			}
			if err != nil {
				return nil, nil, err
			}
			outputs = append(outputs, Output{Kind: kind, Vendor: vendor, Format: f.format, Meta: doc.Meta, Data: data})
		}
	}
	if lost := lostInMarkdown(list, mds, string(kind)); len(lost) > 0 {
		return nil, lost, nil
	}
	if len(outputs) == 0 {
		// Every format asked for waits on what could not be loaded.
		if err := c.Ready(); err != nil {
			return nil, nil, err
		}
	}
	return outputs, glyphs.findings(), nil
}

// TryTemplates applies the template of every kind parsed to list, as a
// whole document and one per vendor, writing nothing, and returns the
// first error (a *markdown.TemplateError where it names a template): to
// find a template's mistakes once, before any workbook is converted.
func (c *Converter) TryTemplates(list *checklist.Checklist) error {
	for _, kind := range document.Kinds() {
		parse, ok := c.templates[kind]
		if !ok {
			continue
		}
		tmpl, err := parse()
		if err != nil {
			return err
		}
		vendors := append(document.Vendors(list, false), document.Vendors(list, true)...)
		for _, vendor := range vendors {
			doc, err := document.New(kind, list, vendor)
			if err != nil {
				return err
			}
			if err := tmpl.Execute(io.Discard, doc); err != nil {
				return err
			}
		}
	}
	return nil
}

// FromMarkdown renders Markdown made from a document (or any Markdown of
// the same kind) in format f, with the findings of rendering.
func (c *Converter) FromMarkdown(f Format, md []byte, meta document.Meta) ([]byte, checklist.Findings, error) {
	var glyphs missingGlyphs
	data, err := c.format(f, md, meta, &glyphs)
	if errors.Is(err, errSkipped) {
		return nil, nil, fmt.Errorf("出力形式「%s」は指定されていません", f)
	}
	if err != nil {
		return nil, nil, err
	}
	return data, glyphs.findings(), nil
}

// errSkipped is returned by format for a format not asked for, or not
// ready (it is reported once, by Ready).
var errSkipped = errors.New("skipped")

// format returns md in format f.
func (c *Converter) format(f Format, md []byte, meta document.Meta, glyphs *missingGlyphs) ([]byte, error) {
	if f == Markdown {
		if !c.wants(Markdown) {
			return nil, errSkipped
		}
		return md, nil
	}
	r, ok := c.renderers[f]
	if !ok || r.ready() != nil {
		return nil, errSkipped
	}
	return r.render(md, meta, glyphs)
}

// wants reports whether f is among the formats asked for.
func (c *Converter) wants(f Format) bool {
	for _, g := range c.opt.Formats {
		if g == f {
			return true
		}
	}
	return false
}
