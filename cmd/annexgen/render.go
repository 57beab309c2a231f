package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/internal/batch"
	"github.com/annexgen/annexgen/internal/convert"
	"github.com/annexgen/annexgen/render/fonts"
)

const renderHelp = `annexgen render: 確認表から契約書別紙（annex）、覚書（memorandum）または SLA（sla）を作成します。

確認表 STEM.xlsx ごとに STEM.annex.pdf と STEM.annex.md（覚書なら STEM.memorandum.*、SLA なら STEM.sla.*）を作ります。
文書の種類は --doc で指定します。省略すると確認表の基本情報「文書種別」に従います。
フォルダを指定すると、その中の .xlsx をすべて（サブフォルダも）変換します。
エラーのある確認表からは文書を作りません（annexgen validate で内容を確認できます）。
既にあるファイルは --force を付けない限り置き換えません。中断した変換は --skip-existing で続きから再開できます。
作成したファイルの名前は標準出力に1行ずつ、指摘・進み具合・集計は標準エラー出力に表示します。

例:
  annexgen render 確認表.xlsx
  annexgen render --doc sla --to pdf -o 出力 確認表フォルダ
`

// renderFlags are the flags of render.
type renderFlags struct {
	doc, to, outDir, tmplDir, font, fontBold, pwFile *string
	perVendor, strict, force, skip, asJSON           *bool
	jobs                                             *int
}

func newRenderFlags(e *env) (*pflag.FlagSet, *renderFlags) {
	fs := newFlags(e, "render", renderHelp)
	return fs, &renderFlags{
		doc:       fs.String("doc", "", "作成する`文書`: annex（契約書別紙）、memorandum（覚書）または sla（サービス・レベル合意書）。\n省略時は確認表の基本情報「文書種別」に従います（空欄なら annex）"),
		to:        fs.String("to", "md,pdf", "出力`形式`（カンマ区切り）: md, pdf, docx"),
		outDir:    fs.StringP("output", "o", "", "出力先の`フォルダ`（省略時は確認表と同じフォルダ）"),
		tmplDir:   fs.String("templates", "", "編集したひな形の`フォルダ`（annexgen templates で書き出したもの）"),
		font:      fs.String("font", "", "本文の`フォント`（TrueType .ttf / .ttc）。省略時はシステムから探します"),
		fontBold:  fs.String("font-bold", "", "見出しの`フォント`（TrueType .ttf / .ttc）"),
		perVendor: fs.Bool("per-vendor", false, "事業者ごとに別々の文書を作成します（STEM.annex.A.pdf など）"),
		strict:    fs.Bool("strict", false, "協議中の項目（初回確認が「いいえ」で完了日が空欄）と合意内容が空欄の項目もエラーとし、その確認表からは文書を作りません"),
		jobs:      fs.IntP("jobs", "j", 0, "同時に変換するファイルの`数`（既定: CPU の数。確認表の数が上限）"),
		force:     fs.Bool("force", false, "既にある出力ファイルを置き換えます"),
		skip:      fs.Bool("skip-existing", false, "出力が既にある確認表は変換せずに飛ばします（中断した変換の再開に）"),
		asJSON:    fs.Bool("json", false, "結果をファイルごとの JSON で出力します（プログラム向け）"),
		pwFile:    addPasswordFlag(fs),
	}
}

// renderJob is a render command line, checked.
type renderJob struct {
	convert  convert.Options
	tmplDir  string
	outDir   string
	jobs     int
	force    bool
	skip     bool   // --skip-existing
	pwSource string // where the password came from, for messages
	inputs   []batch.Input
}

func runRender(e *env, args []string) int {
	fs, f := newRenderFlags(e)
	if status, done := parse(e, fs, args); done {
		return status
	}
	job, err := f.job(e, fs)
	if err != nil {
		return usageError(e, "render", "%v", err)
	}
	p := newPrinter(e, *f.asJSON)
	found, err := batch.Expand(fs.Args())
	if err != nil {
		return usageError(e, "render", "%v", err)
	}
	noteEmpty(p, found)
	job.inputs = found.Inputs
	if err := checkClashes(job.inputs, job.outDir); err != nil {
		return usageError(e, "render", "%v", err)
	}
	pipeline, err := newPipeline(job.convert, job.tmplDir)
	if err == nil && job.tmplDir != "" {
		err = tryTemplates(pipeline)
	}
	if err != nil {
		return usageError(e, "render", "%v", err)
	}
	if !wants(job.convert.Formats, convert.Markdown) {
		// Without Markdown to write, a missing font ends the run at once;
		// the fonts found load while the first workbook is read.
		if err := pipeline.Found(); err != nil {
			fmt.Fprintf(e.stderr, "annexgen render: PDF を作成できません: %v\n", err)
			return exitWrite
		}
	}
	results := renderAll(e, job, pipeline)
	p.rendered(results, len(job.inputs))
	return renderStatus(e, results, len(job.inputs), len(found.Empty) > 0, pipeline)
}

