package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// bench runs the measurements of one annexbench invocation.
type bench struct {
	opts options
	work string // temporary folder for every input and output
	log  io.Writer
	ctx  context.Context
	rep  *report

	bin    string // the annexgen binary, once built
	binErr error

	fontFiles fontFiles // the fonts for the peers, once found
	fontErr   error
	fontsDone bool
}

// row is one line of the result table.
type row struct {
	tool  string
	mode  string
	time  timing
	size  int64  // bytes of the PDF written
	pages int    // 0 when unknown
	note  string // why there is no figure ("not installed", an error)
}

// timing summarises the milliseconds per document of several runs.
type timing struct {
	runs         int
	mean, median float64
}

func newTiming(ms []float64) timing {
	if len(ms) == 0 {
		return timing{}
	}
	sorted := slices.Sorted(slices.Values(ms))
	var sum float64
	for _, m := range ms {
		sum += m
	}
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
	}
	return timing{runs: len(ms), mean: sum / float64(len(ms)), median: median}
}

// throughput is one `annexgen render -j N` run over a folder.
type throughput struct {
	jobs     int
	files    int
	seconds  float64
	gcCycles float64 // garbage collections per run
	gcShare  float64 // their share of the processor time, in percent
}

// report is everything annexbench prints.
type report struct {
	workbook     string
	title        string
	machine      string
	loadBefore   string
	loadAfter    string
	runs, cold   int
	rows         []row
	warm, coldMs float64 // annexgen's mean baselines; 0 when not measured
	warmPages    int     // pages of the baselines' documents; 0 when unknown
	coldPages    int
	jobs         []throughput
	jobsNote     string
	parallelism  float64 // what two spinning goroutines achieve over one
	notes        []string
}

func (b *bench) run() (*report, error) {
	b.rep = &report{
		workbook:   b.opts.workbook,
		machine:    machine(),
		loadBefore: loadAverage(),
		runs:       b.opts.runs,
		cold:       b.opts.cold,
	}
	doc, err := b.annexgenWarm()
	if err != nil {
		return nil, err
	}
	b.annexgenCold()
	if b.opts.peers[peerTypst] && b.ctx.Err() == nil {
		b.typst(doc)
	}
	if b.opts.peers[peerLibreOffice] && b.ctx.Err() == nil {
		b.libreOffice()
	}
	if b.opts.peers[peerPandoc] && b.ctx.Err() == nil {
		b.pandoc(doc)
	}
	if b.opts.files > 0 && b.ctx.Err() == nil {
		b.jobs()
	}
	b.rep.loadAfter = loadAverage()
	return b.rep, nil
}

// progress tells the user what is being measured.
func (b *bench) progress(format string, a ...any) {
	fmt.Fprintf(b.log, "annexbench: "+format+"\n", a...)
}

func (b *bench) add(r row) {
	b.rep.rows = append(b.rep.rows, r)
	if r.tool == "annexgen" && r.time.runs > 0 {
		// The baselines are set just before their rows are added.
		if r.time.mean == b.rep.warm {
			b.rep.warmPages = r.pages
		}
		if r.time.mean == b.rep.coldMs {
			b.rep.coldPages = r.pages
		}
	}
}

func (b *bench) note(format string, a ...any) {
	b.rep.notes = append(b.rep.notes, fmt.Sprintf(format, a...))
}

// timeProcesses runs a fresh process made by cmd once untimed (to fill the
// file cache and create caches and profiles), then n times timed, and
// returns the wall times.
func (b *bench) timeProcesses(n int, cmd func() *exec.Cmd) (timing, error) {
	var ms []float64
	for i := -1; i < n; i++ {
		c := cmd()
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		start := time.Now()
		err := c.Run()
		d := time.Since(start)
		if err != nil {
			if b.ctx.Err() != nil {
				return timing{}, b.ctx.Err()
			}
			return timing{}, fmt.Errorf("%s: %v%s", filepath.Base(c.Path), err, tail(out.String()))
		}
		if i >= 0 {
			ms = append(ms, float64(d.Microseconds())/1000)
		}
	}
	return newTiming(ms), nil
}

