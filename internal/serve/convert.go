package serve

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/annotate"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/document"
)

// fileResult is what one uploaded file gave, as the page shows it.
type fileResult struct {
	File     string             `json:"file"`
	Status   string             `json:"status"` // ok, rejected, unreadable or failed
	Label    string             `json:"label"`  // 作成できます, 要修正 3件, …
	Reason   string             `json:"reason,omitempty"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
	Kind     document.Kind      `json:"kind,omitempty"`
	KindName string             `json:"kindName,omitempty"`
	Findings checklist.Findings `json:"findings"`
	Sheets   []xlsx.Sheet       `json:"sheets"`
	Outputs  []output           `json:"outputs"`
	Created  string             `json:"created,omitempty"` // 作成日 of a readable workbook, 2026-04-01
	Version  string             `json:"version,omitempty"` // 版数 of a readable workbook
	readable bool
}

// output is one file to download; Data is base64 in JSON.
type output struct {
	Name   string `json:"name"`
	Format string `json:"format"` // pdf, md, xlsx or zip
	Type   string `json:"type"`   // its media type
	Data   []byte `json:"data"`
}

// mediaTypes are the media types of the outputs, by format.
var mediaTypes = map[string]string{
	"pdf":  "application/pdf",
	"md":   "text/markdown; charset=utf-8",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"zip":  "application/zip",
}

// sheetBounds bound the cell texts sent to the page.
var sheetBounds = xlsx.SheetBounds{Rows: 1000, Cols: 40, CellChars: 2000, Text: 4 << 20}

// convert reads, validates and renders one spooled upload through the
// pipeline of the command line, and makes its annotated copy. It never
// panics.
func (s *Server) convert(j job) (res fileResult) {
	res = fileResult{File: j.name, Findings: checklist.Findings{}, Sheets: []xlsx.Sheet{}, Outputs: []output{}}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "file", j.name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			res.Outputs = []output{}
			res.Status, res.Label = "failed", "作成できません"
			res.Reason = "内部エラーが発生しました。このファイルは変換されていません。お手数ですが開発元に報告してください"
		}
	}()
	f, err := os.Open(j.path)
	if err != nil {
		res.Status, res.Label, res.Reason = "failed", "作成できません", "一時ファイルを読めません"
		return res
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		res.Status, res.Label, res.Reason = "failed", "作成できません", "一時ファイルを読めません"
		return res
	}
	size := st.Size()
	opt := checklist.Options{Password: j.password, Strict: j.strict}
	list, findings, err := xlsx.Read(f, size, j.name, opt)
	res.Findings = append(res.Findings, xlsx.Account(list, findings, f, size, opt.Password)...)
	if err != nil {
		reason := unreadableReason(err)
		res.Findings = append(res.Findings, checklist.NewFinding(checklist.MsgFileUnreadable, checklist.Cell{}, nil, reason))
		res.Status, res.Label, res.Reason = "unreadable", "読み込めません", reason
		res.count()
		return res
	}
	res.readable = true
	res.Created, res.Version = list.Info.Created.String(), list.Info.Version
	res.Kind = j.kind
	if res.Kind == "" {
		res.Kind = document.KindOf(list.Info.DocKind)
	}
	res.KindName = res.Kind.Japanese()
	stem := strings.TrimSuffix(j.name, filepath.Ext(j.name))
	if !res.Findings.HasErrors() {
		outputs, rendering, err := s.cfg.Converter.With(j.kind, j.perVendor).Render(list)
		if err != nil {
			res.Status, res.Label, res.Reason = "failed", "作成できません", err.Error()
		}
		res.Findings = append(res.Findings, rendering...)
		for _, o := range outputs {
			res.add(stem+"."+o.Name(), string(o.Format), o.Data)
		}
	}
	var annotated bytes.Buffer
	if err := annotate.Write(&annotated, f, size, res.Findings, opt); err != nil {
		s.log.Warn("annotate", "file", j.name, "err", err)
	} else {
		res.add(stem+".findings.xlsx", "xlsx", annotated.Bytes())
	}
	if sheets, err := xlsx.Sheets(f, size, opt, sheetNames(list, res.Findings), sheetBounds); err == nil {
		res.Sheets = sheets
	}
	res.count()
	if res.Status == "" {
		res.Status, res.Label = "ok", "作成できます"
		if res.Errors > 0 {
			res.Status, res.Label = "rejected", fmt.Sprintf("要修正 %d件", res.Errors)
		}
	}
	return res
}

// unreadableReason says why a workbook could not be read, for the page.
func unreadableReason(err error) string {
	reason := err.Error()
	var fe *xlsx.FileError
	if errors.As(err, &fe) {
		reason = fe.Reason
	}
	if errors.Is(err, xlsx.ErrPasswordMissing) || errors.Is(err, xlsx.ErrPasswordWrong) {
		reason += "（ページ上部の「パスワード」欄に入力してから、もう一度送ってください）"
	}
	return reason
}

// add adds an output.
func (r *fileResult) add(name, format string, data []byte) {
	typ, ok := mediaTypes[format]
	if !ok {
		typ = "application/octet-stream"
	}
	r.Outputs = append(r.Outputs, output{Name: name, Format: format, Type: typ, Data: data})
}

// count counts the errors and warnings.
func (r *fileResult) count() {
	r.Errors = r.Findings.Count(checklist.SeverityError)
	r.Warnings = r.Findings.Count(checklist.SeverityWarning)
}

// sheetNames are the sheets shown on the page: the Part sheets, then the
// other sheets that findings point into, in the order first met.
func sheetNames(list *checklist.Checklist, findings checklist.Findings) []string {
	var names []string
	add := func(n string) {
		for _, m := range names {
			if m == n {
				return
			}
		}
		names = append(names, n)
	}
	for _, p := range list.Parts {
		if items := p.Items(); len(items) > 0 && items[0].Sheet != "" {
			add(items[0].Sheet)
		}
	}
	for _, f := range findings {
		if f.Sheet != "" && f.Cell != "" {
			add(f.Sheet)
		}
	}
	return names
}
