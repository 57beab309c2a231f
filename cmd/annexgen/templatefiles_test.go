package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexgen/annexgen/templates"
)

// TestWriteTemplates writes the default templates all or none, and never
// over existing files without force.
func TestWriteTemplates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tmpl")
	written, err := writeTemplates(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != len(templates.Names()) {
		t.Fatalf("wrote %d files, want %d", len(written), len(templates.Names()))
	}
	for _, name := range templates.Names() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := templates.FS.ReadFile(name)
		if string(got) != string(want) {
			t.Errorf("%s differs from the embedded file", name)
		}
	}

	// A user's edit survives a second run without force.
	edited := filepath.Join(dir, "item.md.tmpl")
	if err := os.WriteFile(edited, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	written, err = writeTemplates(dir, false)
	if !errors.Is(err, fs.ErrExist) || written != nil {
		t.Fatalf("second WriteDir: %v, %v; want fs.ErrExist and nothing written", written, err)
	}
	if b, _ := os.ReadFile(edited); string(b) != "edited" {
		t.Error("WriteDir without force overwrote a file")
	}

	if _, err := writeTemplates(dir, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(edited); string(b) == "edited" {
		t.Error("WriteDir with force did not overwrite")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(templates.Names()) {
		t.Errorf("folder holds %d entries, want %d (temporary files left?)", len(entries), len(templates.Names()))
	}
}
