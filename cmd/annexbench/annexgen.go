package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/annexgen/annexgen/checklist"
	"github.com/annexgen/annexgen/document"
	"github.com/annexgen/annexgen/internal/convert"
)

// warmUp is the number of untimed runs before a warm measurement.
const warmUp = 2

// annex is annexgen's annex of the workbook, the input of the peers that
// typeset Markdown.
type annex struct {
	md   []byte
	meta document.Meta
	pdf  string // path of annexgen's PDF
}

// annexgen renders documents in-process, as one `annexgen render` worker
// does: templates parsed and fonts loaded once.
type annexgen struct {
	conv *convert.Converter
}

func newAnnexgen() (*annexgen, error) {
	conv, err := convert.New(convert.Options{Kind: document.Annex, Formats: []convert.Format{convert.Markdown, convert.PDF}})
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if err := conv.Ready(); err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	return &annexgen{conv: conv}, nil
}

// convert reads and validates a workbook and returns its annex as Markdown
// and PDF, with the document's metadata.
func (a *annexgen) convert(path string) (md, pdf []byte, meta document.Meta, err error) {
	res, err := a.conv.File(path)
	switch {
	case err != nil:
		return nil, nil, meta, err
	case res.Unreadable != nil:
		return nil, nil, meta, res.Unreadable
	case res.Rejected():
		n := res.Findings.Count(checklist.SeverityError)
		return nil, nil, meta, fmt.Errorf("%s has %d validation errors (annexgen validate %s)", path, n, path)
	}
	for _, o := range res.Outputs {
		switch o.Format {
		case convert.Markdown:
			md = o.Data
		case convert.PDF:
			pdf = o.Data
		}
		meta = o.Meta
	}
	return md, pdf, meta, nil
}

// annexgenWarm measures annexgen in-process on one core and returns the
// document for the peers.
func (b *bench) annexgenWarm() (*annex, error) {
	b.progress("annexgen: loading fonts and templates")
	start := time.Now()
	a, err := newAnnexgen()
	if err != nil {
		return nil, err
	}
	b.note("annexgen's one-time setup in-process (templates parsed, fonts found and loaded): %.1f ms", float64(time.Since(start).Microseconds())/1000)
	md, out, m, err := a.convert(b.opts.workbook)
	if err != nil {
		return nil, err
	}
	doc := &annex{md: md, meta: m, pdf: filepath.Join(b.work, "annexgen.pdf")}
	if err := os.WriteFile(doc.pdf, out, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(b.work, "annex.md"), doc.md, 0o644); err != nil {
		return nil, err
	}
	size, pages := pdfFacts(doc.pdf)
	b.rep.title = fmt.Sprintf("%s, %d pages, %d KB of Markdown", m.Title, pages, len(doc.md)/1024)

	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)

	b.progress("annexgen: warm, xlsx → PDF, %d runs", b.opts.runs)
	stopProfile, err := startProfile(b.opts.profile)
	if err != nil {
		return nil, err
	}
	full, err := timeRuns(b.opts.runs, func() error {
		_, _, _, err := a.convert(b.opts.workbook)
		return err
	})
	if perr := stopProfile(); err == nil {
		err = perr
	}
	if err != nil {
		return nil, err
	}
	b.rep.warm = full.mean
	b.add(row{tool: "annexgen", mode: "warm: xlsx → PDF in-process, 1 core", time: full, size: size, pages: pages})

	b.progress("annexgen: warm, Markdown → PDF, %d runs", b.opts.runs)
	typeset, err := timeRuns(b.opts.runs, func() error {
		_, _, err := a.conv.FromMarkdown(convert.PDF, doc.md, m)
		return err
	})
	if err != nil {
		return nil, err
	}
	b.add(row{tool: "annexgen", mode: "warm: Markdown → PDF in-process, 1 core", time: typeset, size: size, pages: pages})

	// As a command runs one workbook: the second count beside rendering
	// and the collector on the other cores, like a peer's threads.
	if prev > 1 {
		runtime.GOMAXPROCS(prev)
		b.progress("annexgen: warm, xlsx → PDF, %d cores, %d runs", prev, b.opts.runs)
		all, err := timeRuns(b.opts.runs, func() error {
			_, _, _, err := a.convert(b.opts.workbook)
			return err
		})
		if err != nil {
			return nil, err
		}
		b.add(row{tool: "annexgen", mode: fmt.Sprintf("warm: xlsx → PDF in-process, %d cores", prev), time: all, size: size, pages: pages})
	}
	return doc, nil
}

// startProfile starts a CPU profile written to path, if path is not empty,
// and returns the function that stops it.
func startProfile(path string) (func() error, error) {
	if path == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}

// timeRuns calls f warmUp times untimed, then n times timed.
func timeRuns(n int, f func() error) (timing, error) {
	for range warmUp {
		if err := f(); err != nil {
			return timing{}, err
		}
	}
	ms := make([]float64, 0, n)
	for range n {
		start := time.Now()
		if err := f(); err != nil {
			return timing{}, err
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
	}
	return newTiming(ms), nil
}

// binary returns the annexgen binary: the one given with --annexgen, or one
// built from ./cmd/annexgen of the module annexbench runs in.
// It is built once per run.
func (b *bench) binary() (string, error) {
	if b.bin == "" && b.binErr == nil {
		b.bin, b.binErr = b.build()
	}
	return b.bin, b.binErr
}

func (b *bench) build() (string, error) {
	if b.opts.annexgen != "" {
		return b.opts.annexgen, nil
	}
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	mod := strings.TrimSpace(string(gomod))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside the annexgen module; give --annexgen BINARY")
	}
	root := filepath.Dir(mod)
	bin := filepath.Join(b.work, "annexgen")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	b.progress("annexgen: go build ./cmd/annexgen")
	cmd := b.command("go", "build", "-o", bin, "./cmd/annexgen")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/annexgen: %v%s", err, tail(string(out)))
	}
	return bin, nil
}

