package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/convert"
	"github.com/annexgen/annexgen/internal/outfile"
	"github.com/annexgen/annexgen/render/markdown"
)

// Status is the outcome for one input.
type Status string

// The outcomes. Rejected inputs had validation errors or were not readable
// workbooks; failed ones were fine but an output could not be made or
// written; skipped ones had their outputs already (SkipExisting).
const (
	Done     Status = "done"
	Rejected Status = "rejected"
	Failed   Status = "failed"
	Skipped  Status = "skipped"
)

// Result is what happened to one input.
type Result struct {
	File     string
	Status   Status
	Outputs  []string // the paths written
	Findings checklist.Findings
	Errors   int
	Warnings int
	Millis   int64
	Reason   string // Japanese, for rejected and failed inputs
	Err      error  // why the input was rejected or failed
	Exists   bool   // failed because an output exists already
	Template bool   // failed because a template could not be applied
}

// Converter converts one input through the pipeline and writes its
// outputs, all or none.
type Converter struct {
	Pipeline     *convert.Converter // templates and fonts, shared by all inputs
	OutDir       string             // "" writes beside each input
	Force        bool               // replace existing outputs
	SkipExisting bool               // leave an input whose outputs all exist as it is
	Strict       bool               // open items are errors: said in the reason of a rejection
}

// Convert converts one input and writes its outputs. A failure, even a
// panic inside the pipeline, is the result of this input only.
func (c *Converter) Convert(in Input) (res Result) {
	start := time.Now()
	res = Result{File: in.Path, Outputs: []string{}, Findings: checklist.Findings{}}
	defer func() { res.Millis = time.Since(start).Milliseconds() }()

	err := CheckInput(in.Path)
	if err == nil && !hasStem(in) {
		err = noStem(in.Path)
	}
	if err != nil {
		return unreadable(res, err)
	}
	if c.SkipExisting && c.known(in) {
		res.Status = Skipped
		return res
	}
	conv, err := c.Pipeline.File(in.Path)
	res.Findings = conv.Findings
	res.Errors = conv.Findings.Count(checklist.SeverityError)
	res.Warnings = conv.Findings.Count(checklist.SeverityWarning)
	switch {
	case err != nil:
		res.Status, res.Err = Failed, err
		res.Reason = fmt.Sprintf("%s: %v", in.Path, err)
		var te *markdown.TemplateError
		res.Template = errors.As(err, &te)
		return res
	case conv.Unreadable != nil:
		return unreadable(res, conv.Unreadable)
	case res.Errors > 0:
		res.Status = Rejected
		res.Reason = fmt.Sprintf("%s: エラーが%d件あるため文書を作成しませんでした。annexgen validate%s で内容を確認してください", in.Path, res.Errors, c.strictFlag())
		return res
	}
	return c.commit(res, in, conv.Outputs)
}

// strictFlag is " --strict" when open items are errors, for messages.
func (c *Converter) strictFlag() string {
	if c.Strict {
		return " --strict"
	}
	return ""
}

// unreadable makes res the result of a file that is not a readable
// workbook: rejected, with one error finding that says why.
func unreadable(res Result, err error) Result {
	res.Status, res.Err, res.Reason = Rejected, err, err.Error()
	res.Findings = append(res.Findings, Unreadable(err))
	res.Errors = res.Findings.Count(checklist.SeverityError)
	return res
}

// place returns the folder of in's outputs and their path in it without
// the endings (".annex.md" and so on).
func (c *Converter) place(in Input) (dir, base string) {
	if c.OutDir == "" {
		return filepath.Dir(in.Path), filepath.Base(stem(in.Rel))
	}
	return c.OutDir, stem(in.Rel)
}

// known reports whether the outputs of in are known without reading it
// (the kind is given, the documents are whole) and all exist: a file
// done before is skipped without being read again.
func (c *Converter) known(in Input) bool {
	opt := c.Pipeline.Options()
	if opt.Kind == "" || opt.PerVendor || len(opt.Formats) == 0 {
		return false
	}
	dir, base := c.place(in)
	for _, f := range opt.Formats {
		name := base + "." + convert.Output{Kind: opt.Kind, Format: f}.Name()
		if _, err := os.Lstat(filepath.Join(dir, name)); err != nil {
			return false
		}
	}
	return true
}

// commit writes the outputs of in, or skips them all when SkipExisting is
// set and every one exists.
func (c *Converter) commit(res Result, in Input, outputs []convert.Output) Result {
	dir, base := c.place(in)
	var files []outfile.File
	existing := 0
	for _, o := range outputs {
		f := outfile.File{Path: base + "." + o.Name(), Data: o.Data}
		files = append(files, f)
		if _, err := os.Lstat(filepath.Join(dir, f.Path)); err == nil {
			existing++
		}
	}
	if c.SkipExisting && existing == len(files) {
		res.Status = Skipped
		return res
	}
	if err := outfile.CommitIn(dir, files, c.Force); err != nil {
		res.Status, res.Err, res.Reason = Failed, err, err.Error()
		var ee *outfile.ExistsError
		res.Exists = errors.As(err, &ee)
		return res
	}
	for _, f := range files {
		res.Outputs = append(res.Outputs, filepath.Join(dir, f.Path))
	}
	res.Status = Done
	return res
}
