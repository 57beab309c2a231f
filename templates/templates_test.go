package templates

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	names := Names()
	for _, want := range []string{"annex.md.tmpl", "memorandum.md.tmpl", "sla.md.tmpl", "item.md.tmpl", "parties.md.tmpl", "signatures.md.tmpl"} {
		if !slices.Contains(names, want) {
			t.Errorf("default templates lack %s (have %v)", want, names)
		}
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tmpl")
	written, err := WriteDir(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != len(Names()) {
		t.Fatalf("wrote %d files, want %d", len(written), len(Names()))
	}
	for _, name := range Names() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := FS.ReadFile(name)
		if string(got) != string(want) {
			t.Errorf("%s differs from the embedded file", name)
		}
	}

	// A user's edit survives a second run without force.
	edited := filepath.Join(dir, "item.md.tmpl")
	if err := os.WriteFile(edited, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	written, err = WriteDir(dir, false)
	if !errors.Is(err, fs.ErrExist) || written != nil {
		t.Fatalf("second WriteDir: %v, %v; want fs.ErrExist and nothing written", written, err)
	}
	if b, _ := os.ReadFile(edited); string(b) != "edited" {
		t.Error("WriteDir without force overwrote a file")
	}

	if _, err := WriteDir(dir, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(edited); string(b) == "edited" {
		t.Error("WriteDir with force did not overwrite")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(Names()) {
		t.Errorf("folder holds %d entries, want %d (temporary files left?)", len(entries), len(Names()))
	}
}
