package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/cmd/annexbench/internal/typst"
)

func TestReportTable(t *testing.T) {
	r := &report{
		workbook: "samples/hospital.xlsx", title: "別紙, 10 pages", runs: 20, cold: 3,
		warm: 10, coldMs: 100, warmPages: 10, coldPages: 10,
		rows: []row{
			{tool: "annexgen", mode: "warm", time: timing{runs: 20, mean: 10, median: 9.5}, size: 51200, pages: 10},
			{tool: "annexgen", mode: "cold", time: timing{runs: 3, mean: 100, median: 90}, size: 51200, pages: 10},
			{tool: "Typst", mode: "warm", time: timing{runs: 20, mean: 45, median: 44}, size: 102400},
			{tool: "Typst", mode: "cold", time: timing{runs: 3, mean: 400, median: 400}, size: 102400, pages: 8},
			{tool: "pandoc + LuaLaTeX", mode: "cold", note: "not installed (texlive-lang-japanese)"},
		},
		jobs: []throughput{{jobs: 1, files: 40, seconds: 4, gcCycles: 11, gcShare: 3}, {jobs: 2, files: 40, seconds: 2.5, gcCycles: 9, gcShare: 4}},
	}
	var out bytes.Buffer
	r.print(&out)
	got := out.String()
	for _, want := range []string{
		"| annexgen | warm | 20 | 10.0 | 9.5 | 1.0 | 1.0× | 0.1× | 1.0× | 0.1× | 50 KB | 10 |",
		"| annexgen | cold | 3 | 100 | 90.0 | 10.0 | 10.0× | 1.0× | 10.0× | 1.0× | 50 KB | 10 |",
		"| Typst | warm | 20 | 45.0 | 44.0 |  | 4.5× | 0.5× |  |  | 100 KB | ? |",
		"| Typst | cold | 3 | 400 | 400 | 50.0 | 40.0× | 4.0× | 50.0× | 5.0× | 100 KB | 8 |",
		"| pandoc + LuaLaTeX | cold | | not installed (texlive-lang-japanese) | | | | | | | | |",
		"| -j 1 | 40 | 4.00 | 10.0 | 11 | 3% |",
		"| -j 2 | 40 | 2.50 | 16.0 | 9 | 4% |",
		"-j 2 throughput ÷ -j 1 throughput: 1.60×",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}

func TestCollections(t *testing.T) {
	log := "/tmp/x.pdf\n" +
		"gc 1 @0.004s 2%: 0.015+0.45+0.003 ms clock, 0.030+0.1/0.2/0+0.006 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\n" +
		"gc 9 @1.875s 4%: 1.4+20+0.005 ms clock, 2.9+0.61/1.3/0+0.010 ms cpu, 47->50->11 MB, 50 MB goal, 0 MB stacks, 0 MB globals, 2 P\n" +
		"done\n"
	if cycles, share := collections(log); cycles != 9 || share != 4 {
		t.Errorf("collections = %d, %d%%; want 9, 4%%", cycles, share)
	}
	if cycles, share := collections("no trace"); cycles != 0 || share != 0 {
		t.Errorf("collections without a trace = %d, %d", cycles, share)
	}
}

func TestReportWithoutBaselines(t *testing.T) {
	r := &report{rows: []row{{tool: "Typst", mode: "cold", time: newTiming([]float64{370, 360, 380})}}}
	var out bytes.Buffer
	r.print(&out)
	if !strings.Contains(out.String(), "| Typst | cold | 3 | 370 | 370 |  |  |  |  |  |  | ? |") {
		t.Errorf("row without baselines:\n%s", out.String())
	}
}

func TestTiming(t *testing.T) {
	cases := []struct {
		ms           []float64
		mean, median float64
	}{
		{[]float64{10, 30, 20}, 20, 20},
		{[]float64{10, 100, 20, 30}, 40, 25},
		{[]float64{7}, 7, 7},
	}
	for _, c := range cases {
		got := newTiming(c.ms)
		if got.runs != len(c.ms) || got.mean != c.mean || got.median != c.median {
			t.Errorf("newTiming(%v) = %+v, want mean %v median %v", c.ms, got, c.mean, c.median)
		}
	}
	if got := newTiming(nil); got.runs != 0 {
		t.Errorf("newTiming(nil) = %+v", got)
	}
}

func TestFontPathsAreDistinct(t *testing.T) {
	f := fontFiles{body: "/f/ipaexm.ttf", heading: "/f/ipaexg.ttf", bold: "/f/ipaexg.ttf"}
	if got := strings.Join(f.paths(), " "); got != "/f/ipaexm.ttf /f/ipaexg.ttf" {
		t.Errorf("paths = %s", got)
	}
	f.bold = "/f/bold.ttf"
	if got := len(f.paths()); got != 3 {
		t.Errorf("paths with a separate bold font: %d, want 3", got)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--peers", "word"},
		{"-n", "0"},
		{"a.xlsx", "b.xlsx"},
		{"testdata/no-such-workbook.xlsx"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 2 {
			t.Errorf("annexbench %v: exit %d, want 2 (stderr %q)", args, code, stderr.String())
		}
		if stderr.Len() == 0 {
			t.Errorf("annexbench %v: no message", args)
		}
	}
}

// TestTypstTypesetsTheSampleAnnex converts annexgen's annex of the sample
// workbook to Typst, compiles it with the Typst compiler installed by
// --install, and checks that every heading of the annex is in the PDF.
func TestTypstTypesetsTheSampleAnnex(t *testing.T) {
	modules := defaultCache()
	if _, err := os.Stat(filepath.Join(modules, "node_modules", "@myriaddreamin", "typst-ts-node-compiler")); err != nil {
		t.Skip("Typst compiler not installed (go run ./cmd/annexbench --install)")
	}
	for _, tool := range []string{"node", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " not installed")
		}
	}
	ff, err := findFontFiles()
	if err != nil {
		t.Skip(err)
	}
	a, err := newAnnexgen()
	if err != nil {
		t.Skip(err)
	}
	mdBytes, _, m, err := a.convert(filepath.Join("..", "..", "samples", "hospital.xlsx"))
	md := bytes.NewBuffer(mdBytes)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, out := filepath.Join(dir, "annex.typ"), filepath.Join(dir, "annex.pdf")
	style := typst.Style{Title: m.Title, Body: ff.bodyFamily, Heading: ff.headingFamily, Lang: "ja", Outline: true}
	cfg, _ := json.Marshal(typstConfig{Modules: modules, Fonts: ff.paths(), Source: src, Output: out, Runs: 1})
	script := filepath.Join(dir, "typst.cjs")
	for name, data := range map[string][]byte{src: typst.Document(md.Bytes(), style), script: typstScript, filepath.Join(dir, "cfg.json"): cfg} {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if res, err := exec.Command("node", script, filepath.Join(dir, "cfg.json")).CombinedOutput(); err != nil {
		t.Fatalf("typst: %v\n%s", err, res)
	}
	text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	headings := 0
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "#") {
			headings++
			h := strings.TrimLeft(line, "#")
			want := strings.Join(strings.Fields(typst.Literal([]byte(h))), "")
			if !strings.Contains(flat, want) {
				t.Errorf("Typst PDF lacks the heading %q", want)
			}
		}
	}
	if headings < 20 {
		t.Errorf("sample annex has %d headings, want at least 20", headings)
	}
}

