package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/checklist/xlsx"
	"github.com/annexgen/annexgen/internal/batch"
	"github.com/annexgen/annexgen/internal/convert"
	"github.com/annexgen/annexgen/internal/outfile"
	"github.com/annexgen/annexgen/render/fonts"
)

const diffHelp = `annexgen diff: 二つの版の確認表を比べ、新旧対照表を作成します。

改正前の確認表 OLD.xlsx と改正後の確認表 NEW.xlsx を比べ、内容・役割分担・合意内容を変更した項目、
追加・削除した項目と区分、基本情報とサービスレベルの変更を、改正後・改正前の二つの欄に対照した表
NEW.diff.md（と .pdf、.docx）を作ります。変更した語句には傍線を付けます（Markdown では {==…==}）。
初回確認・完了日・版数の変更は、末尾の「参考」に分けて示します。
どちらかの確認表にエラーがあると作成しません（annexgen validate で内容を確認できます）。
既にあるファイルは --force を付けない限り上書きしません。

例:
  annexgen diff 確認表2025.xlsx 確認表2026.xlsx
  annexgen diff --to pdf,docx -o 出力 旧/確認表.xlsx 新/確認表.xlsx
`

func runDiff(e *env, args []string) int {
	fs := newFlags(e, "diff", diffHelp)
	to := fs.String("to", "md,pdf", "出力形式（カンマ区切り）: md, pdf, docx")
	outDir := fs.StringP("output", "o", "", "出力先のフォルダ（省略時は改正後の確認表と同じフォルダ）")
	font := fs.String("font", "", "本文のフォント（TrueType .ttf / .ttc）。省略時はシステムから探します")
	force := fs.Bool("force", false, "既にある出力ファイルを上書きします")
	pwFile := addPasswordFlag(fs)
	if status, done := parse(e, fs, args); done {
		return status
	}
	formats, err := parseFormats(*to)
	if err != nil {
		return usageError(e, "diff", "%v", err)
	}
	if fs.NArg() != 2 {
		return usageError(e, "diff", "改正前と改正後の確認表（.xlsx）を一つずつ指定してください（例: annexgen diff 確認表2025.xlsx 確認表2026.xlsx）")
	}
	if *outDir != "" {
		if info, err := os.Stat(*outDir); err == nil && !info.IsDir() {
			return usageError(e, "diff", "%s: 出力先（-o）はフォルダを指定してください（同じ名前のファイルがあります）", *outDir)
		}
	}
	pw, pwSource, err := password(e, *pwFile)
	if err != nil {
		return usageError(e, "diff", "%v", err)
	}
	opt := checklist.Options{Password: pw}
	oldPath, newPath := fs.Arg(0), fs.Arg(1)
	old, okOld := loadForDiff(e, oldPath, opt, pwSource)
	cur, okNew := loadForDiff(e, newPath, opt, pwSource)
	if !okOld || !okNew {
		fmt.Fprintln(e.stderr, "annexgen diff: エラーのある確認表があるため、新旧対照表を作成しませんでした。")
		return exitRejected
	}
	base := diffBase(newPath, *outDir)
	files, status := diffFiles(e, old, cur, formats, fonts.Options{Body: *font}, base)
	if status != exitOK && len(files) == 0 {
		return status
	}
	if err := outfile.Commit(files, *force); err != nil {
		fmt.Fprintf(e.stderr, "annexgen diff: %v\n", err)
		var ee *outfile.ExistsError
		if errors.As(err, &ee) {
			fmt.Fprintln(e.stderr, "（既にある文書を作り直すには --force を付けてください）")
		}
		return exitWrite
	}
	for _, f := range files {
		fmt.Fprintln(e.stdout, f.Path)
	}
	return status
}

// loadForDiff reads and validates one workbook, printing its findings on
// stderr when it has warnings or errors; ok is false when it cannot be
// compared.
func loadForDiff(e *env, path string, opt checklist.Options, pwSource string) (*checklist.Checklist, bool) {
	list, findings, err := xlsx.Load(path, opt)
	findings = xlsx.AccountFile(list, findings, path, opt.Password) // every item row read, as render checks
	if err != nil {
		f := batch.Unreadable(err)
		f.Message += passwordHint(err, pwSource)
		findings = append(findings, f)
	}
	if warned := onlyWarnings(findings); len(warned) > 0 {
		printFindings(e.stderr, path, warned)
	}
	return list, err == nil && !findings.HasErrors()
}

// diffBase is the path of the outputs without their ending: NEWSTEM.diff
// beside the new workbook, or in dir.
func diffBase(newPath, dir string) string {
	stem := strings.TrimSuffix(filepath.Base(newPath), filepath.Ext(newPath)) + ".diff"
	if dir == "" {
		return filepath.Join(filepath.Dir(newPath), stem)
	}
	return filepath.Join(dir, stem)
}

// diffFiles makes the outputs of the comparison. The status is exitWrite
// when a format could not be made (no font for the PDF): the others are
// still returned.
func diffFiles(e *env, old, cur *checklist.Checklist, formats []convert.Format, fo fonts.Options, base string) ([]outfile.File, int) {
	conv, err := convert.New(convert.Options{Formats: formats, Fonts: fo})
	if err != nil {
		fmt.Fprintf(e.stderr, "annexgen diff: %v\n", err)
		return nil, exitWrite
	}
	status := exitOK
	if err := conv.Ready(); err != nil {
		fmt.Fprintf(e.stderr, "annexgen diff: PDF を作成できません: %v\n", err)
		status = exitWrite
	}
	outputs, findings, err := conv.Diff(old, cur)
	if err != nil {
		fmt.Fprintf(e.stderr, "annexgen diff: %v\n", err)
		return nil, exitWrite
	}
	if len(findings) > 0 {
		printFindings(e.stderr, base+".pdf", findings)
	}
	var files []outfile.File
	for _, o := range outputs {
		files = append(files, outfile.File{Path: base + "." + string(o.Format), Data: o.Data})
	}
	return files, status
}
