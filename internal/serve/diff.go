package serve

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
)

// diffResult is the answer to POST /api/diff: each workbook's findings
// and, when both are free of errors, the 新旧対照表 in every format.
type diffResult struct {
	Status  string     `json:"status"` // ok, rejected or failed
	Label   string     `json:"label"`
	Reason  string     `json:"reason,omitempty"`
	Old     fileResult `json:"old"` // 改正前: findings and counts only
	New     fileResult `json:"new"` // 改正後: findings and counts only
	Outputs []output   `json:"outputs"`
	Notice  string     `json:"notice,omitempty"`
}

// diffAPI answers POST /api/diff, whose files old (改正前) and new (改正後)
// are compared, with the JSON diffResult.
func (s *Server) diffAPI(w http.ResponseWriter, r *http.Request) {
	res, err := s.handleDiff(w, r)
	s.answerJSON(w, res, err)
}

// handleDiff reads the two workbooks and compares them in one worker.
func (s *Server) handleDiff(w http.ResponseWriter, r *http.Request) (*diffResult, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	jobs, err := s.readUpload(w, r)
	if err != nil {
		return nil, err
	}
	old, cur, err := diffPair(jobs)
	if err != nil {
		removeJobs(jobs)
		return nil, err
	}
	var res diffResult
	if err := s.inWorker(ctx, jobs, func() { res = s.compare(old, cur) }); err != nil {
		return nil, err
	}
	if err := s.cfg.Converter.Ready(); err != nil && res.Status == "ok" {
		res.Notice = "PDF は作成できません: " + err.Error()
	}
	s.log.Info("compared", "old", res.Old.File, "new", res.New.File, "status", res.Status, "outputs", len(res.Outputs))
	return &res, nil
}

// diffPair picks the 改正前 (field old) and the 改正後 (field new) of an
// upload, which must hold exactly these two files.
func diffPair(jobs []job) (old, cur job, err error) {
	var n, o int
	for _, j := range jobs {
		switch j.field {
		case "old":
			old, o = j, o+1
		case "new":
			cur, n = j, n+1
		}
	}
	if len(jobs) != 2 || o != 1 || n != 1 {
		return job{}, job{}, &requestError{http.StatusBadRequest,
			"新旧対照表には、改正前（old）と改正後（new）の確認表を一つずつ送ってください"}
	}
	return old, cur, nil
}

// diff reads and validates both workbooks and, when neither has errors,
// makes the 新旧対照表 through the pipeline of annexgen diff. Its outputs
// are named after the 改正後: NEWSTEM.diff.pdf. It never panics.
func (s *Server) diff(old, cur job) (res diffResult) {
	res.Outputs = []output{}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "old", old.name, "new", cur.name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			res.Outputs = []output{}
			res.Status, res.Label = "failed", "作成できません"
			res.Reason = "内部エラーが発生しました。新旧対照表は作成されていません。お手数ですが開発元に報告してください"
		}
	}()
	oldList, oldRes := s.readSide(old)
	newList, newRes := s.readSide(cur)
	res.Old, res.New = oldRes, newRes
	if oldList == nil || newList == nil || oldRes.Errors > 0 || newRes.Errors > 0 {
		res.Status, res.Label = "rejected", "作成できません"
		res.Reason = "エラーのある確認表があるため、新旧対照表を作成しませんでした。それぞれの指摘を直してから、もう一度作ってください"
		return res
	}
	outputs, findings, err := s.cfg.Converter.Diff(oldList, newList)
	if err != nil {
		res.Status, res.Label, res.Reason = "failed", "作成できません", err.Error()
		return res
	}
	res.New.Findings = append(res.New.Findings, findings...)
	res.New.count()
	stem := strings.TrimSuffix(cur.name, filepath.Ext(cur.name))
	holder := fileResult{}
	for _, o := range outputs {
		holder.add(stem+"."+o.Name(), string(o.Format), o.Data)
	}
	res.Outputs = holder.Outputs
	res.Status, res.Label = "ok", "作成できます"
	return res
}

// readSide reads and validates one workbook of a comparison; the list is
// nil when it cannot be read.
func (s *Server) readSide(j job) (*checklist.Checklist, fileResult) {
	res := fileResult{File: j.name, Findings: checklist.Findings{}, Sheets: []xlsx.Sheet{}, Outputs: []output{}}
	f, err := os.Open(j.path)
	if err != nil {
		res.Status, res.Label, res.Reason = "failed", "作成できません", "一時ファイルを読めません"
		return nil, res
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		res.Status, res.Label, res.Reason = "failed", "作成できません", "一時ファイルを読めません"
		return nil, res
	}
	list, findings, err := xlsx.Read(f, st.Size(), j.name, checklist.Options{Password: j.password, Strict: j.strict})
	res.Findings = append(res.Findings, xlsx.Account(list, findings, f, st.Size(), j.password)...)
	if err != nil {
		reason := unreadableReason(err)
		res.Findings = append(res.Findings, checklist.NewFinding(checklist.MsgFileUnreadable, checklist.Cell{}, nil, reason))
		res.Status, res.Label, res.Reason = "unreadable", "読み込めません", reason
		res.count()
		return nil, res
	}
	res.readable = true
	res.Created, res.Version = list.Info.Created.String(), list.Info.Version
	res.count()
	res.Status, res.Label = "ok", "比較できます"
	if res.Errors > 0 {
		res.Status, res.Label = "rejected", fmt.Sprintf("要修正 %d件", res.Errors)
	}
	return list, res
}
