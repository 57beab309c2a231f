package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/annotate"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/internal/batch"
	"github.com/annexgen/annexgen/internal/outfile"
)

// annotatedSuffix ends the name of the annotated copy: 確認表.findings.xlsx.
const annotatedSuffix = ".findings.xlsx"

// maxAnnotateBytes is the largest workbook read into memory to be
// annotated; the reader refuses larger ones anyway.
const maxAnnotateBytes = 64 << 20

// annotation says where validate --annotate writes its copies.
type annotation struct {
	dir   string // -o: the folder of the copies; "" beside each input
	force bool   // replace an existing copy
	// written are the copies written; failed the reasons copies could not be.
	written, failed []string
}

// annotatedPath is the path of the annotated copy of in.
func (a *annotation) annotatedPath(in batch.Input) string {
	stem := strings.TrimSuffix(filepath.Base(in.Path), filepath.Ext(in.Path))
	if a.dir == "" {
		return filepath.Join(filepath.Dir(in.Path), stem+annotatedSuffix)
	}
	return filepath.Join(a.dir, filepath.Dir(in.Rel), stem+annotatedSuffix)
}

// validateAnnotated validates the workbook of in like validateFile and
// writes its annotated copy. A file that is not a readable workbook gets
// no copy.
func (a *annotation) validateAnnotated(in batch.Input, opt checklist.Options, pwSource string) fileReport {
	st, err := os.Stat(in.Path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxAnnotateBytes {
		return validateFile(in.Path, opt, pwSource) // it says why the file is not read
	}
	data, err := os.ReadFile(in.Path)
	if err != nil {
		return validateFile(in.Path, opt, pwSource)
	}
	list, findings, err := xlsx.Read(bytes.NewReader(data), int64(len(data)), in.Path, opt)
	if err != nil {
		f := batch.Unreadable(err)
		f.Message += passwordHint(err, pwSource)
		return newFileReport(in.Path, append(findings, f))
	}
	findings = xlsx.Account(list, findings, bytes.NewReader(data), int64(len(data)), opt.Password)
	out := a.annotatedPath(in)
	var buf bytes.Buffer
	if err := annotate.Write(&buf, bytes.NewReader(data), int64(len(data)), findings, opt); err != nil {
		a.failed = append(a.failed, fmt.Sprintf("%s: %v", in.Path, err))
	} else if err := outfile.Commit([]outfile.File{{Path: out, Data: buf.Bytes()}}, a.force); err != nil {
		a.failed = append(a.failed, err.Error())
	} else {
		a.written = append(a.written, out)
	}
	return newFileReport(in.Path, findings)
}

// report prints the copies written and why others could not be, on
// stderr, and returns exitWrite when a copy failed, else status.
func (a *annotation) report(e *env, status int) int {
	for _, path := range a.written {
		fmt.Fprintf(e.stderr, "確認結果つきの写しを作成しました: %s\n", path)
	}
	for _, msg := range a.failed {
		fmt.Fprintf(e.stderr, "annexgen validate: %s\n", msg)
	}
	if len(a.failed) > 0 {
		return exitWrite
	}
	return status
}
