package batch

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/outfile"
	"github.com/annexgen/annexgen/render/markdown"
	"github.com/annexgen/annexgen/render/pdf"
)

// Status is the outcome for one input.
type Status string

// The outcomes. Rejected inputs had validation errors or were not readable
// workbooks; failed ones were fine but an output could not be written.
const (
	Done     Status = "done"
	Rejected Status = "rejected"
	Failed   Status = "failed"
)

// Result is what happened to one input.
type Result struct {
	File     string             `json:"file"`
	Status   Status             `json:"status"`
	Outputs  []string           `json:"outputs"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
	Millis   int64              `json:"ms"`
	Reason   string             `json:"reason,omitempty"` // Japanese, for rejected and failed inputs
	Findings checklist.Findings `json:"findings"`
	Err      error              `json:"-"` // why a rejected input was not read
	Exists   bool               `json:"-"` // failed because an output exists already
}

// Converter turns one workbook into its documents.
type Converter struct {
	Doc        markdown.Doc                        // the document to write; "" follows each workbook's 文書種別
	Templates  map[markdown.Doc]*markdown.Template // parsed once, shared by all inputs
	Markdown   bool                                // write STEM.DOC.md
	Typesetter func() (*pdf.Typesetter, error)     // write STEM.DOC.pdf when not nil; on an error, only Markdown is written
	OutDir     string                              // "" writes beside each input
	PerVendor  bool                                // one document per vendor
	Options    checklist.Options                   // password and strictness
	Force      bool                                // replace existing outputs
}

// Convert reads, validates and renders one input and writes its outputs,
// all or none. It never panics: a panic inside is reported as a failure of
// this input only.
func (c *Converter) Convert(in Input) (res Result) {
	start := time.Now()
	res = Result{File: in.Path, Outputs: []string{}}
	defer func() {
		if p := recover(); p != nil {
			res.Status = Failed
			res.Outputs = []string{}
			res.Reason = fmt.Sprintf("内部エラーが発生しました（%v）。このファイルは変換されていません。お手数ですが開発元に報告してください", p)
		}
		res.Millis = time.Since(start).Milliseconds()
	}()

	list, findings, err := checklist.Load(in.Path, c.Options)
	res.Findings = findings
	if findings == nil {
		res.Findings = checklist.Findings{}
	}
	res.Errors = findings.Count(checklist.SeverityError)
	res.Warnings = findings.Count(checklist.SeverityWarning)
	if err != nil {
		res.Status = Rejected
		res.Reason = err.Error()
		res.Err = err
		return res
	}
	if res.Errors > 0 {
		res.Status = Rejected
		res.Reason = fmt.Sprintf("%s: エラーが%d件あるため文書を作成しませんでした。annexgen validate で内容を確認してください", in.Path, res.Errors)
		return res
	}

	files, missing, err := c.documents(in, list)
	if err != nil {
		res.Status = Failed
		res.Reason = fmt.Sprintf("%s: %v", in.Path, err)
		return res
	}
	res.Findings = append(res.Findings, missing...)
	res.Warnings += len(missing)
	if err := outfile.Commit(files, c.Force); err != nil {
		res.Status = Failed
		res.Reason = err.Error()
		var ee *outfile.ExistsError
		res.Exists = errors.As(err, &ee)
		return res
	}
	for _, f := range files {
		res.Outputs = append(res.Outputs, f.Path)
	}
	res.Status = Done
	return res
}

// documents renders every output of one input in memory.
func (c *Converter) documents(in Input, list *checklist.Checklist) ([]outfile.File, checklist.Findings, error) {
	base := OutputBase(in, c.OutDir)
	vendors := []string{""}
	if c.PerVendor {
		vendors = vendors[:0]
		for _, v := range list.Info.Vendors {
			vendors = append(vendors, v.Key)
		}
	}
	doc := c.doc(list)
	var files []outfile.File
	var glyphs missingGlyphs
	for _, v := range vendors {
		name := base + "." + string(doc)
		if v != "" {
			name += "." + v
		}
		var md bytes.Buffer
		if err := c.Templates[doc].Execute(&md, list, v); err != nil {
			return nil, nil, fmt.Errorf("テンプレートを適用できません: %w", err)
		}
		if c.Markdown {
			files = append(files, outfile.File{Path: name + ".md", Data: md.Bytes()})
		}
		if c.Typesetter == nil {
			continue
		}
		ts, err := c.Typesetter()
		if err != nil {
			continue // the caller reports the fonts once, not for every file
		}
		{
			var out bytes.Buffer
			r, err := ts.Render(&out, md.Bytes(), meta(doc, list, v))
			if err != nil {
				return nil, nil, fmt.Errorf("PDFを作成できません: %w", err)
			}
			for _, m := range r.Missing {
				glyphs.add(m)
			}
			files = append(files, outfile.File{Path: name + ".pdf", Data: out.Bytes()})
		}
	}
	return files, glyphs.findings(), nil
}

// missingGlyphs collects the characters the PDF could not show, each once,
// with the first section heading it was found under.
type missingGlyphs struct {
	order []rune
	where map[rune]string
}

func (g *missingGlyphs) add(m pdf.MissingGlyph) {
	if g.where == nil {
		g.where = make(map[rune]string)
	}
	where, seen := g.where[m.Rune]
	if !seen {
		g.order = append(g.order, m.Rune)
	}
	if where == "" {
		g.where[m.Rune] = m.Context
	}
}

// findings turns the characters into warnings that say where and what to do.
func (g *missingGlyphs) findings() checklist.Findings {
	var fs checklist.Findings
	for _, r := range g.order {
		where := ""
		if g.where[r] != "" {
			where = "「" + g.where[r] + "」などにある"
		}
		msg := fmt.Sprintf("%s文字「%c」（U+%04X）はフォントにないため、PDFでは〓と表示されます。別の文字に置き換えるか、この文字を含むフォントを --font で指定してください", where, r, r)
		if r > 0xFFFF {
			msg = fmt.Sprintf("%s文字「%c」（U+%04X）はフォントにないため、PDFでは〓と表示されます。通常の文字に置き換えるか（例: 𠮷→吉）、この文字を含むフォントを --font で指定してください", where, r, r)
		}
		fs = append(fs, checklist.Finding{Code: "glyph-missing", Severity: checklist.SeverityWarning, Message: msg})
	}
	return fs
}

// doc returns the document to write for list: the one asked for, or else
// the one the workbook's 文書種別 names.
func (c *Converter) doc(list *checklist.Checklist) markdown.Doc {
	switch {
	case c.Doc != "":
		return c.Doc
	case list.Info.DocKind == "SLA":
		return markdown.SLA
	}
	return markdown.Annex
}

// meta returns the PDF document information for a checklist.
func meta(doc markdown.Doc, list *checklist.Checklist, vendor string) pdf.Meta {
	var names []string
	for _, p := range list.Info.Parties() {
		if vendor != "" && p.Key != checklist.HospitalKey && p.Key != vendor {
			continue
		}
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	title := markdown.Title(doc, list)
	m := pdf.Meta{
		Title:   title,
		Author:  strings.Join(names, "、"),
		Subject: list.Info.System,
		Header:  title,
	}
	if d := list.Info.Created; !d.IsZero() {
		m.Created = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return m
}
