package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestReportTable(t *testing.T) {
	r := &report{
		workbook: "samples/hospital.xlsx", title: "別紙, 10 pages", runs: 20, cold: 3,
		warm: 10, coldMs: 100,
		rows: []row{
			{tool: "annexgen", mode: "warm", runs: 20, ms: 10, size: 51200, pages: 10},
			{tool: "annexgen", mode: "cold", runs: 3, ms: 100, size: 51200, pages: 10},
			{tool: "Typst", mode: "warm", runs: 20, ms: 45, size: 102400},
			{tool: "pandoc + LuaLaTeX", mode: "cold", note: "not installed (texlive-lang-japanese)"},
		},
		jobs: []throughput{{jobs: 1, files: 40, seconds: 4}, {jobs: 2, files: 40, seconds: 2.5}},
	}
	var out bytes.Buffer
	r.print(&out)
	got := out.String()
	for _, want := range []string{
		"| annexgen | warm | 20 | 10.0 | 1.0× | 0.1× | 50 KB | 10 |",
		"| annexgen | cold | 3 | 100 | 10.0× | 1.0× | 50 KB | 10 |",
		"| Typst | warm | 20 | 45.0 | 4.5× | 0.5× | 100 KB | ? |",
		"| pandoc + LuaLaTeX | cold | | not installed (texlive-lang-japanese) | | | | |",
		"| -j 1 | 40 | 4.00 | 10.0 |",
		"| -j 2 | 40 | 2.50 | 16.0 |",
		"-j 2 throughput ÷ -j 1 throughput: 1.60×",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}

func TestReportWithoutBaselines(t *testing.T) {
	r := &report{rows: []row{{tool: "Typst", mode: "cold", runs: 3, ms: 370}}}
	var out bytes.Buffer
	r.print(&out)
	if !strings.Contains(out.String(), "| Typst | cold | 3 | 370 |  |  |  | ? |") {
		t.Errorf("row without baselines:\n%s", out.String())
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