// job checks the flags and arguments of render.
func (f *renderFlags) job(e *env, fs *pflag.FlagSet) (*renderJob, error) {
	job := &renderJob{tmplDir: *f.tmplDir, outDir: *f.outDir, jobs: *f.jobs, force: *f.force, skip: *f.skip}
	kind := document.Kind(*f.doc) // "": each workbook's 文書種別 decides
	if kind != "" && !kind.Valid() || kind == "" && fs.Changed("doc") {
		return nil, fmt.Errorf("--doc には %s を指定してください（指定された値: %s）", document.KindNames("か"), *f.doc)
	}
	if *f.force && *f.skip {
		return nil, fmt.Errorf("--force と --skip-existing は同時に指定できません")
	}
	formats, err := parseFormats(*f.to)
	if err != nil {
		return nil, err
	}
	if *f.jobs == 0 && !fs.Changed("jobs") {
		job.jobs = runtime.NumCPU()
	}
	if job.jobs < 1 {
		return nil, fmt.Errorf("-j には 1 以上の数を指定してください")
	}
	if fs.NArg() == 0 {
		return nil, fmt.Errorf("変換する確認表（.xlsx）またはフォルダを指定してください（例: annexgen render 確認表.xlsx）")
	}
	pw, pwSource, err := password(e, *f.pwFile)
	if err != nil {
		return nil, err
	}
	job.pwSource = pwSource
	if *f.outDir != "" {
		if info, err := os.Stat(*f.outDir); err == nil && !info.IsDir() {
			return nil, fmt.Errorf("%s: 出力先（-o）はフォルダを指定してください（同じ名前のファイルがあります）", *f.outDir)
		}
	}
	job.convert = convert.Options{
		Kind:      kind,
		Formats:   formats,
		PerVendor: *f.perVendor,
		Fonts:     fonts.Options{Body: *f.font, Bold: *f.fontBold, Heading: *f.fontBold},
		Checklist: checklist.Options{Password: pw, Strict: *f.strict},
	}
	return job, nil
}

// parseFormats reads --to: "md,pdf".
func parseFormats(to string) ([]convert.Format, error) {
	var formats []convert.Format
	for _, name := range strings.Split(to, ",") {
		f := convert.Format(strings.TrimSpace(name))
		if !f.Valid() {
			return nil, fmt.Errorf("--to には md、pdf、docx をカンマ区切りで指定してください（例: md,pdf,docx）（指定された値: %s）", to)
		}
		if !wants(formats, f) {
			formats = append(formats, f)
		}
	}
	return formats, nil
}

// wants reports whether formats holds f.
func wants(formats []convert.Format, f convert.Format) bool {
	for _, g := range formats {
		if g == f {
			return true
		}
	}
	return false
}

// noteEmpty tells about the folders that give nothing to convert.
func noteEmpty(p printer, found batch.Found) {
	for _, arg := range found.Empty {
		p.note("%s: 作成しませんでした: フォルダの中に確認表（.xlsx）がありません。", arg)
	}
}

// checkClashes refuses inputs whose outputs would have the same names.
func checkClashes(inputs []batch.Input, outDir string) error {
	clashes := batch.Clashes(inputs, outDir)
	if len(clashes) == 0 {
		return nil
	}
	var names []string
	for _, in := range clashes[0] {
		names = append(names, in.Path)
	}
	return fmt.Errorf("%s から作る文書が同じ名前になります。別々の出力先（-o）に分けて変換してください", strings.Join(names, "、"))
}

// newPipeline parses the templates, with the files of dir (may be "")
// replacing the defaults, and starts loading the fonts.
func newPipeline(opt convert.Options, dir string) (*convert.Converter, error) {
	if dir != "" {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("%s: ひな形のフォルダが見つかりません", dir)
		}
		// A root: a link inside the folder cannot lead a template to another file.
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, fmt.Errorf("%s: ひな形のフォルダを開けません", dir)
		}
		defer root.Close() // templates are parsed in convert.New; the root is not needed after
		opt.Templates = root.FS()
	}
	return convert.New(opt)
}

// grace is how long the files under way may take to finish after Ctrl-C.
const grace = 2 * time.Second

// stall names, in a test build only (-ldflags "-X main.stall=NAME"), an
// input whose conversion or validation never ends: a stuck file, to test
// interruptions.
var stall string

// renderAll converts the inputs on job.jobs workers, drawing progress.
func renderAll(e *env, job *renderJob, pipeline *convert.Converter) []batch.Result {
	conv := &batch.Converter{Pipeline: pipeline, OutDir: job.outDir, Force: job.force, SkipExisting: job.skip, Strict: job.convert.Checklist.Strict}
	convert := func(in batch.Input) batch.Result {
		if stall != "" && filepath.Base(in.Path) == stall {
			select {}
		}
		r := conv.Convert(in)
		if hint := passwordHint(r.Err, job.pwSource); hint != "" {
			r.Reason += hint
		}
		return r
	}
	progress := newProgress(e, len(job.inputs))
	setWorkers(min(job.jobs, len(job.inputs)), e.getenv)
	pool := batch.Pool{Workers: job.jobs, Grace: grace, Started: progress.started, Finished: progress.update}
	results := pool.Run(e.ctx, job.inputs, convert)
	progress.finish()
	return results
}

// renderStatus returns the exit status of render and says on stderr why
// it is not 0 when the reason is not in the results: fonts missing, or an
// interruption.
func renderStatus(e *env, results []batch.Result, total int, emptyFolders bool, pipeline *convert.Converter) int {
	status := exitOK
	for _, r := range results {
		switch {
		case r.Status == batch.Failed:
			status = exitWrite
		case r.Status == batch.Rejected && status == exitOK:
			status = exitRejected
		}
	}
	if emptyFolders && status == exitOK {
		status = exitRejected
	}
	if len(results) > 0 {
		if err := pipeline.Ready(); err != nil {
			fmt.Fprintf(e.stderr, "annexgen render: PDF を作成できません: %v\n", err)
			if wants(pipeline.Options().Formats, convert.Markdown) {
				fmt.Fprintln(e.stderr, "annexgen render: Markdown のみ作成しました。")
			}
			status = exitWrite
		}
	}
	if len(results) < total {
		fmt.Fprintf(e.stderr, "annexgen render: 中断しました。%d件中%d件を処理し、残りは変換していません。\n", total, len(results))
		return exitStopped
	}
	return status
}
