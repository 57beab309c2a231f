package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/internal/batch"
)

func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate", `annexgen validate: 確認表の記入漏れや誤りを調べます。

見つかった問題を、シート名とセルの位置（例: Part2!G14）とともに表示します。
「エラー」があると文書は作成されません。「警告」は確認をお勧めする点です。

例:
  annexgen validate 確認表.xlsx
  annexgen validate --format json *.xlsx
  annexgen validate 確認表フォルダ        （フォルダ内の .xlsx をすべて確認）
  annexgen validate --annotate 確認表.xlsx （問題のセルに色とコメントを付けた 確認表.findings.xlsx も作成）
`)
	format := fs.String("format", "text", "出力の`形式`: text（読みやすい一覧）または json（他のプログラム向け）")
	strict := fs.Bool("strict", false, "協議中の項目（初回確認が「いいえ」で完了日が空欄）と合意内容が空欄の項目もエラーとします")
	pwFile := addPasswordFlag(fs)
	annotateFlag := fs.Bool("annotate", false, "問題のセルにコメントと色を付けた確認表の写し（名前.findings.xlsx）も作成します")
	outDir := fs.StringP("output", "o", "", "--annotate の写しを書き込むフォルダ（既定: 元のファイルと同じフォルダ）")
	force := fs.Bool("force", false, "--annotate の写しが既にあれば上書きします")
	if status, done := parse(e, fs, args); done {
		return status
	}
	if *format != "text" && *format != "json" {
		return usageError(e, "validate", "--format には text か json を指定してください（指定された値: %s）", *format)
	}
	if fs.NArg() == 0 {
		return usageError(e, "validate", "確認するファイルを指定してください（例: annexgen validate 確認表.xlsx）")
	}
	pw, pwSource, err := password(e, *pwFile)
	if err != nil {
		return usageError(e, "validate", "%v", err)
	}
	if !*annotateFlag && (*outDir != "" || *force) {
		return usageError(e, "validate", "-o と --force は --annotate と一緒に指定してください")
	}
	var ann *annotation
	if *annotateFlag {
		ann = &annotation{dir: *outDir, force: *force}
	}
	reports, err := validateAll(e, fs.Args(), checklist.Options{Password: pw, Strict: *strict}, pwSource, ann)
	if err != nil {
		return usageError(e, "validate", "%v", err)
	}
	newPrinter(e, *format == "json").validated(reports)
	if e.ctx.Err() != nil {
		fmt.Fprintf(e.stderr, "annexgen validate: 中断しました。%d件を確認し、残りは確認していません。\n", len(reports))
		return exitStopped
	}
	status := exitOK
	for _, r := range reports {
		if r.Errors > 0 {
			status = exitRejected
		}
	}
	if ann != nil {
		status = ann.report(e, status)
	}
	return status
}

// validateAll validates the files and folders of args, in order, until
// e.ctx is cancelled. The error names a folder that cannot be read. With
// ann, each readable workbook also gets its annotated copy.
func validateAll(e *env, args []string, opt checklist.Options, pwSource string, ann *annotation) ([]fileReport, error) {
	var reports []fileReport
	for _, arg := range args {
		if e.ctx.Err() != nil {
			break
		}
		found, err := batch.Expand([]string{arg})
		if err != nil {
			return nil, err
		}
		if len(found.Empty) > 0 {
			reports = append(reports, emptyFolder(arg))
		}
		for _, in := range found.Inputs {
			if e.ctx.Err() != nil {
				break // interrupted: the files checked are reported
			}
			if ann != nil {
				if in.Path != arg && strings.HasSuffix(in.Path, annotatedSuffix) {
					continue // a copy written by an earlier --annotate
				}
				reports = append(reports, ann.validateAnnotated(in, opt, pwSource))
				continue
			}
			reports = append(reports, validateFile(in.Path, opt, pwSource))
		}
	}
	return reports, nil
}

// validateFile loads one file and accounts for its items as rendering
// does (xlsx.AccountFile); a file that is not a readable workbook becomes
// a single file-unreadable error finding.
func validateFile(path string, opt checklist.Options, pwSource string) fileReport {
	if stall != "" && filepath.Base(path) == stall {
		select {}
	}
	err := batch.CheckInput(path)
	var findings checklist.Findings
	if err == nil {
		var list *checklist.Checklist
		if list, findings, err = xlsx.Load(path, opt); err == nil {
			findings = xlsx.AccountFile(list, findings, path, opt.Password)
		}
	}
	if err != nil {
		f := batch.Unreadable(err)
		f.Message += passwordHint(err, pwSource)
		findings = append(findings, f)
	}
	return newFileReport(path, findings)
}

// emptyFolder is the report of a folder argument that holds no workbook.
func emptyFolder(path string) fileReport {
	return newFileReport(path, checklist.Findings{checklist.NewFinding(checklist.MsgFileUnreadableEmptyFolder, checklist.Cell{}, nil)})
}