func TestMissingPeersAreRows(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	b := &bench{
		opts: options{workbook: filepath.Join("..", "..", "samples", "hospital.xlsx"), runs: 1, cold: 1, cache: t.TempDir()},
		work: t.TempDir(), log: io.Discard, ctx: context.Background(), rep: &report{},
	}
	b.typst(&annex{})
	b.libreOffice()
	b.pandoc(&annex{})
	if len(b.rep.rows) != 4 {
		t.Fatalf("want 4 rows (Typst warm and cold, LibreOffice, pandoc), got %+v", b.rep.rows)
	}
	for _, r := range b.rep.rows {
		if !strings.HasPrefix(r.note, "not installed") {
			t.Errorf("%s %s: note %q, want not installed", r.tool, r.mode, r.note)
		}
	}
}

// TestBaselinePages checks that the page counts of annexgen's baseline rows are kept for the
// per-page ratios.
func TestBaselinePages(t *testing.T) {
	b := &bench{rep: &report{warm: 10, coldMs: 100}}
	b.add(row{tool: "annexgen", mode: "warm", time: timing{runs: 5, mean: 10}, pages: 12})
	b.add(row{tool: "annexgen", mode: "warm: Markdown → PDF", time: timing{runs: 5, mean: 8}, pages: 11})
	b.add(row{tool: "annexgen", mode: "cold", time: timing{runs: 3, mean: 100}, pages: 13})
	if b.rep.warmPages != 12 || b.rep.coldPages != 13 {
		t.Errorf("baseline pages %d and %d, want 12 and 13", b.rep.warmPages, b.rep.coldPages)
	}
}
