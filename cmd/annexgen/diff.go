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
	// The fonts load while the two workbooks are read, side by side.
	conv, err := convert.New(convert.Options{Formats: formats, Fonts: fonts.Options{Body: *font}})
	if err != nil {
		fmt.Fprintf(e.stderr, "annexgen diff: %v\n", err)
		return exitWrite
	}
	opt := checklist.Options{Password: pw}
	oldPath, newPath := fs.Arg(0), fs.Arg(1)
	var old diffInput
	read := make(chan struct{})
	go func() {
		defer close(read)
		old = loadForDiff(oldPath, opt, pwSource)
	}()
	cur := loadForDiff(newPath, opt, pwSource)
	<-read
	old.print(e)
	cur.print(e)
	if !old.ok || !cur.ok {
		fmt.Fprintln(e.stderr, "annexgen diff: エラーのある確認表があるため、新旧対照表を作成しませんでした。")
		return exitRejected
	}
	base := diffBase(newPath, *outDir)
	files, status := diffFiles(e, conv, old.list, cur.list, base)
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

// diffInput is one workbook of a comparison, read and validated.
type diffInput struct {
	path   string
	list   *checklist.Checklist
	warned checklist.Findings // the findings to show: its warnings and errors
	ok     bool               // false when it cannot be compared
}

// loadForDiff reads and validates one workbook.
func loadForDiff(path string, opt checklist.Options, pwSource string) diffInput {
	list, findings, err := xlsx.Load(path, opt)
	findings = xlsx.AccountFile(list, findings, path, opt.Password) // every item row read, as render checks
	if err != nil {
		f := batch.Unreadable(err)
		f.Message += passwordHint(err, pwSource)
		findings = append(findings, f)
	}
	return diffInput{path: path, list: list, warned: onlyWarnings(findings), ok: err == nil && !findings.HasErrors()}
}

// print shows the workbook's warnings and errors on stderr.
func (in diffInput) print(e *env) {
	if len(in.warned) > 0 {
		printFindings(e.stderr, in.path, in.warned)
	}
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
func diffFiles(e *env, conv *convert.Converter, old, cur *checklist.Checklist, base string) ([]outfile.File, int) {
	outputs, findings, err := conv.Diff(old, cur)
	if err != nil {
		fmt.Fprintf(e.stderr, "annexgen diff: %v\n", err)
		return nil, exitWrite
	}
	status := exitOK
	if err := conv.Ready(); err != nil {
		fmt.Fprintf(e.stderr, "annexgen diff: PDF を作成できません: %v\n", err)
		status = exitWrite
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
