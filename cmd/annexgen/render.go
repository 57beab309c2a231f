package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/batch"
	"github.com/annexgen/annexgen/render/fonts"
	"github.com/annexgen/annexgen/render/markdown"
	"github.com/annexgen/annexgen/render/pdf"
)

func runRender(e *env, args []string) int {
	flags := newFlags(e, "render", `annexgen render: 確認表から契約書別紙（annex）または SLA（sla）を作成します。

確認表 STEM.xlsx ごとに STEM.annex.pdf と STEM.annex.md（SLA なら STEM.sla.*）を作ります。
文書の種類は --doc で指定します。省略すると確認表の基本情報「文書種別」に従います。
フォルダを指定すると、その中の .xlsx をすべて（サブフォルダも）変換します。
エラーのある確認表からは文書を作りません（annexgen validate で内容を確認できます）。
既にあるファイルは --force を付けない限り上書きしません。

例:
  annexgen render 確認表.xlsx
  annexgen render --doc sla --to pdf -o 出力 確認表フォルダ
`)
	doc := flags.String("doc", "annex", "作成する文書: annex（契約書別紙）または sla（サービス・レベル合意書）。\n省略時は確認表の「文書種別」に従います（空欄なら annex）")
	to := flags.String("to", "md,pdf", "出力形式（カンマ区切り）: md, pdf")
	outDir := flags.StringP("output", "o", "", "出力先のフォルダ（省略時は確認表と同じフォルダ）")
	tmplDir := flags.String("templates", "", "編集したひな形のフォルダ（annexgen templates で書き出したもの）")
	font := flags.String("font", "", "本文のフォント（TrueType .ttf / .ttc）。省略時はシステムから探します")
	fontBold := flags.String("font-bold", "", "見出しのフォント（TrueType .ttf / .ttc）")
	perVendor := flags.Bool("per-vendor", false, "事業者ごとに別々の文書を作成します（STEM.annex.A.pdf など）")
	strict := flags.Bool("strict", false, "協議中の項目（初回確認が「いいえ」で完了日が空欄）もエラーとします")
	jobs := flags.IntP("jobs", "j", runtime.NumCPU(), "同時に変換するファイルの数")
	force := flags.Bool("force", false, "既にある出力ファイルを上書きします")
	asJSON := flags.Bool("json", false, "結果をファイルごとの JSON で出力します（プログラム向け）")
	pwFile := addPasswordFlag(flags)
	if status, done := parse(e, flags, args); done {
		return status
	}

	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(e.stderr, "annexgen render: "+format+"\n", a...)
		return exitUsage
	}
	d := markdown.Doc(*doc)
	if !d.Valid() {
		return usageErr("--doc には annex か sla を指定してください（指定された値: %s）", *doc)
	}
	if !flags.Changed("doc") {
		d = "" // each workbook's 文書種別 decides
	}
	wantMD, wantPDF := false, false
	for _, f := range strings.Split(*to, ",") {
		switch strings.TrimSpace(f) {
		case "md":
			wantMD = true
		case "pdf":
			wantPDF = true
		default:
			return usageErr("--to には md、pdf またはその両方（md,pdf）を指定してください（指定された値: %s）", *to)
		}
	}
	if *jobs < 1 {
		return usageErr("-j には 1 以上の数を指定してください")
	}
	if flags.NArg() == 0 {
		return usageErr("変換する確認表（.xlsx）またはフォルダを指定してください（例: annexgen render 確認表.xlsx）")
	}
	pw, pwSource, err := password(e, *pwFile)
	if err != nil {
		return usageErr("%v", err)
	}
	if *outDir != "" {
		if info, err := os.Stat(*outDir); err == nil && !info.IsDir() {
			return usageErr("%s: 出力先（-o）はフォルダを指定してください（同じ名前のファイルがあります）", *outDir)
		}
	}
	found, err := batch.Expand(flags.Args())
	if err != nil {
		return usageErr("%v", err)
	}
	inputs := found.Inputs
	notes := e.stdout // with --json, stdout holds the JSON document alone
	if *asJSON {
		notes = e.stderr
	}
	for _, path := range found.Skipped {
		fmt.Fprintf(notes, "%s: .xlsx ではないため変換しませんでした。Excel で開き「Excel ブック (*.xlsx)」の形式で保存し直してください。\n", path)
	}
	for _, arg := range found.Empty {
		fmt.Fprintf(notes, "%s: 作成しませんでした: フォルダの中に確認表（.xlsx）がありません。\n", arg)
	}
	if clashes := batch.Clashes(inputs, *outDir); len(clashes) > 0 {
		var names []string
		for _, in := range clashes[0] {
			names = append(names, in.Path)
		}
		return usageErr("%s から作る文書が同じ名前になります。別々の出力先（-o）に分けて変換してください", strings.Join(names, "、"))
	}

	conv := &batch.Converter{
		Doc:       d,
		Markdown:  wantMD,
		OutDir:    *outDir,
		PerVendor: *perVendor,
		Options:   checklist.Options{Password: pw, Strict: *strict},
		Force:     *force,
	}
	if conv.Templates, err = parseTemplates(d, *tmplDir); err != nil {
		return usageErr("%v", err)
	}

	if wantPDF {
		// Fonts take a while to load: they load while the first workbook is
		// read. Without Markdown to write, a missing font ends the run at once.
		conv.Typesetter = loadTypesetter(fonts.Options{Body: *font, Bold: *fontBold, Heading: *fontBold})
		if !wantMD {
			if _, err := conv.Typesetter(); err != nil {
				fmt.Fprintf(e.stderr, "annexgen render: PDF を作成できません: %v\n", err)
				return exitUsage
			}
		}
	}

	convert := func(in batch.Input) batch.Result {
		r := conv.Convert(in)
		if hint := passwordHint(r.Err, pwSource); hint != "" {
			r.Reason += hint
		}
		return r
	}
	progress := newProgress(e, len(inputs))
	results := batch.Run(e.ctx, inputs, *jobs, convert, progress.update)
	progress.finish()
	interrupted := len(results) < len(inputs)

	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(struct {
			Files []batch.Result `json:"files"`
		}{results})
	} else {
		printResults(e, results, len(inputs))
	}

	status := exitStatus(results)
	if len(found.Empty) > 0 && status == exitOK {
		status = exitRejected
	}
	if conv.Typesetter != nil && len(results) > 0 {
		if _, err := conv.Typesetter(); err != nil {
			fmt.Fprintf(e.stderr, "annexgen render: PDF を作成できません: %v\nannexgen render: Markdown のみ作成しました。\n", err)
			status = exitUsage
		}
	}
	if interrupted {
		fmt.Fprintf(e.stderr, "annexgen render: 中断しました。%d件中%d件を処理し、残りは変換していません。\n", len(inputs), len(results))
		return 130
	}
	return status
}

