package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// editedClinic copies samples/clinic.xlsx into a temporary folder with
// the 合意内容 of its first Part1 item replaced by agreement.
func editedClinic(t *testing.T, agreement string) (path, cell string) {
	t.Helper()
	path = copyFile(t, sample("clinic.xlsx"), t.TempDir())
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Part1")
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v != "合意内容" {
				continue
			}
			cell, _ = excelize.CoordinatesToCellName(c+1, r+2)
			if err := x.SetCellStr("Part1", cell, agreement); err != nil {
				t.Fatal(err)
			}
			if err := x.Save(); err != nil {
				t.Fatal(err)
			}
			return path, "Part1!" + cell
		}
	}
	t.Fatal("clinic.xlsx: no 合意内容 column in Part1")
	return "", ""
}

// TestBlankAgreement renders a workbook with a blank 合意内容: the
// document shows the marker and the cover counts it; --strict refuses the
// workbook, naming the cell, and writes nothing.
func TestBlankAgreement(t *testing.T) {
	path, cell := editedClinic(t, "")
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--to", "md", "--doc", "memorandum", "-o", out, path)
	if r.status != exitOK || !strings.Contains(r.stderr, cell) || !strings.Contains(r.stderr, "agreement-missing") {
		t.Fatalf("status %d, want 0 and a warning at %s\n%s", r.status, cell, r.stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "clinic.memorandum.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n| 合意内容未記入 |\n| --- |\n", "| 合意内容未記入の項目あり（1件） |"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	for _, args := range [][]string{
		{"render", "--to", "md", "--strict", "-o", t.TempDir(), path},
		{"render", "--to", "md", "--strict", "--json", "-o", t.TempDir(), path},
		{"validate", "--strict", path},
	} {
		r := annexgen(t, nil, args...)
		// render --json and validate print the findings as their result;
		// plain render prints them as diagnostics.
		findings := r.stdout
		if args[0] == "render" && args[4] != "--json" {
			findings = r.stderr
		}
		if r.status != exitRejected || !strings.Contains(findings, "agreement-missing") || !strings.Contains(findings, strings.TrimPrefix(cell, "Part1!")) {
			t.Errorf("%v: status %d, want %d and the cell %s named\n%s", args, r.status, exitRejected, cell, findings)
		}
		if args[0] == "render" {
			if entries, _ := os.ReadDir(args[len(args)-2]); len(entries) != 0 {
				t.Errorf("%v: a refused workbook produced %d files", args, len(entries))
			}
		}
	}
}

// TestRolesOnlyAgreement checks that a dash in 合意内容 renders the
// roles-only sentence and passes --strict.
func TestRolesOnlyAgreement(t *testing.T) {
	path, _ := editedClinic(t, "-")
	out := t.TempDir()
	r := annexgen(t, nil, "render", "--to", "md", "--strict", "-o", out, path)
	if r.status != exitOK {
		t.Fatalf("status %d\n%s", r.status, r.stdout)
	}
	md, _ := os.ReadFile(filepath.Join(out, "clinic.annex.md"))
	if n := strings.Count(string(md), "\n役割分担欄のとおりとし、個別の合意事項はない。\n"); n != 2 {
		t.Errorf("%d roles-only sentences, want 2 (the sample has one)", n)
	}
}

// TestAgreementNamesOtherDocument checks the warning for a 合意内容 that
// names another kind of document, for the kind actually rendered.
func TestAgreementNamesOtherDocument(t *testing.T) {
	path, cell := editedClinic(t, "本覚書の別表のとおりとする。")
	r := annexgen(t, nil, "render", "--to", "md", "-o", t.TempDir(), path)
	if r.status != exitOK || !strings.Contains(r.stderr, "agreement-other-document") || !strings.Contains(r.stderr, cell) {
		t.Errorf("annex: status %d, want a warning at %s\n%s", r.status, cell, r.stderr)
	}
	r = annexgen(t, nil, "render", "--to", "md", "--doc", "memorandum", "-o", t.TempDir(), path)
	if r.status != exitOK || strings.Contains(r.stderr, "agreement-other-document") {
		t.Errorf("memorandum: status %d, want no warning\n%s", r.status, r.stdout)
	}
}
