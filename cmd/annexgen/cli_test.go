package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestHelpOnStdout asks every command for its help: it goes to stdout
// (so that "annexgen render --help | less" shows it), with status 0,
// options listed without pflag's "[=true|false]" or English defaults.
func TestHelpOnStdout(t *testing.T) {
	for _, cmd := range []string{"init", "validate", "render", "templates", "version"} {
		for _, flag := range []string{"--help", "-h"} {
			r := annexgen(t, nil, cmd, flag)
			if r.status != exitOK || r.stderr != "" || !strings.HasPrefix(r.stdout, "annexgen "+cmd+": ") {
				t.Errorf("%s %s: status %d, stdout %.60q, stderr %q", cmd, flag, r.status, r.stdout, r.stderr)
			}
			for _, bad := range []string{"[=true|false]", "(default", " string ", " int "} {
				if strings.Contains(r.stdout, bad) {
					t.Errorf("%s %s: help has %q:\n%s", cmd, flag, bad, r.stdout)
				}
			}
		}
	}
	r := annexgen(t, nil, "render", "--help")
	for _, want := range []string{
		"--doc 文書", "省略時は確認表の基本情報「文書種別」に従います（空欄なら annex）",
		"--force  ", "--skip-existing", "-j, --jobs 数", "（既定: md,pdf）",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("render --help lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "既定: annex") {
		t.Errorf("render --help says the default of --doc is annex:\n%s", r.stdout)
	}
	if r := annexgen(t, nil, "help", "render"); r.status != exitOK || !strings.HasPrefix(r.stdout, "annexgen render: ") {
		t.Errorf("help render: status %d, stdout %.60q", r.status, r.stdout)
	}
	if r := annexgen(t, nil, "version", "extra"); r.status != exitUsage {
		t.Errorf("version extra: status %d, want %d", r.status, exitUsage)
	}
}

// TestStrictRefusalWording renders with --strict a workbook with open
// items: the messages say the item is refused and how to list them all.
func TestStrictRefusalWording(t *testing.T) {
	r := annexgen(t, nil, "render", "--to", "md", "--strict", "-o", t.TempDir(), sample("hospital.xlsx"))
	if r.status != exitRejected {
		t.Fatalf("status %d\n%s", r.status, r.stderr)
	}
	for _, want := range []string{"--strict では協議中の項目を認めないため、この確認表からは文書を作成しません", "annexgen validate --strict で内容を確認してください"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "協議中の項目として扱います") {
		t.Errorf("a refused item is described as accepted:\n%s", r.stderr)
	}
}

// TestTemplateErrorAtRunTime edits a template so that it fails only on a
// workbook's own data, which the trial before the run cannot see: the
// files fail with the template's file and line, counted as template
// errors, not as write failures.
func TestTemplateErrorAtRunTime(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "tmpl")
	if r := annexgen(t, nil, "templates", "-o", tmpl); r.status != exitOK {
		t.Fatal(r.stderr)
	}
	annex := filepath.Join(tmpl, "annex.md.tmpl")
	b, _ := os.ReadFile(annex)
	os.WriteFile(annex, append(b, "{{if ne (raw .System) \"試験用システム\"}}{{template \"ない.tmpl\"}}{{end}}\n"...), 0o644)
	in := filepath.Join(dir, "in")
	copyFile(t, sample("clinic.xlsx"), in)
	r := annexgen(t, nil, "render", "--to", "md", "--doc", "annex", "--templates", tmpl, "-o", filepath.Join(dir, "out"), in)
	if r.status != exitWrite {
		t.Errorf("status %d, want %d", r.status, exitWrite)
	}
	for _, want := range []string{"annex.md.tmpl:", "テンプレートを適用できません", "1件中 作成 0件、エラーのため作成せず 0件、ひな形の誤り 1件、書き込み失敗 0件"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

// TestTemplateLimitUpFront gives a template that would print without
// end: it is refused before any workbook, naming the template.
func TestTemplateLimitUpFront(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "tmpl")
	os.MkdirAll(tmpl, 0o755)
	os.WriteFile(filepath.Join(tmpl, "annex.md.tmpl"), []byte("{{range 100000000}}{{$.Title}}{{end}}\n"), 0o644)
	r := annexgen(t, nil, "render", "--to", "md", "--doc", "annex", "--templates", tmpl, "-o", filepath.Join(dir, "out"), sample("clinic.xlsx"))
	if r.status != exitUsage || !strings.Contains(r.stderr, "annex.md.tmpl: テンプレートを適用できません: 文書が大きくなりすぎます") {
		t.Errorf("status %d\n%s", r.status, r.stderr)
	}
	if strings.Contains(r.stderr, "clinic.xlsx") {
		t.Errorf("the template error was reported per workbook:\n%s", r.stderr)
	}
}

// TestInitCoversAddedRows makes a form with two vendors: the drop-downs
// and the date check reach row 1000, below the prepared rows, and the
// role headers carry the vendors' names; validate reads it back.
func TestInitCoversAddedRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "確認表.xlsx")
	if r := annexgen(t, nil, "init", "-o", path, "--vendor", "株式会社メディカル", "--vendor", "ネット保守株式会社"); r.status != exitOK {
		t.Fatalf("init: %d %s", r.status, r.stderr)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, sheet := range []string{"Part1", "Part2"} {
		if g, _ := x.GetCellValue(sheet, "G8"); g != "事業者A\n（株式会社メディカル）" {
			t.Errorf("%s!G8 = %q, want the vendor's name under 事業者A", sheet, g)
		}
		if h, _ := x.GetCellValue(sheet, "H8"); !strings.Contains(h, "ネット保守株式会社") {
			t.Errorf("%s!H8 = %q", sheet, h)
		}
		dvs, err := x.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		covered := map[string]bool{}
		for _, dv := range dvs {
			for _, cell := range []string{"D1000", "E1000", "F1000", "H1000"} {
				if covers(dv.Sqref, cell) {
					covered[cell] = true
				}
			}
		}
		if len(covered) != 4 {
			t.Errorf("%s: row 1000 covered in %v, want D to H", sheet, covered)
		}
	}
	if r := annexgen(t, nil, "validate", "--format", "json", path); strings.Contains(r.stdout, "column-ignored") || strings.Contains(r.stdout, "vendor-no-column") {
		t.Errorf("the named role headers are not read as role columns:\n%s", r.stdout)
	}
}

// covers reports whether the space-separated ranges of sqref include cell.
func covers(sqref, cell string) bool {
	col, row, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		return false
	}
	for _, r := range strings.Fields(sqref) {
		from, to, _ := strings.Cut(r, ":")
		if to == "" {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 == nil && err2 == nil && col >= c1 && col <= c2 && row >= r1 && row <= r2 {
			return true
		}
	}
	return false
}