// annexgenCold measures `annexgen render` of the workbook as a new process.
func (b *bench) annexgenCold() {
	const mode = "cold: `annexgen render` process"
	bin, err := b.binary()
	if err != nil {
		b.add(row{tool: "annexgen", mode: mode, note: err.Error()})
		return
	}
	outDir := filepath.Join(b.work, "annexgen-cold")
	b.progress("annexgen: cold, %d runs", b.opts.cold)
	t, err := b.timeProcesses(b.opts.cold, func() *exec.Cmd {
		return b.command(bin, "render", "--doc", "annex", "--force", "-o", outDir, b.opts.workbook)
	})
	if err != nil {
		b.add(row{tool: "annexgen", mode: mode, note: err.Error()})
		return
	}
	b.rep.coldMs = t.mean
	size, pages := pdfFacts(filepath.Join(outDir, stem(b.opts.workbook)+".annex.pdf"))
	b.add(row{tool: "annexgen", mode: mode, time: t, size: size, pages: pages})
}

// jobs measures the throughput of `annexgen render -j 1` and `-j 2` over a
// folder of copies of the workbook.
func (b *bench) jobs() {
	bin, err := b.binary()
	if err != nil {
		b.rep.jobsNote = err.Error()
		return
	}
	in := filepath.Join(b.work, "jobs", "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		b.rep.jobsNote = err.Error()
		return
	}
	data, err := os.ReadFile(b.opts.workbook)
	if err != nil {
		b.rep.jobsNote = err.Error()
		return
	}
	for i := range b.opts.files {
		name := filepath.Join(in, fmt.Sprintf("%s-%02d.xlsx", stem(b.opts.workbook), i+1))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			b.rep.jobsNote = err.Error()
			return
		}
	}
	b.progress("annexgen: -j 1 and -j 2 over %d workbooks, %d runs each", b.opts.files, b.opts.cold)
	levels := []int{1, 2}
	totals := make([]time.Duration, len(levels))
	gcCycles, gcShares := make([]int, len(levels)), make([]int, len(levels))
	for i := -1; i < b.opts.cold; i++ {
		for k, j := range levels {
			out := filepath.Join(b.work, "jobs", fmt.Sprintf("out-j%d", j))
			cmd := b.command(bin, "render", "--doc", "annex", "-j", fmt.Sprint(j), "--force", "-o", out, in)
			cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1")
			var log bytes.Buffer
			cmd.Stdout, cmd.Stderr = &log, &log
			start := time.Now()
			if err := cmd.Run(); err != nil {
				b.rep.jobsNote = fmt.Sprintf("annexgen render -j %d: %v%s", j, err, tail(log.String()))
				return
			}
			if i >= 0 {
				totals[k] += time.Since(start)
				cycles, share := collections(log.String())
				gcCycles[k] += cycles
				gcShares[k] += share
			}
		}
	}
	runs := float64(b.opts.cold)
	for k, j := range levels {
		b.rep.jobs = append(b.rep.jobs, throughput{jobs: j, files: b.opts.files, seconds: totals[k].Seconds() / runs,
			gcCycles: float64(gcCycles[k]) / runs, gcShare: float64(gcShares[k]) / runs})
	}
	b.rep.parallelism = parallelism()
}

// gcLine is a line of the runtime's GODEBUG=gctrace=1 output: the cycle's
// number and the share of processor time spent collecting since the start.
var gcLine = regexp.MustCompile(`(?m)^gc (\d+) @[0-9.]+s (\d+)%:`)

// collections returns how many garbage collections a run's gctrace output
// reports and the share of processor time they took, in percent, as the
// runtime reports it on its last line.
func collections(log string) (cycles, share int) {
	m := gcLine.FindAllStringSubmatch(log, -1)
	if len(m) == 0 {
		return 0, 0
	}
	last := m[len(m)-1]
	cycles, _ = strconv.Atoi(last[1])
	share, _ = strconv.Atoi(last[2])
	return cycles, share
}

// parallelism returns how much more work two goroutines doing pure
// arithmetic get done than one in the same time, on this machine now: 2.0
// on two idle cores, less when other processes hold a core.
func parallelism() float64 {
	work := func(n int) {
		s := 0
		for i := range n {
			s += i ^ (s >> 3)
		}
		sink.Store(int64(s))
	}
	const n = 400_000_000
	elapsed := func(workers int) time.Duration {
		start := time.Now()
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() { work(n / workers) })
		}
		wg.Wait()
		return time.Since(start)
	}
	one := elapsed(1)
	two := elapsed(2)
	return one.Seconds() / two.Seconds()
}

// sink keeps the arithmetic of parallelism from being optimised away.
var sink atomic.Int64

// stem is a file name without folder and extension.
func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