// command is exec.CommandContext with the bench's context.
func (b *bench) command(name string, args ...string) *exec.Cmd {
	return exec.CommandContext(b.ctx, name, args...)
}

// tail returns the last lines of a command's output, for error notes.
func tail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > 3 {
		lines = lines[len(lines)-3:]
	}
	return ": " + strings.Join(lines, " / ")
}

// pagesLine is the page count in pdfinfo's output.
var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pdfFacts returns the size of a PDF file and its page count from pdfinfo
// (0 when pdfinfo is missing or fails).
func pdfFacts(path string) (int64, int) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, 0
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		return info.Size(), 0
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		return info.Size(), 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return info.Size(), n
}

// firstLine returns the first line of a command's output, or "".
func firstLine(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return ""
	}
	l, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return strings.TrimSpace(l)
}

// print writes the report as Markdown tables and notes.
func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "workbook: %s (%s)\n", r.workbook, r.title)
	fmt.Fprintf(w, "machine: %s; load average %s before, %s after\n", r.machine, r.loadBefore, r.loadAfter)
	fmt.Fprintf(w, "warm: mean of %d runs after %d untimed; cold: mean of %d runs, each a new process, after 1 untimed\n", r.runs, warmUp, r.cold)
	fmt.Fprintln(w, "ratios: the tool's mean time divided by annexgen's (warm, then cold), per document and per page")
	fmt.Fprintln(w)

	fmt.Fprintln(w, "| tool | mode | runs | ms per document (mean) | median | ms per page | vs annexgen warm | vs annexgen cold | per page vs warm | per page vs cold | PDF size | pages |")
	fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, row := range r.rows {
		if row.note != "" {
			fmt.Fprintf(w, "| %s | %s | | %s | | | | | | | | |\n", row.tool, row.mode, row.note)
			continue
		}
		pages, perPage := "?", ""
		if row.pages > 0 {
			pages = strconv.Itoa(row.pages)
			perPage = millis(row.time.mean / float64(row.pages))
		}
		t := row.time
		fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", row.tool, row.mode, t.runs,
			millis(t.mean), millis(t.median), perPage, ratio(t.mean, r.warm), ratio(t.mean, r.coldMs),
			pageRatio(t.mean, row.pages, r.warm, r.warmPages), pageRatio(t.mean, row.pages, r.coldMs, r.coldPages),
			kilobytes(row.size), pages)
	}

	if len(r.jobs) > 0 || r.jobsNote != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| annexgen render, one folder | workbooks | seconds | documents per second | garbage collections | their share of processor time |")
		fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: |")
		for _, j := range r.jobs {
			fmt.Fprintf(w, "| -j %d | %d | %.2f | %.1f | %.0f | %.0f%% |\n", j.jobs, j.files, j.seconds, float64(j.files)/j.seconds, j.gcCycles, j.gcShare)
		}
		if r.jobsNote != "" {
			fmt.Fprintf(w, "\n-j throughput: %s\n", r.jobsNote)
		} else if len(r.jobs) == 2 {
			fmt.Fprintf(w, "\n-j %d throughput ÷ -j %d throughput: %.2f×", r.jobs[1].jobs, r.jobs[0].jobs, r.jobs[0].seconds/r.jobs[1].seconds)
			if r.parallelism > 0 {
				fmt.Fprintf(w, " (on this machine now, two goroutines of pure arithmetic do %.2f× the work of one)", r.parallelism)
			}
			fmt.Fprintln(w)
		}
	}
	if len(r.notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range r.notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
}

func millis(ms float64) string {
	if ms < 100 {
		return fmt.Sprintf("%.1f", ms)
	}
	return fmt.Sprintf("%.0f", ms)
}

func ratio(ms, base float64) string {
	if base <= 0 {
		return ""
	}
	return fmt.Sprintf("%.1f×", ms/base)
}

// pageRatio compares the time per page of a document of pages pages with a baseline's; "" when
// a page count is unknown.
func pageRatio(ms float64, pages int, base float64, basePages int) string {
	if pages <= 0 || basePages <= 0 || base <= 0 {
		return ""
	}
	return ratio(ms/float64(pages), base/float64(basePages))
}

func kilobytes(n int64) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%.0f KB", float64(n)/1024)
}
