package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/internal/batch"
)

// fileReport is one file of the JSON document that validate --format json
// and render --json print: {"files":[…]}. validate fills the first four
// fields; render adds those of renderFields.
type fileReport struct {
	File     string             `json:"file"`
	Findings checklist.Findings `json:"findings"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
	*renderFields
}

// renderFields are what render adds to a file's report.
type renderFields struct {
	Status  batch.Status `json:"status"`           // done, rejected or failed
	Outputs []string     `json:"outputs"`          // the files written, [] when none
	Millis  int64        `json:"ms"`               // time taken for the file
	Reason  string       `json:"reason,omitempty"` // why the file was rejected or failed, in Japanese
}

// newFileReport is the report of a file and its findings.
func newFileReport(file string, findings checklist.Findings) fileReport {
	if findings == nil {
		findings = checklist.Findings{}
	}
	return fileReport{
		File:     file,
		Findings: findings,
		Errors:   findings.Count(checklist.SeverityError),
		Warnings: findings.Count(checklist.SeverityWarning),
	}
}

// renderReport is the report of one input of render.
func renderReport(r batch.Result) fileReport {
	rep := newFileReport(r.File, r.Findings)
	rep.Errors, rep.Warnings = r.Errors, r.Warnings
	rep.renderFields = &renderFields{Status: r.Status, Outputs: r.Outputs, Millis: r.Millis, Reason: r.Reason}
	return rep
}

// printer shows the outcome of a command in one output form: text for
// people, JSON for programs.
type printer interface {
	// note tells about an argument that gave nothing to convert.
	note(format string, a ...any)
	// validated prints the reports of validate.
	validated(reports []fileReport)
	// rendered prints the results of render; total is the number of inputs.
	rendered(results []batch.Result, total int)
}

// newPrinter returns the printer of e for text or JSON.
func newPrinter(e *env, asJSON bool) printer {
	if asJSON {
		return jsonPrinter{out: e.stdout, notes: e.stderr}
	}
	return textPrinter{out: e.stdout, diag: e.stderr}
}

// jsonPrinter prints one JSON document on stdout, and notes on stderr so
// that stdout holds the JSON document alone.
type jsonPrinter struct{ out, notes io.Writer }

func (p jsonPrinter) note(format string, a ...any) { fmt.Fprintf(p.notes, format+"\n", a...) }

func (p jsonPrinter) validated(reports []fileReport) { p.files(reports) }

func (p jsonPrinter) rendered(results []batch.Result, _ int) {
	reports := make([]fileReport, 0, len(results))
	for _, r := range results {
		reports = append(reports, renderReport(r))
	}
	p.files(reports)
}

// files writes {"files":[…]}, cell text as it is (no \u003c for <).
func (p jsonPrinter) files(reports []fileReport) {
	if reports == nil {
		reports = []fileReport{}
	}
	enc := json.NewEncoder(p.out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(struct {
		Files []fileReport `json:"files"`
	}{reports})
}

// textPrinter prints lines for people: results on out (stdout), and for
// render everything else — findings, rejections, notes, the summary — on
// diag (stderr), so that stdout lists the files written, one a line.
type textPrinter struct{ out, diag io.Writer }

func (p textPrinter) note(format string, a ...any) { fmt.Fprintf(p.diag, format+"\n", a...) }

func (p textPrinter) validated(reports []fileReport) {
	for _, r := range reports {
		printFindings(p.out, r.File, r.Findings)
	}
	if len(reports) > 1 {
		bad := 0
		for _, r := range reports {
			if r.Errors > 0 {
				bad++
			}
		}
		fmt.Fprintf(p.out, "\n%dファイルを確認しました: エラーなし %d、エラーあり %d\n", len(reports), len(reports)-bad, bad)
	}
}

// rendered prints each file written on stdout, and what happened to each
// input and a summary on stderr.
func (p textPrinter) rendered(results []batch.Result, total int) {
	for _, r := range results {
		switch r.Status {
		case batch.Done:
			for _, o := range r.Outputs {
				fmt.Fprintln(p.out, o)
			}
			if r.Warnings > 0 {
				printFindings(p.diag, r.File, onlyWarnings(r.Findings))
			}
		case batch.Skipped:
			fmt.Fprintf(p.diag, "%s: 出力が既にあるため飛ばしました\n", r.File)
		case batch.Rejected:
			if r.Err == nil {
				printFindings(p.diag, r.File, r.Findings)
			}
			fmt.Fprintf(p.diag, "%s: 作成しませんでした: %s\n", r.File, strings.TrimPrefix(r.Reason, r.File+": "))
		case batch.Failed:
			fmt.Fprintf(p.diag, "%s: 失敗しました: %s\n", r.File, r.Reason)
		}
	}
	summarize(p.diag, results, total)
}

// summarize prints the counts of a render and names the files that gave
// no documents.
func summarize(w io.Writer, results []batch.Result, total int) {
	count := map[batch.Status]int{}
	var refused []string
	templates, exists := 0, false
	for _, r := range results {
		count[r.Status]++
		if r.Status == batch.Rejected || r.Status == batch.Failed {
			refused = append(refused, r.File)
		}
		if r.Template {
			templates++
		}
		exists = exists || r.Exists
	}
	if len(results) < 2 && len(refused) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%d件中 作成 %d件、エラーのため作成せず %d件", total, count[batch.Done], count[batch.Rejected])
	if templates > 0 {
		fmt.Fprintf(w, "、ひな形の誤り %d件", templates)
	}
	fmt.Fprintf(w, "、書き込み失敗 %d件", count[batch.Failed]-templates)
	if count[batch.Skipped] > 0 {
		fmt.Fprintf(w, "、作成済みのため飛ばした %d件", count[batch.Skipped])
	}
	fmt.Fprintln(w)
	if len(refused) > 0 {
		fmt.Fprintf(w, "文書を作成しなかった確認表（%d件）:\n", len(refused))
		for _, f := range refused {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
	if exists {
		fmt.Fprintln(w, "（既にある文書を作り直すには --force を、作成済みの確認表を飛ばして続きを変換するには --skip-existing を付けてください）")
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
