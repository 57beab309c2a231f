package batch

import (
	"errors"
	"fmt"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/convert"
	"github.com/annexgen/annexgen/internal/outfile"
)

// Status is the outcome for one input.
type Status string

// The outcomes. Rejected inputs had validation errors or were not readable
// workbooks; failed ones were fine but an output could not be made or written.
const (
	Done     Status = "done"
	Rejected Status = "rejected"
	Failed   Status = "failed"
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
	Err      error  // why a rejected input was not read
	Exists   bool   // failed because an output exists already
}

// Converter converts one input through the pipeline and writes its
// outputs, all or none.
type Converter struct {
	Pipeline *convert.Converter // templates and fonts, shared by all inputs
	OutDir   string             // "" writes beside each input
	Force    bool               // replace existing outputs
}

// Convert converts one input and writes its outputs. A failure, even a
// panic inside the pipeline, is the result of this input only.
func (c *Converter) Convert(in Input) (res Result) {
	start := time.Now()
	res = Result{File: in.Path, Outputs: []string{}}
	defer func() { res.Millis = time.Since(start).Milliseconds() }()

	conv, err := c.Pipeline.File(in.Path)
	res.Findings = conv.Findings
	res.Errors = conv.Findings.Count(checklist.SeverityError)
	res.Warnings = conv.Findings.Count(checklist.SeverityWarning)
	switch {
	case err != nil:
		res.Status = Failed
		res.Reason = fmt.Sprintf("%s: %v", in.Path, err)
		return res
	case conv.Unreadable != nil:
		res.Status = Rejected
		res.Reason = conv.Unreadable.Error()
		res.Err = conv.Unreadable
		return res
	case res.Errors > 0:
		res.Status = Rejected
		res.Reason = fmt.Sprintf("%s: エラーが%d件あるため文書を作成しませんでした。annexgen validate で内容を確認してください", in.Path, res.Errors)
		return res
	}
	base := OutputBase(in, c.OutDir)
	var files []outfile.File
	for _, o := range conv.Outputs {
		files = append(files, outfile.File{Path: base + "." + o.Name(), Data: o.Data})
	}
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