// printResults prints what happened to each file and a summary.
func printResults(e *env, results []batch.Result, total int) {
	var done, rejected, failed int
	for _, r := range results {
		switch r.Status {
		case batch.Done:
			done++
			for _, o := range r.Outputs {
				fmt.Fprintf(e.stdout, "%s → %s\n", r.File, o)
			}
			if r.Warnings > 0 {
				printFindings(e.stdout, r.File, onlyWarnings(r.Findings))
			}
		case batch.Rejected:
			rejected++
			if r.Errors > 0 {
				printFindings(e.stdout, r.File, r.Findings)
			}
			fmt.Fprintf(e.stdout, "%s: 作成しませんでした: %s\n", r.File, strings.TrimPrefix(r.Reason, r.File+": "))
		case batch.Failed:
			failed++
			fmt.Fprintf(e.stdout, "%s: 失敗しました: %s\n", r.File, r.Reason)
		}
	}
	if len(results) > 1 || rejected+failed > 0 {
		fmt.Fprintf(e.stdout, "\n%d件中 作成 %d件、エラーのため作成せず %d件、書き込み失敗 %d件\n", total, done, rejected, failed)
	}
	for _, r := range results {
		if r.Exists {
			fmt.Fprintln(e.stdout, "（既にある文書を作り直すには --force を付けてください）")
			break
		}
	}
}

// onlyWarnings keeps the warnings and errors of findings.
func onlyWarnings(fs checklist.Findings) checklist.Findings {
	var out checklist.Findings
	for _, f := range fs {
		if f.Severity >= checklist.SeverityWarning {
			out = append(out, f)
		}
	}
	return out
}

// loadTypesetter starts loading the fonts in the background and returns a
// function that waits for them.
func loadTypesetter(opt fonts.Options) func() (*pdf.Typesetter, error) {
	load := sync.OnceValues(func() (*pdf.Typesetter, error) {
		set, err := fonts.Find(opt)
		if err != nil {
			return nil, err
		}
		return pdf.New(set)
	})
	go load()
	return load
}

// parseTemplates parses the templates of doc, or of both documents when
// doc is "" (each workbook's 文書種別 decides), with the files of dir (may
// be "") replacing the defaults.
func parseTemplates(doc markdown.Doc, dir string) (map[markdown.Doc]*markdown.Template, error) {
	var override fs.FS
	if dir != "" {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("%s: ひな形のフォルダが見つかりません", dir)
		}
		// A root: a link inside the folder cannot lead a template to another file.
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, fmt.Errorf("%s: ひな形のフォルダを開けません", dir)
		}
		override = root.FS() // templates are parsed now; the root is not needed after
		defer root.Close()
	}
	parsed := make(map[markdown.Doc]*markdown.Template)
	for _, d := range markdown.Docs {
		if doc != "" && d != doc {
			continue
		}
		t, err := markdown.Parse(d, override)
		if err != nil {
			return nil, fmt.Errorf("ひな形に誤りがあります: %w", err)
		}
		parsed[d] = t
	}
	return parsed, nil
}

// exitStatus is 2 when an output could not be written, else 1 when an
// input was rejected, else 0.
func exitStatus(results []batch.Result) int {
	status := exitOK
	for _, r := range results {
		switch r.Status {
		case batch.Failed:
			return exitUsage
		case batch.Rejected:
			status = exitRejected
		}
	}
	return status
}
