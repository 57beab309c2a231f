package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRenderTakesEveryLicenceFile(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	writeFiles(t, a, map[string]string{"LICENSE": "MIT text\r\nline two\r\n", "PATENTS": "grant", "license.go": "package x", "README.md": "readme"})
	writeFiles(t, b, map[string]string{"COPYING.txt": "BSD text", "NOTICE": "notice"})
	got, err := render([]module{{Path: "example.com/a", Version: "v1.0.0", Dir: a}, {Path: "example.com/b", Version: "v0.1.0", Dir: b}})
	if err != nil {
		t.Fatal(err)
	}
	text := string(got)
	order := []string{"example.com/a v1.0.0", "LICENSE\n\nMIT text\nline two\n", "PATENTS\n\ngrant", "example.com/b v0.1.0", "COPYING.txt\n\nBSD text", "NOTICE\n\nnotice"}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", want, text)
		}
		at += i + len(want)
	}
	for _, unwanted := range []string{"\r", "package x", "readme"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("output contains %q", unwanted)
		}
	}
}

func TestRenderRefusesModuleWithoutLicence(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"README.md": "no licence here"})
	_, err := render([]module{{Path: "example.com/nolicence", Version: "v1.0.0", Dir: dir}})
	if err == nil || !strings.Contains(err.Error(), "example.com/nolicence") {
		t.Fatalf("err = %v, want a refusal naming the module", err)
	}
}

// TestFileUpToDate fails when a dependency changed without the file being
// generated again.
func TestFileUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list for every target")
	}
	if err := run(filepath.Join("..", "..", ".."), "THIRD_PARTY_LICENSES", true); err != nil {
		t.Fatal(err)
	}
}
