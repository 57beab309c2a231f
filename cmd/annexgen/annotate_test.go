package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexgen/annexgen/checklist/annotate"
	"github.com/xuri/excelize/v2"
)

func TestValidateAnnotate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "確認表.xlsx")
	blankForm(t, in)
	before, _ := os.ReadFile(in)
	r := annexgen(t, nil, "validate", "--annotate", in)
	if r.status != exitRejected {
		t.Fatalf("status %d, want %d\n%s", r.status, exitRejected, r.stderr)
	}
	after, _ := os.ReadFile(in)
	if !bytes.Equal(before, after) {
		t.Error("the input changed")
	}
	out := filepath.Join(dir, "確認表.findings.xlsx")
	if !strings.Contains(r.stderr, out) {
		t.Errorf("stderr does not name %s:\n%s", out, r.stderr)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if x.GetSheetName(0) != annotate.SheetName {
		t.Errorf("first sheet %q", x.GetSheetName(0))
	}
	comments, _ := x.GetComments("Part1")
	if len(comments) == 0 {
		t.Error("no comments on Part1")
	}

	// No overwrite without --force, and then nothing changes.
	copyBefore, _ := os.ReadFile(out)
	r = annexgen(t, nil, "validate", "--annotate", in)
	if r.status != exitWrite || !strings.Contains(r.stderr, "--force") {
		t.Errorf("second run: status %d, stderr:\n%s", r.status, r.stderr)
	}
	if copyAfter, _ := os.ReadFile(out); !bytes.Equal(copyBefore, copyAfter) {
		t.Error("the copy was replaced without --force")
	}
	if r = annexgen(t, nil, "validate", "--annotate", "--force", in); r.status != exitRejected {
		t.Errorf("with --force: status %d\n%s", r.status, r.stderr)
	}

	// -o DIR.
	other := filepath.Join(dir, "出力")
	if r = annexgen(t, nil, "validate", "--annotate", "-o", other, in); r.status != exitRejected {
		t.Errorf("-o: status %d\n%s", r.status, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(other, "確認表.findings.xlsx")); err != nil {
		t.Error(err)
	}
	// -o without --annotate is a usage error.
	if r = annexgen(t, nil, "validate", "-o", other, in); r.status != exitUsage {
		t.Errorf("-o alone: status %d", r.status)
	}
}

func TestValidateAnnotatePassword(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, filepath.Join("..", "..", "checklist", "xlsx", "testdata", "bad", "password.xlsx"), dir)
	r := annexgen(t, map[string]string{passwordEnv: "ひみつ2024"}, "validate", "--annotate", in)
	if r.status == exitWrite || r.status == exitUsage {
		t.Fatalf("status %d\n%s", r.status, r.stderr)
	}
	out := filepath.Join(dir, "password.findings.xlsx")
	if _, err := excelize.OpenFile(out); err == nil {
		t.Error("the copy opens without the password")
	}
	x, err := excelize.OpenFile(out, excelize.Options{Password: "ひみつ2024"})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if x.GetSheetName(0) != annotate.SheetName {
		t.Errorf("first sheet %q", x.GetSheetName(0))
	}
}

func TestValidateAnnotateFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	blankForm(t, filepath.Join(dir, "sub", "a.xlsx"))
	out := filepath.Join(t.TempDir(), "out")
	for range 2 { // the second run leaves the copies of the first alone
		r := annexgen(t, nil, "validate", "--annotate", "--force", dir)
		if r.status != exitRejected {
			t.Fatalf("status %d\n%s", r.status, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "sub", "a.findings.findings.xlsx")); err == nil {
		t.Error("a copy of a copy was written")
	}
	if r := annexgen(t, nil, "validate", "--annotate", "-o", out, dir); r.status != exitRejected {
		t.Fatalf("-o: status %d\n%s", r.status, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "sub", "a.findings.xlsx")); err != nil {
		t.Errorf("-o keeps the folder's relative path: %v", err)
	}
}
