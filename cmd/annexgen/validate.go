package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/internal/batch"
)

// fileReport is the findings of one file, as --format json prints them.
type fileReport struct {
	File     string             `json:"file"`
	Findings checklist.Findings `json:"findings"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
}

func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate", `annexgen validate: 確認表の記入漏れや誤りを調べます。

見つかった問題を、シート名とセルの位置（例: Part2!G14）とともに表示します。
「エラー」があると文書は作成されません。「警告」は確認をお勧めする点です。

例:
  annexgen validate 確認表.xlsx
  annexgen validate --format json *.xlsx
  annexgen validate 確認表フォルダ        （フォルダ内の .xlsx をすべて確認）
`)
	format := fs.String("format", "text", "出力の形式: text（読みやすい一覧）または json（他のプログラム向け）")
	strict := fs.Bool("strict", false, "協議中の項目（初回確認が「いいえ」で完了日が空欄）もエラーとします")
	pwFile := addPasswordFlag(fs)
	if status, done := parse(e, fs, args); done {
		return status
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, "annexgen validate: --format には text か json を指定してください（指定された値: %s）\n", *format)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "annexgen validate: 確認するファイルを指定してください（例: annexgen validate 確認表.xlsx）")
		return exitUsage
	}
	pw, pwSource, err := password(e, *pwFile)
	if err != nil {
		fmt.Fprintf(e.stderr, "annexgen validate: %v\n", err)
		return exitUsage
	}
	opt := checklist.Options{Password: pw, Strict: *strict}
	var reports []fileReport
	for _, arg := range fs.Args() {
		found, err := batch.Expand([]string{arg})
		if err != nil {
			fmt.Fprintf(e.stderr, "annexgen validate: %v\n", err)
			return exitUsage
		}
		if len(found.Empty) > 0 {
			reports = append(reports, emptyFolder(arg))
		}
		// A folder's spreadsheets that are not .xlsx are checked too, so
		// that each gets the reason it cannot be read.
		for _, path := range found.Skipped {
			reports = append(reports, validateFile(path, opt, pwSource))
		}
		for _, in := range found.Inputs {
			reports = append(reports, validateFile(in.Path, opt, pwSource))
		}
	}
	status := exitOK
	for _, r := range reports {
		if r.Errors > 0 {
			status = exitRejected
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(struct {
			Files []fileReport `json:"files"`
		}{reports})
		return status
	}
	for _, r := range reports {
		printFindings(e.stdout, r.File, r.Findings)
	}
	if len(reports) > 1 {
		bad := 0
		for _, r := range reports {
			if r.Errors > 0 {
				bad++
			}
		}
		fmt.Fprintf(e.stdout, "\n%dファイルを確認しました: エラーなし %d、エラーあり %d\n", len(reports), len(reports)-bad, bad)
	}
	return status
}

// validateFile loads one file; a file that is not a readable workbook
// becomes a single file-unreadable error finding.
func validateFile(path string, opt checklist.Options, pwSource string) fileReport {
	_, findings, err := xlsx.Load(path, opt)
	if err != nil {
		f := unreadable(err)
		f.Message += passwordHint(err, pwSource)
		findings = append(findings, f)
	}
	if findings == nil {
		findings = checklist.Findings{}
	}
	return fileReport{
		File:     path,
		Findings: findings,
		Errors:   findings.Count(checklist.SeverityError),
		Warnings: findings.Count(checklist.SeverityWarning),
	}
}

// emptyFolder is the report of a folder argument that holds no workbook.
func emptyFolder(path string) fileReport {
	return fileReport{
		File:     path,
		Findings: checklist.Findings{checklist.NewFinding(checklist.MsgFileUnreadableEmptyFolder, checklist.Cell{}, nil)},
		Errors:   1,
	}
}

// unreadable turns a file error into a finding.
func unreadable(err error) checklist.Finding {
	msg := err.Error()
	var fe *xlsx.FileError
	if errors.As(err, &fe) {
		msg = fe.Reason
	}
	return checklist.NewFinding(checklist.MsgFileUnreadable, checklist.Cell{}, nil, msg)
}

// printFindings prints the findings of one file: errors first, then
// warnings, then notes, each in workbook order.
func printFindings(w io.Writer, file string, findings checklist.Findings) {
	nerr := findings.Count(checklist.SeverityError)
	nwarn := findings.Count(checklist.SeverityWarning)
	switch {
	case nerr == 0 && nwarn == 0:
		fmt.Fprintf(w, "%s: 問題はありません\n", file)
	default:
		fmt.Fprintf(w, "%s: エラー %d件、警告 %d件\n", file, nerr, nwarn)
	}
	sorted := append(checklist.Findings(nil), findings...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Severity > sorted[j].Severity })
	for _, f := range sorted {
		loc := f.Location()
		if loc == "" {
			loc = "-"
		}
		fmt.Fprintf(w, "  %s  %s  %s (%s)\n", f.Severity.Japanese(), loc, f.Message, f.Code)
	}
}
